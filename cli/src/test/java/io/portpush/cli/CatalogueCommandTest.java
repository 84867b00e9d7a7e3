package io.portpush.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueCommandTest {
    @TempDir
    Path dir;

    @Test
    void searchByPortPrintsAnAlignedTable() {
        CliRun r = CliRun.of("catalogue", "search", "5222");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("FLOW").contains("FROM -> TO", "PORTS");
        assertThat(r.out()).contains("xcp.client-access", "xmpp-client -> imp-node", "5222");
    }

    @Test
    void searchJsonIsMachineReadable() throws Exception {
        CliRun r = CliRun.of("catalogue", "search", "8443", "--json");
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("group").asText()).isEqualTo("tomcat-web");
    }

    @Test
    void exportCsvHasOneRowPerFlow() {
        CliRun r = CliRun.of("catalogue", "export", "--format", "csv");
        assertThat(r.exitCode()).isZero();
        // header + 65 rows; remarks are quoted so embedded commas do not split rows
        assertThat(r.out().lines().count()).isEqualTo(66);
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("ref,group,table,flow,from");
    }

    @Test
    void exportMarkdownAndJson() throws Exception {
        assertThat(CliRun.of("catalogue", "export", "--format", "md").out().lines().count()).isEqualTo(67);
        JsonNode doc = new ObjectMapper().readTree(CliRun.of("catalogue", "export", "--format", "json").out());
        assertThat(doc.get("groups")).hasSize(26);
        assertThat(doc.get("composites").findValuesAsText("id")).contains("edge-client-access");
    }

    @Test
    void listAndShow() {
        CliRun list = CliRun.of("catalogue", "list");
        assertThat(list.out()).contains("26 groups, 65 flows").contains("imdb-replication").contains("edge-client-access");
        CliRun show = CliRun.of("catalogue", "show", "xcp");
        assertThat(show.out()).contains("xcp (table 22): XCP requests").contains("xcp.mdns").contains("TCP (XMPP)")
                .doesNotContain("Note:");
        assertThat(CliRun.of("catalogue", "show", "presence-engine").out())
                .contains("Note: ambiguous presence-engine.livebus (port 50000): The seed says both");
        assertThat(CliRun.of("catalogue", "show", "racoon-ipsec").out())
                .contains("Note: known gap ipsec-nat-traversal (not in the seed): UDP 4500");
    }

    @Test
    void unknownGroupExitsNotFound() {
        CliRun r = CliRun.of("catalogue", "show", "xmpp");
        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).contains("no port group, flow or composite named 'xmpp'");
    }

    @Test
    void validateBadFileNamesFileLineAndFieldAndExits5() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                groups:
                  - id: rtp
                    title: Media
                    flows:
                      - { id: media, from: imp-node, to: sip-gateway, protocol: RTP, transport: udp, ports: [99999], scope: external }
                """);
        CliRun r = CliRun.of("catalogue", "validate", bad.toString());
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err().strip()).isEqualTo("portpush: " + bad + ":5: groups[0].flows[0].ports[0]: port 99999 is outside 1..65535");
    }

    @Test
    void userCatalogueIsMergedEverywhere() throws Exception {
        Path mine = dir.resolve("mine.yaml");
        Files.writeString(mine, """
                groups:
                  - id: rtp
                    title: Media
                    flows:
                      - { id: media, from: imp-node, to: sip-gateway, protocol: RTP, transport: udp, ports: [16384], scope: external }
                """);
        assertThat(CliRun.of("catalogue", "validate", mine.toString()).out()).contains("27 groups, 66 flows");
        assertThat(CliRun.of("catalogue", "search", "16384", "--catalogue", mine.toString()).out()).contains("rtp.media");
    }

    @Test
    void usageErrorsAndVersion() {
        assertThat(CliRun.of("catalogue", "export", "--format", "xml").exitCode()).isEqualTo(64);
        CliRun v = CliRun.of("catalogue", "search", "--version");
        assertThat(v.out()).startsWith("portpush ");
        assertThat(CliRun.of("catalogue", "list", "--help").out()).contains("--catalogue");
    }
}

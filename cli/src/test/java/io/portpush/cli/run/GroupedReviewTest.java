package io.portpush.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabClient;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check run over routers that mostly get the same change: five of them (one binding another
 * interface, through its own variable) share it and it is shown once; the one that holds a
 * hand-made entry gets its own change, shown before the shared one; an unreachable router says so
 * in its result line. The run ends with the summary line.
 */
class GroupedReviewTest {
    @TempDir
    Path dir;
    LabFleet fleet;

    @BeforeEach
    void start() {
        fleet = new LabFleet(null);
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void theSharedChangeIsShownOnceAndTheRoutersThatDifferFirst() throws Exception {
        StringBuilder hosts = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            LabDevice d = fleet.start(DeviceSpec.of("r" + i, "cisco_ios"));
            hosts.append("    r").append(i).append(": { ansible_port: ").append(d.port()).append(", edge_if: GigabitEthernet")
                    .append(i == 5 ? 2 : 1).append(" }\n");
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        hosts.append("    r7: { ansible_port: ").append(closed).append(", edge_if: GigabitEthernet1 }\n");
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
        // a hand-made entry in r6's list
        try (LabClient c = new LabClient(fleet.devices().get(5), Pattern.compile("r6(\\([\\w-]+\\))?[>#] ?$|Password: $"))) {
            c.login();
            c.raw("enable");
            c.raw(DeviceSpec.DEFAULT_ENABLE);
            c.cmd("configure terminal");
            c.cmd("ip access-list extended EDGE");
            c.cmd("permit ip host 192.0.2.99 any");
            c.cmd("end");
        }
        Path inv = dir.resolve("inv.yml");
        Files.writeString(inv, "all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                + " ansible_become_password: labenable-R4t8Wn, ansible_network_os: ios,"
                + " roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }\n  hosts:\n" + hosts);
        Path play = dir.resolve("edge.yml");
        Files.writeString(play, "- hosts: all\n  tasks:\n    - acl: { name: EDGE, bind: [{interface: '{{ edge_if }}', direction: in}],"
                + " rules: [{ permit: [xcp.client-access] }] }\n");
        Path json = dir.resolve("review.json");
        CliRun run = CliRun.inState(dir.resolve("state"), "run", play.toString(), "-i", inv.toString(), "--check", "--diff",
                "--connect-timeout", "2", "--report", json.toString(), "--report", dir.resolve("review.html").toString());
        String out = run.out();
        assertThat(run.code()).as(out).isEqualTo(4);
        assertThat(out).contains("fatal: [r7]: UNREACHABLE!");
        int own = out.indexOf("  r6: a change of its own");
        int shared = out.indexOf("  5 hosts (r1, r2, r3, r4, r5): the same change");
        assertThat(own).as(out).isPositive();
        assertThat(shared).as("the router that differs comes first").isGreaterThan(own);
        // the shared change once, with the variable where the routers' values differ
        assertThat(out.split("--- a/", -1)).hasSize(3);
        assertThat(out.substring(shared)).contains("--- a/{{ inventory_hostname }}/acl/EDGE", "interface {{ edge_if }}")
                .doesNotContain("192.0.2.99");
        assertThat(out.substring(own, shared)).contains("--- a/r6/acl/EDGE", "192.0.2.99");
        assertThat(out).contains("summary: 7 hosts: 6 would change, 0 ok, 0 failed, 1 unreachable; 2 distinct changes; check mode, nothing sent");
        // the JSON report holds the same groups, in the same order
        com.fasterxml.jackson.databind.JsonNode groups = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile())
                .path("tasks").get(0).path("groups");
        assertThat(groups).hasSize(3);
        assertThat(groups.get(0).path("hosts").toString()).isEqualTo("[\"r7\"]");
        assertThat(groups.get(1).path("hosts").toString()).isEqualTo("[\"r6\"]");
        assertThat(groups.get(2).path("hosts").toString()).isEqualTo("[\"r1\",\"r2\",\"r3\",\"r4\",\"r5\"]");
        assertThat(groups.get(2).path("diff").asText()).contains("interface {{ edge_if }}");
        // and the page opens with them: the one that differs first, every host linked to its section, the text folded
        String html = Files.readString(dir.resolve("review.html"));
        int grouped = html.indexOf("<h2>Changes, grouped</h2>");
        int devices = html.indexOf("<h2>Devices</h2>");
        assertThat(grouped).isPositive().isLessThan(devices);
        String section = html.substring(grouped, devices);
        assertThat(section.indexOf("<a href=\"#host-r6\">r6</a>")).isPositive().isLessThan(section.indexOf("<a href=\"#host-r1\">r1</a>"));
        assertThat(section).contains("5 hosts, changed</span>", "<details><summary>diff and commands</summary>", "interface {{ edge_if }}");
        assertThat(html).contains("id=\"host-r1\"", "id=\"host-r6\"");
        // the host table: every host with its status and a link to its group; a filter box; nothing fetched from elsewhere
        assertThat(html).contains("<input id=\"filter\"", "<a href=\"#host-r7\">r7</a></td><td>acl</td><td class=\"unreachable\">unreachable",
                "<a href=\"#host-r5\">r5</a></td><td>acl</td><td class=\"changed\">changed</td><td><a href=\"#group-3\">group 3 (5 hosts)</a>",
                "id=\"group-3\"").doesNotContain("src=\"http", "href=\"http");
    }
}

package io.portpush.cli.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portpush.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code portpush parse} on every sample of the real-output corpus, against what a person counted in it. */
class ParseCommandTest {
    private static final Path CORPUS = Path.of("../modules/src/test/resources/real");

    @Test
    void everyCorpusSampleParsesAsItsExpectationSays() throws Exception {
        List<Path> samples;
        try (Stream<Path> s = Files.walk(CORPUS)) {
            samples = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(samples).as("the corpus has samples").hasSizeGreaterThanOrEqualTo(17);
        for (Path sample : samples) {
            String platform = sample.getParent().getParent().getFileName().toString();
            String command = sample.getParent().getFileName().toString().replace('_', ' ');
            // the records a person wrote beside the sample (LIST | entry); the module's corpus test compares them field by field
            List<String> records = Files.readAllLines(Path.of(sample.toString().replace(".txt", ".expect"))).stream()
                    .filter(l -> !l.startsWith("#") && l.contains(" | ")).toList();
            CliRun r = CliRun.of("parse", "--platform", platform, "--command", command, sample.toString(), "--json");
            int unrecognised = (int) records.stream().filter(l -> l.contains(" | unrecognised line ")).count();
            int expectedEntries = (int) records.stream().filter(l -> !l.endsWith(" | (no entries)") && !l.endsWith(" | (no counters)")
                    && !l.endsWith(" | (nothing applied)")
                    && !l.contains(" | unrecognised line ")).count() + (command.equals("show firewall") ? 0 : unrecognisedIn(records));
            assertThat(r.code()).as(sample + ": " + r.err()).isEqualTo(unrecognised == 0 ? 0 : 3);
            JsonNode doc = new ObjectMapper().readTree(r.out());
            int entries = 0;
            for (JsonNode list : doc.path("acls")) {
                entries += list.size();
            }
            for (JsonNode list : doc.path("counters")) {
                entries += list.size();
            }
            entries += doc.path("routes").size();
            for (JsonNode list : doc.path("interfaces")) {
                entries += list.size();
            }
            assertThat(entries).as(sample + " entries").isEqualTo(expectedEntries);
            assertThat(doc.get("unrecognised").size()).as(sample + " unrecognised").isEqualTo(unrecognised);
            for (JsonNode u : doc.get("unrecognised")) {
                int line = u.get("line").asInt();
                assertThat(line).as("line number of %s", u).isPositive();
                assertThat(Files.readAllLines(sample).get(line - 1).replaceAll("\\s+", " ")).contains(u.get("text").asText()
                        .replaceAll("\\s+", " ").replaceFirst("^standard ", ""));
            }
        }
    }

    /** ACL readers keep an unrecognised line as an entry; counter readers list it apart. */
    private static int unrecognisedIn(List<String> records) {
        return (int) records.stream().filter(l -> l.contains(" | unrecognised line ")).count();
    }

    @Test
    void theTextFormListsEachUnrecognisedLineWithItsNumberAndAnUnknownCommandIsAnInputError() throws Exception {
        Path sample = CORPUS.resolve("cisco_ios/show_ip_access-lists/field-kinds.txt");
        CliRun r = CliRun.of("parse", "--platform", "cisco_ios", "--command", "show ip access-lists", sample.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("unrecognised: " + sample + ":6: [OG] permit udp object-group SRC object-group DST eq domain")
                .contains("permit icmp any -> any icmp 8").contains("permit ip 10.*.0.* -> any")
                .contains("12 entries in 4 list(s), 2 unrecognised line(s)");
        CliRun unknown = CliRun.of("parse", "--platform", "cisco_ios", "--command", "show version", sample.toString());
        assertThat(unknown.code()).isEqualTo(5);
        assertThat(unknown.err()).contains("no reader for 'show version'");
        CliRun missing = CliRun.of("parse", "--platform", "cisco_ios", "--command", "show ip access-lists", "nosuch.txt");
        assertThat(missing.code()).isEqualTo(6);
    }

    @Test
    void interfaceReadersListWhatIsAppliedAndTheLinesTheyDidNotUnderstand(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path sample = dir.resolve("groups.txt");
        // ASA Series Command Reference, access-group: per interface, or global for every interface
        Files.writeString(sample, "access-group INSIDE in interface inside\naccess-group GLOBAL global\naccess-group broken\n");
        CliRun r = CliRun.of("parse", "--platform", "cisco_asa", "--command", "show running-config access-group", sample.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("inside\n  in INSIDE", "global\n  global GLOBAL", "unrecognised: " + sample + ":3: access-group broken",
                "3 interface(s), 1 unrecognised line(s)");
        Path ip = dir.resolve("ip.txt");
        Files.writeString(ip, "GigabitEthernet1 is up, line protocol is up\n  Outgoing access list is not set\n  Inbound  access list is EDGE\n");
        CliRun ok = CliRun.of("parse", "--platform", "cisco_ios", "--command", "show ip interface", ip.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("GigabitEthernet1\n  in EDGE", "1 interface(s), 0 unrecognised line(s)");
    }
}

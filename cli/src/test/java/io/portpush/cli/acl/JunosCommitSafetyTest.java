package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
import io.portpush.cli.LabHosts;
import io.portpush.lab.CommandLog;
import io.portpush.lab.Faults;
import io.portpush.lab.LabDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Junos changes are made with {@code commit confirmed} and confirmed only after the read-back
 * proved them: the device keeps its own way back if portpush never returns. Each test fails if
 * that order is lost (a plain commit first, a confirm before the read-back, a confirm after a
 * failed verify).
 */
class JunosCommitSafetyTest {
    @TempDir
    Path dir;
    LabHosts lab;
    LabDevice mx1;

    @BeforeEach
    void lab() throws Exception {
        lab = LabHosts.start(dir, "mx1:juniper_junos");
        mx1 = lab.get("mx1");
        Files.writeString(dir.resolve("inv.yml"), """
                all:
                  vars: { %s, roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }
                  hosts:
                    %s
                """.formatted(LabHosts.CREDENTIALS, lab.host("mx1", "")));
        Files.writeString(dir.resolve("acl.yml"), """
                - hosts: all
                  tasks:
                    - acl:
                        name: EDGE
                        bind: [{ interface: ge-0/0/0.0, direction: in }]
                        rules:
                          - permit: [xcp.client-access]
                """);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private CliRun push() {
        return CliRun.inState(dir.resolve("state"), "run", dir.resolve("acl.yml").toString(), "-i", dir.resolve("inv.yml").toString());
    }

    private static int index(List<String> lines, java.util.function.Predicate<String> p, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (p.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theChangeIsCommittedConfirmedReadBackAndOnlyThenConfirmed() {
        CliRun r = push();
        assertThat(r.code()).as(r.out()).isZero();
        List<String> log = mx1.log().entries().stream().map(CommandLog.Entry::line).toList();
        int confirmed = index(log, l -> l.matches("commit confirmed \\d+ comment .*"), 0);
        assertThat(confirmed).as("a commit confirmed in %s", log).isPositive();
        assertThat(index(log, l -> l.startsWith("commit") && !l.startsWith("commit confirmed") && !l.startsWith("commit check"), 0))
                .as("no plain commit before the confirmed one").isGreaterThan(confirmed);
        int readBack = index(log, l -> l.startsWith("show configuration firewall"), confirmed + 1);
        assertThat(readBack).as("the filter is read back after the commit confirmed").isPositive();
        int confirm = index(log, l -> l.startsWith("commit comment") && l.contains("verified"), readBack + 1);
        assertThat(confirm).as("the confirm follows the read-back").isPositive();
        assertThat(mx1.personality().savedConfig()).contains("set firewall family inet filter EDGE term t1-xcp-client-access");
        // confirmed: the device's own timer no longer takes the change back
        assertThat(mx1.personality().savedConfig()).contains("set interfaces ge-0/0/0 unit 0 family inet filter input EDGE");
    }

    @Test
    void aChangeThatFailsVerifyIsNeverConfirmedAndTheDeviceIsBackWhereItWas() {
        String before = mx1.personality().savedConfig();
        mx1.faults(Faults.NONE.withIgnoredLine("destination-port 5222"));
        CliRun r = push();
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("verify failed");
        List<String> log = mx1.log().entries().stream().map(CommandLog.Entry::line).toList();
        assertThat(log).anyMatch(l -> l.startsWith("commit confirmed"));
        assertThat(log).noneMatch(l -> l.startsWith("commit comment") && l.contains("verified"));
        assertThat(mx1.personality().savedConfig()).isEqualTo(before).doesNotContain("filter EDGE");
    }
}

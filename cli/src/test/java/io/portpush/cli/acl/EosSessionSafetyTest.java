package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
import io.portpush.cli.LabHosts;
import io.portpush.lab.CommandLog;
import io.portpush.lab.LabClient;
import io.portpush.lab.LabDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On EOS portpush changes the switch through a configuration session named portpush. A session of
 * that name left uncommitted (an interrupted run, a person) holds an older snapshot of the
 * configuration; committing it would put that snapshot back. portpush aborts it before it starts,
 * commits with a timer, and confirms only after the read-back.
 */
class EosSessionSafetyTest {
    @TempDir
    Path dir;
    LabHosts lab;
    LabDevice sw1;

    @BeforeEach
    void lab() throws Exception {
        lab = LabHosts.start(dir, "sw1:arista_eos");
        sw1 = lab.get("sw1");
        Files.writeString(dir.resolve("inv.yml"), """
                all:
                  vars: { %s, roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }
                  hosts:
                    %s
                """.formatted(LabHosts.CREDENTIALS, lab.host("sw1", "")));
        Files.writeString(dir.resolve("acl.yml"), """
                - hosts: all
                  tasks:
                    - acl:
                        name: EDGE
                        bind: [{ interface: Ethernet1, direction: in }]
                        rules:
                          - permit: [xcp.client-access]
                """);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void aStaleSessionIsAbortedNotCommittedAndTheChangeIsConfirmedAfterTheReadBack() throws Exception {
        try (LabClient c = new LabClient(sw1, Pattern.compile("sw1(\\([\\w.\\-/:]+\\))?[>#] ?$|Password: $"))) {
            c.login();
            c.raw("enable");
            c.raw(io.portpush.lab.DeviceSpec.DEFAULT_ENABLE);
            c.cmd("configure session portpush");
            c.cmd("ip access-list STALE");
            c.cmd("permit ip any any");
            c.cmd("exit");
            c.cmd("end"); // the session stays, uncommitted
        }
        CliRun r = CliRun.inState(dir.resolve("state"), "run", dir.resolve("acl.yml").toString(), "-i", dir.resolve("inv.yml").toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(sw1.personality().savedConfig()).contains("ip access-list EDGE").doesNotContain("STALE");
        List<String> log = sw1.log().entries().stream().map(CommandLog.Entry::line).toList();
        int timer = log.indexOf("commit timer 00:05:00");
        int readBack = log.lastIndexOf("show ip access-lists EDGE");
        int confirm = log.indexOf("configure session portpush commit");
        assertThat(timer).as("a timed commit in %s", log).isPositive();
        assertThat(readBack).as("read back after the timed commit").isGreaterThan(timer);
        assertThat(confirm).as("confirmed after the read-back").isGreaterThan(readBack);
    }
}

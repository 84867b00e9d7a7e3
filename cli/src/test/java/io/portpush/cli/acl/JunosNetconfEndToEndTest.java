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
 * The same intent pushed to one Junos device over its CLI and to another over NETCONF
 * ({@code ansible_connection: netconf}) leaves the same configuration, with the same safety: commit
 * confirmed, read back, and only then confirmed; a change that fails verify is never confirmed.
 */
class JunosNetconfEndToEndTest {
    @TempDir
    Path dir;
    LabHosts lab;
    LabDevice cli;
    LabDevice nc;

    @BeforeEach
    void lab() throws Exception {
        lab = LabHosts.start(dir, "mx1:juniper_junos", "mx2:juniper_junos");
        cli = lab.get("mx1");
        nc = lab.get("mx2");
        Files.writeString(dir.resolve("inv.yml"), """
                all:
                  vars: { %s, roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24], sip-gateway: [192.0.2.0/28] } }
                  hosts:
                    %s
                    %s
                """.formatted(LabHosts.CREDENTIALS, lab.host("mx1", ""), lab.host("mx2", "ansible_connection: netconf")));
        Files.writeString(dir.resolve("acl.yml"), """
                - hosts: all
                  tasks:
                    - acl:
                        name: EDGE
                        bind: [{ interface: ge-0/0/0.0, direction: in }]
                        rules:
                          - permit: [xcp.client-access, sip-proxy.tls-server-auth]
                """);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private CliRun run(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", dir.resolve("acl.yml").toString(), "-i", dir.resolve("inv.yml").toString()));
        args.addAll(List.of(extra));
        return CliRun.inState(dir.resolve("state"), args.toArray(String[]::new));
    }

    /** The lines of a saved configuration that the change is about (the host names differ on purpose). */
    private static List<String> policy(LabDevice d) {
        return d.personality().savedConfig().lines().filter(l -> l.contains("filter")).toList();
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
    void cliAndNetconfLeaveTheSameConfigurationTheSameSafeWay() {
        CliRun check = run("--check", "--diff");
        assertThat(check.code()).as(check.out()).isZero();
        assertThat(nc.log().entries()).as("check mode changes nothing over NETCONF either").noneMatch(CommandLog.Entry::configMode);
        assertThat(check.out()).contains("set firewall family inet filter EDGE term t1-xcp-client-access");

        CliRun r = run();
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).containsPattern("changed: \\[mx2\\] \\(verified from the device\\)");
        assertThat(policy(nc)).isNotEmpty().isEqualTo(policy(cli));
        assertThat(policy(nc)).contains("set interfaces ge-0/0/0 unit 0 family inet filter input EDGE");

        // the NETCONF session made the change as the CLI one does: confirmed commit, read back, confirm
        List<String> log = nc.log().entries().stream().map(CommandLog.Entry::line).toList();
        assertThat(log).noneMatch(l -> l.startsWith("set ") || l.startsWith("commit"));
        int confirmed = index(log, l -> l.startsWith("<commit-configuration>") && l.contains("confirmed confirm-timeout="), 0);
        assertThat(confirmed).as("a confirmed commit in %s", log).isPositive();
        int readBack = index(log, l -> l.startsWith("<get-configuration database=\"committed\"") && l.contains("name=EDGE"), confirmed + 1);
        assertThat(readBack).as("read back after the confirmed commit in %s", log).isPositive();
        int confirm = index(log, l -> l.startsWith("<commit-configuration>") && !l.contains("confirmed") && l.contains("verified"),
                readBack + 1);
        assertThat(confirm).as("confirmed after the read-back in %s", log).isPositive();

        // the second run finds nothing to do on either device
        CliRun again = run();
        assertThat(again.out()).containsPattern("mx1 +: ok=1 +changed=0").containsPattern("mx2 +: ok=1 +changed=0");
    }

    @Test
    void overNetconfAChangeThatFailsVerifyIsNeverConfirmedAndTheDeviceIsBack() {
        String before = nc.personality().savedConfig();
        nc.faults(Faults.NONE.withIgnoredLine("destination-port 5222"));
        CliRun r = run("-l", "mx2");
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("verify failed");
        List<String> log = nc.log().entries().stream().map(CommandLog.Entry::line).toList();
        assertThat(log).anyMatch(l -> l.startsWith("<commit-configuration>") && l.contains("confirmed"));
        assertThat(log).noneMatch(l -> l.startsWith("<commit-configuration>") && l.contains("verified"));
        assertThat(nc.personality().savedConfig()).isEqualTo(before).doesNotContain("filter EDGE");
    }

    @Test
    void aStatementTheDeviceRefusesOverNetconfNamesItAndLeavesTheDeviceAsItWas() throws Exception {
        String before = nc.personality().savedConfig();
        Files.writeString(dir.resolve("bad.yml"), """
                - hosts: mx2
                  tasks:
                    - config:
                        lines: ["set firewall family inet filter BAD term t1 from bogus 1"]
                """);
        CliRun r = CliRun.inState(dir.resolve("state"), "run", dir.resolve("bad.yml").toString(), "-i", dir.resolve("inv.yml").toString());
        assertThat(r.code()).as(r.out()).isNotZero();
        assertThat(r.out()).contains("set firewall family inet filter BAD term t1 from bogus 1", "syntax error", "bogus");
        assertThat(nc.personality().savedConfig()).isEqualTo(before);
    }

    /**
     * A value that holds XML and the end-of-message marker reaches the Junos device over NETCONF as
     * the one statement it was typed in: portpush escapes it, so it cannot close its element or start
     * another RPC.
     */
    @Test
    void xmlInAValueStaysOneStatementOverNetconf() throws Exception {
        String evil = "x</configuration-set></load-configuration></rpc>]]>]]><rpc><discard-changes/></rpc>";
        Files.writeString(dir.resolve("desc.yml"), """
                - hosts: mx2
                  tasks:
                    - config:
                        lines: ["set interfaces ge-0/0/1 description {{ d }}"]
                """);
        CliRun r = CliRun.inState(dir.resolve("state"), "run", dir.resolve("desc.yml").toString(), "-i", dir.resolve("inv.yml").toString(),
                "-e", "d=" + evil);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(nc.personality().savedConfig()).contains("set interfaces ge-0/0/1 description " + evil);
        assertThat(nc.log().entries()).extracting(CommandLog.Entry::line).noneMatch(l -> l.startsWith("<discard-changes"));
    }

    @Test
    void aPlatformWithoutNetconfSaysSoAndNamesTheVariable() throws Exception {
        try (LabHosts ios = LabHosts.start(dir.resolve("ios"), "r1:cisco_ios")) {
            Files.writeString(dir.resolve("ios/inv.yml"), "all:\n  vars: { " + LabHosts.CREDENTIALS + " }\n  hosts:\n    "
                    + ios.host("r1", "ansible_connection: netconf") + "\n");
            Files.writeString(dir.resolve("ios/show.yml"), "- hosts: all\n  tasks:\n    - command: show version\n");
            CliRun r = CliRun.inState(dir.resolve("ios/state"), "run", dir.resolve("ios/show.yml").toString(), "-i",
                    dir.resolve("ios/inv.yml").toString());
            assertThat(r.code()).as(r.out() + r.err()).isNotZero();
            assertThat(r.out() + r.err()).contains("r1.ansible_connection", "portpush has no NETCONF channel for cisco_ios");
            assertThat(ios.get("r1").log().entries()).as("nothing typed at the router").isEmpty();
        }
    }
}

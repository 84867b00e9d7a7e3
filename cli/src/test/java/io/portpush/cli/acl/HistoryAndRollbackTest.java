package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
import io.portpush.core.history.Journal;
import io.portpush.core.history.RunLock;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revisions in git, rollback through the same path as a change, the run lock and the in-flight journal. */
class HistoryAndRollbackTest {
    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice r1;
    LabDevice mx1;


    @BeforeEach
    void lab() throws Exception {
        fleet = new LabFleet(null);
        r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios").withCredentials("admin", "s3cret-pass", DeviceSpec.DEFAULT_ENABLE));
        mx1 = fleet.start(DeviceSpec.of("mx1", "juniper_junos").withCredentials("admin", "s3cret-pass", DeviceSpec.DEFAULT_ENABLE));
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
        Files.writeString(dir.resolve("inv.yml"), """
                all:
                  vars:
                    ansible_host: 127.0.0.1
                    ansible_user: admin
                    ansible_password: s3cret-pass
                    ansible_become_password: labenable-R4t8Wn
                    roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24], snmp-manager: [10.30.0.10] }
                  hosts:
                    r1: { ansible_port: %d, ansible_network_os: ios, edge_if: GigabitEthernet1 }
                    mx1: { ansible_port: %d, ansible_network_os: junos, edge_if: ge-0/0/0.0 }
                """.formatted(r1.port(), mx1.port()));
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private Path playbook(String flows) throws Exception {
        Path p = dir.resolve("acl.yml");
        Files.writeString(p, """
                - name: edge
                  hosts: all
                  tasks:
                    - acl:
                        name: EDGE
                        bind: [{ interface: "{{ edge_if }}", direction: in }]
                        rules: [{ permit: [%s] }]
                """.formatted(flows));
        return p;
    }

    private CliRun cli(String... args) {
        return CliRun.inState(dir.resolve("state"), args);
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-i", dir.resolve("inv.yml").toString(), "--timeout", String.valueOf(io.portpush.lab.TimeScale.seconds(5))));
        return cli(all.toArray(String[]::new));
    }

    @Test
    void everyChangeIsARevisionAndRollbackGoesBackThroughVerify() throws Exception {
        assertThat(run("run", playbook("xcp.client-access").toString()).code()).isZero();
        String v1Ios = r1.personality().savedConfig();
        assertThat(run("run", playbook("xcp.client-access, snmp.agent").toString()).code()).isZero();
        assertThat(r1.personality().savedConfig()).contains("eq snmp");

        try (Git git = Git.open(dir.resolve("state/history").toFile())) {
            List<RevCommit> log = new ArrayList<>();
            git.log().call().forEach(log::add);
            // two baselines (one per device), two runs
            assertThat(log).hasSize(4);
            assertThat(log.get(0).getFullMessage()).startsWith("portpush edge: 2 device(s) changed").contains("run-id: ", "user: ",
                    "result: ok", "host r1: changed", "host mx1: changed");
        }
        assertThat(Files.readString(dir.resolve("state/history/devices/r1/acl/EDGE"))).contains("eq snmp");
        assertThat(Files.readString(dir.resolve("state/history/devices/mx1/acl/EDGE.json"))).contains("\"destination_ports\" : [ \"161\", \"8161\" ]");
        assertThat(Files.readString(dir.resolve("state/history/devices/r1/backup/running-config"))).doesNotContain("eq snmp")
                .doesNotContain("s3cret-pass");

        CliRun listing = cli("history", "r1", "--object", "acl/EDGE");
        // the baseline is listed with the object's revisions ('previous' and 'baseline' use it)
        assertThat(listing.out()).contains("portpush edge: 2 device(s) changed").contains("baseline r1 acl/EDGE").contains("3 revisions");

        long configBefore = r1.log().entries().stream().filter(e -> e.configMode()).count();
        CliRun check = run("rollback", "--object", "acl/EDGE", "--check", "--diff");
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("changed: [r1]").containsPattern("(?m)^-\\s*\\d+ permit udp host 10\\.30\\.0\\.10 .*eq snmp$");
        assertThat(r1.log().entries().stream().filter(e -> e.configMode()).count()).isEqualTo(configBefore);

        CliRun back = run("rollback", "--object", "acl/EDGE");
        assertThat(back.code()).as(back.out()).isZero();
        assertThat(back.out()).contains("changed: [r1]", "changed: [mx1]");
        assertThat(r1.personality().savedConfig().replaceAll("! Last configuration change.*\n", ""))
                .isEqualTo(v1Ios.replaceAll("! Last configuration change.*\n", ""));
        assertThat(mx1.personality().savedConfig()).doesNotContain("destination-port 161");
        CliRun after = cli("history");
        assertThat(after.out()).contains("portpush rollback acl/EDGE: 2 device(s) changed");
        CliRun diff = cli("history", "diff", "HEAD~1", "HEAD");
        assertThat(diff.out()).containsPattern("(?m)^-.*permit udp host 10\\.30\\.0\\.10 .*eq snmp$").contains("devices/r1/acl/EDGE");
    }

    @Test
    void rollingBackTheFirstChangeRemovesTheAcl() throws Exception {
        assertThat(run("run", playbook("xcp.client-access").toString()).code()).isZero();
        CliRun back = run("rollback", "--object", "acl/EDGE", "-l", "r1");
        assertThat(back.code()).as(back.out()).isZero();
        assertThat(r1.personality().savedConfig()).doesNotContain("EDGE");
    }

    @Test
    void eachRollbackToPreviousStepsFurtherBackAndBaselineGoesToTheStart() throws Exception {
        assertThat(run("run", playbook("xcp.client-access").toString()).code()).isZero();
        assertThat(run("run", playbook("xcp.client-access, snmp.agent").toString()).code()).isZero();
        assertThat(run("run", playbook("xcp.client-access, snmp.agent, snmp.cdp-agent").toString()).code()).isZero();
        assertThat(r1.personality().savedConfig()).contains("eq 7999").contains("eq snmp");
        CliRun first = run("rollback", "--object", "acl/EDGE", "-l", "r1");
        assertThat(first.code()).as(first.out()).isZero();
        assertThat(r1.personality().savedConfig()).doesNotContain("eq 7999").contains("eq snmp");
        // a second 'previous' goes one more step back; it does not undo the first rollback
        CliRun second = run("rollback", "--object", "acl/EDGE", "-l", "r1");
        assertThat(second.code()).as(second.out()).isZero();
        assertThat(r1.personality().savedConfig()).doesNotContain("eq 7999").doesNotContain("eq snmp").contains("eq 5222");
        CliRun baseline = run("rollback", "--object", "acl/EDGE", "--to", "baseline", "-l", "r1");
        assertThat(baseline.code()).as(baseline.out()).isZero();
        assertThat(r1.personality().savedConfig()).doesNotContain("ip access-list extended EDGE");
    }

    @Test
    void anUnknownRevisionIsNotFoundBeforeAnyConnection() throws Exception {
        assertThat(run("run", playbook("xcp.client-access").toString()).code()).isZero();
        int before = r1.log().entries().size();
        CliRun back = run("rollback", "--object", "acl/EDGE", "--to", "deadbeef", "-l", "r1");
        assertThat(back.code()).as(back.out() + back.err()).isEqualTo(6);
        assertThat(back.err()).contains("no revision 'deadbeef'");
        assertThat(r1.log().entries()).hasSize(before);
        assertThat(r1.personality().savedConfig()).contains("ip access-list extended EDGE");
    }

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        try (RunLock held = RunLock.acquire(dir.resolve("state"), "other-run")) {
            CliRun r = run("run", playbook("xcp.client-access").toString());
            assertThat(r.code()).isEqualTo(7);
            assertThat(r.err()).contains("another portpush run is using", "run other-run", "pid " + ProcessHandle.current().pid());
            assertThat(r1.log().entries()).isEmpty();
        }
        assertThat(run("run", playbook("xcp.client-access").toString()).code()).isZero();
    }

    @Test
    void changesLeftInFlightByAKilledRunAreReported() throws Exception {
        new Journal(dir.resolve("state"), "killed-run").begin("r1", "acl/EDGE", "ip access-list extended EDGE\n 10 permit ip any any\n");
        CliRun r = run("run", playbook("xcp.client-access").toString());
        assertThat(r.out()).contains("[WARNING]: a change was in flight when an earlier run stopped: r1 acl/EDGE: run killed-run started "
                + "changing acl/EDGE on r1");
        assertThat(run("run", playbook("xcp.client-access").toString()).out()).doesNotContain("in flight");
    }
}

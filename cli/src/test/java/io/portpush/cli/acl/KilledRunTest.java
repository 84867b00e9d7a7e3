package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.PortpushCommand;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.Faults;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL of the CLI in the middle of a change: history stays readable, the next run names the device. */
class KilledRunTest {
    @TempDir
    Path dir;

    @Test
    void aRunKilledMidChangeLeavesReadableHistoryAndIsReportedNextTime() throws Exception {
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios").withFaults(Faults.NONE.withCommandLatency(0)));
            LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
            Path inv = dir.resolve("inv.yml");
            Files.writeString(inv, ("all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                    + " ansible_become_password: labenable-R4t8Wn, roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }\n"
                    + "  hosts:\n    r1: { ansible_port: %d, ansible_network_os: ios }\n").formatted(r1.port()));
            Path play = dir.resolve("acl.yml");
            Files.writeString(play, "- hosts: all\n  tasks:\n    - acl: { name: EDGE, bind: [{interface: GigabitEthernet1, direction: in}],"
                    + " rules: [{ permit: [xcp.client-access] }] }\n");
            // every configuration answer now takes a while, so the kill lands inside the change
            r1.faults(Faults.NONE.withCommandLatency(150));
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), PortpushCommand.class.getName(), "run", play.toString(), "-i", inv.toString(),
                    "--state-dir", dir.resolve("state").toString());
            pb.redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile());
            Process p = pb.start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (r1.log().entries().stream().noneMatch(e -> e.line().startsWith(" 20 permit")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            p.destroyForcibly(); // SIGKILL
            p.waitFor();
            assertThat(r1.log().entries()).anyMatch(e -> e.configMode());
            r1.faults(Faults.NONE);

            // the history is a readable git repository (the baseline landed before the change began)
            try (Git git = Git.open(dir.resolve("state/history").toFile())) {
                assertThat(git.log().call().iterator().next().getShortMessage()).startsWith("baseline r1 acl/EDGE");
            }
            StringWriter out = new StringWriter();
            int code = PortpushCommand.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "run", play.toString(), "-i",
                    inv.toString(), "--state-dir", dir.resolve("state").toString());
            assertThat(out.toString()).contains("a change was in flight when an earlier run stopped: r1 acl/EDGE");
            assertThat(code).as(out.toString()).isZero();
            assertThat(r1.personality().savedConfig()).contains("ip access-list extended EDGE\n").doesNotContain("PORTPUSH-NEW");
            assertThat(List.of(Files.readString(dir.resolve("state/history/devices/r1/acl/EDGE")))).allMatch(t -> t.contains("eq 5222"));
        }
    }

    @Test
    void twoRunsInTwoProcessesDoNotInterleave() throws Exception {
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
            LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
            Path inv = dir.resolve("inv.yml");
            Files.writeString(inv, ("all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                    + " ansible_become_password: labenable-R4t8Wn, roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }\n"
                    + "  hosts:\n    r1: { ansible_port: %d, ansible_network_os: ios }\n").formatted(r1.port()));
            Path play = dir.resolve("acl.yml");
            Files.writeString(play, "- hosts: all\n  tasks:\n    - acl: { name: EDGE, rules: [{ permit: [xcp.client-access] }] }\n");
            r1.faults(Faults.NONE.withCommandLatency(100));
            Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), PortpushCommand.class.getName(), "run", play.toString(), "-i", inv.toString(),
                    "--state-dir", dir.resolve("state").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("first.log").toFile()).start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (r1.log().entries().isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            StringWriter out = new StringWriter();
            int code = PortpushCommand.execute(new PrintWriter(out), new PrintWriter(out), "run", play.toString(), "-i", inv.toString(),
                    "--state-dir", dir.resolve("state").toString());
            assertThat(code).isEqualTo(7);
            assertThat(out.toString()).contains("another portpush run is using", "pid " + first.pid());
            assertThat(first.waitFor()).isZero();
            r1.faults(Faults.NONE);
            assertThat(r1.personality().savedConfig()).contains("ip access-list extended EDGE");
        }
    }
}

package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.PortpushCommand;
import io.portpush.lab.CommandLog;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.Faults;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT or SIGTERM in the middle of a change: the change in progress ends verified (never
 * half-way), nothing new starts, the run says so and exits 130 or 143.
 */
class InterruptedRunTest {
    @TempDir
    Path dir;

    private void interruptMidChange(String signal, int expectedExit) throws Exception {
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
            LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
            Path inv = dir.resolve("inv.yml");
            Files.writeString(inv, ("all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: %s,"
                    + " ansible_become_password: %s, roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }\n"
                    + "  hosts:\n    r1: { ansible_port: %d, ansible_network_os: ios }\n")
                    .formatted(DeviceSpec.DEFAULT_PASSWORD, DeviceSpec.DEFAULT_ENABLE, r1.port()));
            Path play = dir.resolve("acl.yml");
            Files.writeString(play, "- hosts: all\n  tasks:\n    - acl: { name: EDGE, bind: [{interface: GigabitEthernet1, direction: in}],"
                    + " rules: [{ permit: [xcp.client-access] }] }\n    - name: after\n      config: { lines: [\"hostname AFTER\"] }\n");
            r1.faults(Faults.NONE.withCommandLatency(100));
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), PortpushCommand.class.getName(), "run", play.toString(), "-i", inv.toString(),
                    "--state-dir", dir.resolve("state").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("run.log").toFile()).start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (r1.log().entries().stream().noneMatch(e -> e.configMode() && e.line().contains("permit")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(10);
            }
            assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor()).isZero();
            assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("the run ends by itself").isTrue();
            String out = Files.readString(dir.resolve("run.log"));
            assertThat(p.exitValue()).as(out).isEqualTo(expectedExit);
            assertThat(out).contains("SIG" + signal + ": no new host or task starts").contains("interrupted by SIG" + signal)
                    .contains("not started: task 'after'");
            // the change that was under way is complete and verified, and nothing after it ran
            assertThat(out).contains("changed: [r1]").doesNotContain("failed=1");
            r1.faults(Faults.NONE);
            String config = r1.personality().savedConfig();
            assertThat(config).contains("ip access-list extended EDGE\n").contains("eq 5222").contains(" ip access-group EDGE in\n")
                    .doesNotContain("PORTPUSH").doesNotContain("hostname AFTER");
            assertThat(r1.log().entries()).noneMatch(e -> e.line().equals("hostname AFTER"));
            assertThat(r1.log().entries().stream().filter(CommandLog.Entry::configMode).count()).isPositive();
        }
    }

    @Test
    void sigintLetsTheChangeInProgressFinishAndStartsNothingNew() throws Exception {
        // a shell that starts a job in the background sets SIGINT to ignored for it and its children; the JVM then
        // keeps it ignored (so does portpush), and there is nothing to test
        org.junit.jupiter.api.Assumptions.assumeFalse(ignored(2), "SIGINT is ignored in this process (started in the background); "
                + "the SIGTERM test covers the same path");
        interruptMidChange("INT", 130);
    }

    /** Whether signal {@code n} is ignored by this process (Linux: the SigIgn mask of /proc/self/status). */
    static boolean ignored(int n) throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String l : Files.readAllLines(status)) {
            if (l.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(l.substring(7).strip(), 16);
                return (mask & (1L << (n - 1))) != 0;
            }
        }
        return false;
    }

    @Test
    void sigtermDoesTheSameWithItsOwnExitCode() throws Exception {
        interruptMidChange("TERM", 143);
    }
}

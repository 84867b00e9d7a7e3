package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
import io.portpush.cli.PortpushCommand;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.Faults;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import io.portpush.lab.TimeScale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --confirm-timeout} on every CLI platform with a device-side timer: portpush killed with
 * SIGKILL after the change reached the device (it hangs on its confirm, the kill lands there)
 * leaves the device to take the change back by itself when its timer runs out; a run that
 * confirms leaves the change in place past the timer. Lab minutes are short, so the timers run
 * out in seconds; the devices' own mechanisms do the restoring (IOS rolls back to its archive,
 * Junos rolls back its commit confirmed, EOS aborts its session's commit timer, the ASA's EEM applet
 * runs the undo lines portpush gave it, the NX-OS applet rolls back to the checkpoint taken first).
 */
class ConfirmWindowKillTest {
    @TempDir
    Path dir;

    private static final Duration MINUTE = TimeScale.of(Duration.ofMillis(2500));

    private LabDevice start(LabFleet fleet, String platform) {
        LabDevice d = fleet.start(DeviceSpec.of("d1", platform).withMinute(MINUTE));
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
        return d;
    }

    private Path files(LabDevice d, String os, String iface) throws Exception {
        Files.writeString(dir.resolve("inv.yml"), ("all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                + " ansible_become_password: labenable-R4t8Wn, roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }\n"
                + "  hosts:\n    d1: { ansible_port: %d, ansible_network_os: %s }\n").formatted(d.port(), os));
        Path play = dir.resolve("acl.yml");
        Files.writeString(play, "- hosts: all\n  tasks:\n    - acl: { name: EDGE, bind: [{interface: " + iface + ", direction: in}],"
                + " rules: [{ permit: [xcp.client-access] }] }\n");
        return play;
    }

    private static boolean holdsEdge(LabDevice d) {
        // the ASA's applet stays configured after it ran, naming the list in its actions: those lines do not count
        return d.personality().savedConfig().lines().anyMatch(l -> l.contains("EDGE") && !l.contains(" cli command "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "cisco_ios, ios, GigabitEthernet1, ^configure confirm$",
            "juniper_junos, junos, ge-0/0/0.0, ^commit comment .*\\(verified\\)",
            "arista_eos, eos, Ethernet1, ^configure session \\S+ commit$",
            "cisco_asa, asa, outside, ^no event manager applet PORTPUSH-UNDO$",
            "cisco_nxos, nxos, Ethernet1/1, ^no event manager applet PORTPUSH-UNDO$"})
    void aKilledRunIsTakenBackByTheDeviceAndAConfirmedOneStays(String platform, String os, String iface, String confirmLine)
            throws Exception {
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice d = start(fleet, platform);
            Path play = files(d, os, iface);
            assertThat(holdsEdge(d)).isFalse();
            // the device never answers the confirm: portpush hangs there until the kill
            d.faults(Faults.NONE.withStalledCommand(confirmLine, 0));
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), PortpushCommand.class.getName(), "run", play.toString(), "-i",
                    dir.resolve("inv.yml").toString(), "--state-dir", dir.resolve("state").toString(), "--confirm-timeout", "1m",
                    "--timeout", "60");
            pb.redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile());
            Process p = pb.start();
            Instant deadline = Instant.now().plus(TimeScale.of(Duration.ofSeconds(60)));
            while (!holdsEdge(d) && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(holdsEdge(d)).as("the change reached the device; portpush said: %s", Files.readString(dir.resolve("killed.log"))).isTrue();
            java.util.regex.Pattern confirm = java.util.regex.Pattern.compile(confirmLine);
            while (d.log().entries().stream().noneMatch(e -> confirm.matcher(e.line()).find())
                    && p.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(p.isAlive()).as(Files.readString(dir.resolve("killed.log"))).isTrue();
            p.destroyForcibly(); // SIGKILL, after the change and before the confirm
            p.waitFor();
            assertThat(holdsEdge(d)).as("the change is still there right after the kill").isTrue();
            Instant restored = Instant.now().plus(MINUTE.multipliedBy(4));
            while (holdsEdge(d) && Instant.now().isBefore(restored)) {
                Thread.sleep(50);
            }
            assertThat(holdsEdge(d)).as("the device's own timer took the change back: %s", d.personality().savedConfig()).isFalse();
            assertThat(d.personality().savedConfig()).as("a countdown applet (ASA, NX-OS) is gone with its work").doesNotContain("event manager applet");

            // the same change, confirmed: it outlives the timer
            d.faults(Faults.NONE);
            CliRun run = CliRun.inState(dir.resolve("state"), "run", play.toString(), "-i", dir.resolve("inv.yml").toString(),
                    "--confirm-timeout", "1m");
            assertThat(run.code()).as(run.out() + run.err()).isZero();
            assertThat(run.out() + run.err()).doesNotContain("no device-side undo");
            Thread.sleep(MINUTE.multipliedBy(2).toMillis());
            assertThat(holdsEdge(d)).as("confirmed in time: nothing was taken back").isTrue();
        }
    }
}

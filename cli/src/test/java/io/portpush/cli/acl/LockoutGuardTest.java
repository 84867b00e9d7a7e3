package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
import io.portpush.lab.CommandLog;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.Faults;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lockout guard with --confirm-timeout: after the change verified portpush logs in again as a
 * fresh operator would. When that login fails, the device's own timer (IOS: the revert timer over
 * its configuration archive; NX-OS: an EEM countdown rolling back to a checkpoint) is left to take
 * the change back by itself ("not confirming"). The lab either judges new logins with its own
 * filter (lab_filter_logins) or, standing in for it, refuses them once the change reached it.
 */
class LockoutGuardTest {
    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice r1;
    LabDevice sw1;
    static final java.time.Duration MINUTE = io.portpush.lab.TimeScale.of(java.time.Duration.ofMillis(4000));

    @BeforeEach
    void lab() {
        fleet = new LabFleet(null);
        // slow answers, so the change lands well before the verify read ends and the fresh login begins
        r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios").withFaults(Faults.NONE.withCommandLatency(60)).withMinute(MINUTE));
        sw1 = fleet.start(DeviceSpec.of("sw1", "cisco_nxos").withFaults(Faults.NONE.withCommandLatency(60)).withMinute(MINUTE));
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private Path files() throws Exception {
        Files.writeString(dir.resolve("inv.yml"), ("all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                + " ansible_become_password: labenable-R4t8Wn, roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }\n"
                + "  hosts:\n    r1: { ansible_port: %d, ansible_network_os: ios, edge_if: GigabitEthernet1 }\n"
                + "    sw1: { ansible_port: %d, ansible_network_os: nxos, edge_if: Ethernet1/1 }\n").formatted(r1.port(), sw1.port()));
        Path play = dir.resolve("acl.yml");
        Files.writeString(play, "- hosts: all\n  tasks:\n    - acl: { name: EDGE, bind: [{interface: '{{ edge_if }}', direction: in}],"
                + " rules: [{ permit: [xcp.client-access] }] }\n");
        return play;
    }

    private static String config(LabDevice d) {
        return d.personality().savedConfig().replaceAll("! Last configuration change.*\n", "").replaceAll(": Saved.*\n", "");
    }

    /** Once a configuration line reaches {@code d}, new logins fail (as an ACL blocking the operator's address would). */
    private static CompletableFuture<Void> lockWhenChanged(LabDevice d) {
        return CompletableFuture.runAsync(() -> {
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && d.log().entries().stream().noneMatch(CommandLog.Entry::configMode)) {
                Thread.onSpinWait();
            }
            d.faults(d.faults().withRefuseLogins(true));
        });
    }

    @Test
    void onNxosAFailedFreshLoginIsNotConfirmedAndTheSwitchRollsBackToItsCheckpoint() throws Exception {
        Path play = files();
        String before = config(sw1);
        CompletableFuture<Void> lock = lockWhenChanged(sw1);
        CliRun run = CliRun.inState(dir.resolve("state"), "run", play.toString(), "-i", dir.resolve("inv.yml").toString(), "-l", "sw1",
                "--confirm-timeout", "1m");
        lock.get(5, TimeUnit.SECONDS);
        assertThat(run.code()).as(run.out()).isEqualTo(2);
        assertThat(run.out()).contains("lockout detected, not confirming (a new SSH login failed");
        assertThat(config(sw1)).contains("ip access-list EDGE");
        long deadline = System.currentTimeMillis() + MINUTE.multipliedBy(4).toMillis();
        while (!config(sw1).equals(before) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        // the applet's rollback to the checkpoint taken before the change: as it was, applet gone too
        assertThat(config(sw1)).isEqualTo(before);
        assertThat(sw1.log().entries()).extracting(CommandLog.Entry::line).contains("rollback running-config checkpoint portpush-undo");
    }

    /**
     * The router's own filter judges new logins ({@code lab_filter_logins}): portpush connects from
     * 127.0.0.1, which the routing table reaches through GigabitEthernet1 (the default route), so a
     * list bound inbound there without an entry for the operator's SSH locks portpush out.
     */
    @Test
    void anAclThatBlocksTheOperatorIsNotConfirmedAndTheRouterRollsBackByItself() throws Exception {
        LabDevice r2 = fleet.start(DeviceSpec.of("r2", "cisco_ios").withMinute(MINUTE).withProfile(new io.portpush.lab.DeviceProfile("r2", null,
                null, null, java.util.List.of(new io.portpush.lab.DeviceProfile.Iface("GigabitEthernet1", "10.1.0.1/24", null),
                new io.portpush.lab.DeviceProfile.Iface("GigabitEthernet2", "10.10.1.1/24", null)),
                java.util.List.of(new io.portpush.lab.DeviceProfile.StaticRoute(new inet.ipaddr.IPAddressString("0.0.0.0/0").getAddress(), "10.1.0.254")))
                .withFilterLogins(true)));
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
        Files.writeString(dir.resolve("inv2.yml"), ("all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                + " ansible_become_password: labenable-R4t8Wn, roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }\n"
                + "  hosts:\n    r2: { ansible_port: %d, ansible_network_os: ios }\n").formatted(r2.port()));
        Path blocks = dir.resolve("blocks.yml");
        Files.writeString(blocks, "- hosts: all\n  tasks:\n    - acl: { name: EDGE, bind: [{interface: GigabitEthernet1, direction: in}],"
                + " rules: [{ permit: [xcp.client-access] }] }\n");
        CliRun run = CliRun.inState(dir.resolve("state"), "run", blocks.toString(), "-i", dir.resolve("inv2.yml").toString(),
                "--confirm-timeout", "1m");
        assertThat(run.code()).as(run.out()).isEqualTo(2);
        assertThat(run.out()).contains("lockout detected, not confirming (a new SSH login failed")
                .contains("restores its previous state by itself when its confirm timer runs out");
        assertThat(r2.log().entries()).extracting(CommandLog.Entry::line).contains("configure terminal revert timer 1")
                .doesNotContain("configure confirm").anyMatch(l -> l.startsWith("login from 127.0.0.1 dropped by the device's filter"));
        long deadline = System.currentTimeMillis() + MINUTE.multipliedBy(4).toMillis();
        while (config(r2).contains("ip access-list extended EDGE") && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        // the router's own rollback to its archive took the change back, and with it the block
        assertThat(config(r2)).doesNotContain("ip access-list extended EDGE");
        assertThat(r2.log().entries()).extracting(CommandLog.Entry::line).anyMatch(l -> l.startsWith("Rollback Confirmed Change: rolling to:bootflash:archive-"));
        CliRun again = CliRun.inState(dir.resolve("state"), "run", blocks.toString(), "-i", dir.resolve("inv2.yml").toString(), "--check");
        assertThat(again.code()).as("reachable again, and the change is pending again: " + again.out()).isZero();
        assertThat(again.out()).contains("changed: [r2]");

        // the same policy with the operator's SSH let in first: the fresh login works and the change is kept
        Path admits = dir.resolve("admits.yml");
        Files.writeString(admits, "- hosts: all\n  tasks:\n    - acl: { name: EDGE, bind: [{interface: GigabitEthernet1, direction: in}],"
                + " rules: [{ permit: { protocol: tcp, source: 127.0.0.1/32, ports: 22, remark: operator-ssh } }, { permit: [xcp.client-access] }] }\n");
        CliRun kept = CliRun.inState(dir.resolve("state"), "run", admits.toString(), "-i", dir.resolve("inv2.yml").toString(),
                "--confirm-timeout", "1m");
        assertThat(kept.code()).as(kept.out()).isZero();
        Thread.sleep(MINUTE.multipliedBy(2).toMillis());
        assertThat(config(r2)).contains("ip access-list extended EDGE");
        CliRun check = CliRun.inState(dir.resolve("state"), "run", admits.toString(), "-i", dir.resolve("inv2.yml").toString(), "--check");
        assertThat(check.code()).as(check.out()).isZero();
        assertThat(check.out()).contains("ok: [r2]");
    }

    @Test
    void aRouterWithoutAnArchiveIsNotChangedUnderAConfirmWindow() throws Exception {
        Path play = files();
        try (io.portpush.lab.LabClient c = new io.portpush.lab.LabClient(r1, java.util.regex.Pattern.compile("r1(\\([\\w-]+\\))?[>#] ?$|Password: $"))) {
            c.login();
            c.raw("enable");
            c.raw(DeviceSpec.DEFAULT_ENABLE);
            c.cmd("configure terminal");
            c.cmd("no archive");
            c.cmd("end");
        }
        String before = config(r1);
        CliRun run = CliRun.inState(dir.resolve("state"), "run", play.toString(), "-i", dir.resolve("inv.yml").toString(), "-l", "r1",
                "--confirm-timeout", "1m");
        assertThat(run.code()).as(run.out()).isEqualTo(2);
        assertThat(run.out()).contains("the revert timer did not start", "configure 'archive' with a 'path'",
                "the device still holds its previous state (verified)");
        assertThat(config(r1)).isEqualTo(before);
    }

    @Test
    void aWorkingFreshLoginKeepsTheChange() throws Exception {
        Path play = files();
        CliRun run = CliRun.inState(dir.resolve("state"), "run", play.toString(), "-i", dir.resolve("inv.yml").toString(),
                "--confirm-timeout", "1m");
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("changed: [r1]", "changed: [sw1]");
        assertThat(run.out() + run.err()).doesNotContain("no device-side undo");
        // the guard's login is a session of its own, beside the run's
        for (LabDevice d : java.util.List.of(r1, sw1)) {
            assertThat(d.log().entries().stream().map(CommandLog.Entry::session).distinct().count()).isGreaterThanOrEqualTo(2);
        }
        Thread.sleep(MINUTE.multipliedBy(2).toMillis());
        assertThat(config(r1)).as("confirmed: the revert timer stood down").contains("ip access-list extended EDGE");
    }

    /**
     * A fresh login slower than the router's timer: the revert runs out while the guard logs in,
     * the guard then succeeds and portpush confirms, but the router already took the change back.
     * The read after the confirm says so instead of reporting a change kept.
     */
    @Test
    void aConfirmAfterTheTimerRanOutIsReportedNotKept() throws Exception {
        java.time.Duration minute = io.portpush.lab.TimeScale.of(java.time.Duration.ofMillis(1500));
        LabDevice r3 = fleet.start(DeviceSpec.of("r3", "cisco_ios").withMinute(minute)
                .withFaults(Faults.NONE.withLoginDelay(io.portpush.lab.TimeScale.millis(3000))));
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
        Path inv = dir.resolve("inv3.yml");
        Files.writeString(inv, ("all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                + " ansible_become_password: labenable-R4t8Wn, roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }\n"
                + "  hosts:\n    r3: { ansible_port: %d, ansible_network_os: ios, edge_if: GigabitEthernet1 }\n").formatted(r3.port()));
        CliRun run = CliRun.inState(dir.resolve("state"), "run", files().toString(), "-i", inv.toString(), "--confirm-timeout", "1m",
                "--connect-timeout", String.valueOf(io.portpush.lab.TimeScale.seconds(20)));
        assertThat(run.code()).as(run.out()).isEqualTo(2);
        assertThat(run.out()).contains("the device's confirm timer ran out before portpush confirmed; it took the change back by itself");
        assertThat(config(r3)).doesNotContain("ip access-list extended EDGE");
        assertThat(r3.log().entries()).extracting(CommandLog.Entry::line).contains("configure confirm");
    }
}

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
 * The lockout guard on a CLI platform without a device-side undo (IOS): with --confirm-timeout,
 * after the change verified portpush logs in again as a fresh operator would; when that login
 * fails it takes the change back through the session it still holds. The lab stands in for the
 * ACL's effect on new logins by refusing them once the change has reached the device (its own
 * ACLs do not filter its SSH listener).
 */
class LockoutGuardTest {
    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice r1;

    @BeforeEach
    void lab() {
        fleet = new LabFleet(null);
        // slow answers, so the change lands well before the verify read ends and the fresh login begins
        r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios").withFaults(Faults.NONE.withCommandLatency(150)));
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private Path files() throws Exception {
        Files.writeString(dir.resolve("inv.yml"), ("all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                + " ansible_become_password: labenable-R4t8Wn, roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }\n"
                + "  hosts:\n    r1: { ansible_port: %d, ansible_network_os: ios }\n").formatted(r1.port()));
        Path play = dir.resolve("acl.yml");
        Files.writeString(play, "- hosts: all\n  tasks:\n    - acl: { name: EDGE, bind: [{interface: GigabitEthernet1, direction: in}],"
                + " rules: [{ permit: [xcp.client-access] }] }\n");
        return play;
    }

    @Test
    void aFailedFreshLoginTakesTheChangeBackThroughTheOpenSession() throws Exception {
        Path play = files();
        String before = r1.personality().savedConfig().replaceAll("! Last configuration change.*\n", "");
        // once a configuration line reaches the device, new logins fail (as an ACL blocking the operator's address would)
        CompletableFuture<Void> lock = CompletableFuture.runAsync(() -> {
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && r1.log().entries().stream().noneMatch(CommandLog.Entry::configMode)) {
                Thread.onSpinWait();
            }
            r1.faults(r1.faults().withRefuseLogins(true));
        });
        CliRun run = CliRun.inState(dir.resolve("state"), "run", play.toString(), "-i", dir.resolve("inv.yml").toString(),
                "--confirm-timeout", "5m");
        lock.get(5, TimeUnit.SECONDS);
        assertThat(run.code()).as(run.out()).isEqualTo(2);
        assertThat(run.out()).contains("lockout detected, not keeping the change (a new SSH login failed")
                .contains("the previous state was restored and verified");
        assertThat(r1.personality().savedConfig().replaceAll("! Last configuration change.*\n", "")).isEqualTo(before);
    }

    @Test
    void aWorkingFreshLoginKeepsTheChangeAndTheRunSaysThereIsNoDeviceSideUndo() throws Exception {
        Path play = files();
        CliRun run = CliRun.inState(dir.resolve("state"), "run", play.toString(), "-i", dir.resolve("inv.yml").toString(),
                "--confirm-timeout", "5m");
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("changed: [r1]");
        assertThat(run.out() + run.err()).contains("cisco_ios has no device-side undo in portpush yet");
        assertThat(r1.personality().savedConfig()).contains("ip access-list extended EDGE");
        // the guard's login is a session of its own, beside the run's
        assertThat(r1.log().entries().stream().map(CommandLog.Entry::session).distinct().count()).isGreaterThanOrEqualTo(2);
    }
}

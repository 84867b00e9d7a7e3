package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
import io.portpush.lab.CommandLog;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintenance window's first half on lab devices: a plan written and reviewed before the
 * window, applied in it exactly as reviewed; a device changed in between is refused with its
 * drift while the others go ahead; a plan edited after review is refused whole.
 */
class PlanApplyEndToEndTest {
    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice r1;
    LabDevice fw1;
    LabDevice mx1;

    @BeforeEach
    void lab() {
        fleet = new LabFleet(null);
        r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
        fw1 = fleet.start(DeviceSpec.of("fw1", "cisco_asa"));
        mx1 = fleet.start(DeviceSpec.of("mx1", "juniper_junos"));
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private Path inventory() throws Exception {
        Path inv = dir.resolve("inv.yml");
        Files.writeString(inv, """
                all:
                  vars:
                    ansible_host: 127.0.0.1
                    ansible_user: admin
                    ansible_password: labpw-K7q2Xz9
                    ansible_become_password: labenable-R4t8Wn
                    roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24], sip-gateway: [192.0.2.0/28], bosh-client: [203.0.113.0/24] }
                  hosts:
                    r1: { ansible_port: %d, ansible_network_os: cisco.ios.ios, edge_if: GigabitEthernet1 }
                    fw1: { ansible_port: %d, ansible_network_os: cisco.asa.asa, edge_if: outside }
                    mx1: { ansible_port: %d, ansible_network_os: junipernetworks.junos.junos, edge_if: ge-0/0/0.0 }
                """.formatted(r1.port(), fw1.port(), mx1.port()));
        return inv;
    }

    private Path playbook(String name, String permit) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, """
                - hosts: all
                  tasks:
                    - name: edge
                      acl:
                        name: EDGE
                        bind: [{ interface: "{{ edge_if }}", direction: in }]
                        rules:
                          - permit: [%s]
                """.formatted(permit));
        return p;
    }

    private CliRun run(String... args) {
        return CliRun.inState(dir.resolve("state"), args);
    }

    private static long configLines(LabDevice d) {
        return d.log().entries().stream().filter(CommandLog.Entry::configMode).count();
    }

    @Test
    void aReviewedPlanIsSentAsReviewedAndAHostChangedSinceIsRefused() throws Exception {
        Path inv = inventory();
        assertThat(run("run", playbook("now.yml", "xcp.client-access").toString(), "-i", inv.toString()).code()).isZero();
        Path window = dir.resolve("window.plan");
        Path change = playbook("change.yml", "xcp.client-access, sip-proxy.tls-server-auth");
        CliRun plan = run("plan", change.toString(), "-i", inv.toString(), "-o", window.toString());
        assertThat(plan.code()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("plan: 3 change(s) on 3 host(s) written to");
        String planText = Files.readString(window);
        assertThat(planText).contains("\"format\" : \"portpush-plan\"", "\"fingerprint\"", "\"sha256\"", "acl/EDGE")
                .doesNotContain(DeviceSpec.DEFAULT_PASSWORD);

        CliRun show = CliRun.of("show", window.toString());
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("r1 acl/EDGE", "opens permit tcp 192.0.2.0/28 -> 10.10.1.0/24:5061", "commands:",
                "3 change(s), 3 distinct", "acl/EDGE: r1: a change of its own", "lines added");

        // someone changes r1 after the review
        assertThat(run("run", playbook("hand.yml", "xcp.client-access, xcp.bosh").toString(), "-i", inv.toString(), "-l", "r1").code()).isZero();
        long r1Lines = configLines(r1);

        CliRun apply = run("apply", window.toString());
        assertThat(apply.code()).as(apply.out() + apply.err()).isEqualTo(2);
        assertThat(apply.out()).contains("stale plan: acl/EDGE on r1 changed since the plan was written; nothing sent")
                .contains("changed: [fw1]", "changed: [mx1]");
        assertThat(configLines(r1)).as("nothing reached r1").isEqualTo(r1Lines);
        assertThat(fw1.personality().savedConfig()).contains("eq 5061");
        assertThat(mx1.personality().savedConfig()).contains("destination-port 5061");
        assertThat(r1.personality().savedConfig()).doesNotContain("eq 5061");
        // what reached fw1 is what was reviewed, line for line
        String fwCommands = planText.substring(planText.indexOf("\"host\" : \"fw1\""));
        assertThat(fwCommands).contains("access-list EDGE extended permit tcp 192.0.2.0 255.255.255.240 10.10.1.0 255.255.255.0 eq 5061");
    }

    @Test
    void aPlanEditedAfterReviewIsRefusedWholeAndNothingIsSent() throws Exception {
        Path inv = inventory();
        Path window = dir.resolve("window.plan");
        assertThat(run("plan", playbook("change.yml", "xcp.client-access").toString(), "-i", inv.toString(), "-o", window.toString()).code())
                .isZero();
        Files.writeString(window, Files.readString(window).replace("eq 5222", "eq 22"));
        CliRun apply = run("apply", window.toString());
        assertThat(apply.code()).isEqualTo(5);
        assertThat(apply.err()).contains("window.plan").contains("changed after it was written");
        for (LabDevice d : fleet.devices()) {
            assertThat(configLines(d)).as(d.name()).isZero();
        }
        CliRun show = CliRun.of("show", window.toString());
        assertThat(show.code()).isEqualTo(5);
    }

    private Path sshKey(String name) throws Exception {
        Path k = dir.resolve(name);
        assertThat(new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", k.toString()).start().waitFor()).isZero();
        return k;
    }

    @Test
    void aSignedPlanIsAppliedOnlyWhenAnAllowedSignerSignedIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")),
                "plan signing skipped: ssh-keygen (openssh-client) is not installed");
        Path inv = inventory();
        Path alice = sshKey("alice");
        Path mallory = sshKey("mallory");
        Path allowed = dir.resolve("allowed_signers");
        Files.writeString(allowed, "alice@example.org namespaces=\"portpush-plan\" " + Files.readString(dir.resolve("alice.pub")).strip() + "\n");
        Path window = dir.resolve("window.plan");
        CliRun plan = run("plan", playbook("change.yml", "xcp.client-access").toString(), "-i", inv.toString(), "-o", window.toString(),
                "--sign-with", mallory.toString());
        assertThat(plan.code()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("signed: " + window + ".sig");
        // signed, but not by anyone the team allows: refused whole, nothing sent
        CliRun refused = run("apply", window.toString(), "--allowed-signers", allowed.toString());
        assertThat(refused.code()).isEqualTo(5);
        assertThat(refused.err()).contains("window.plan.sig").contains("not in").contains("allowed_signers");
        for (LabDevice d : fleet.devices()) {
            assertThat(configLines(d)).as(d.name()).isZero();
        }
        assertThat(CliRun.of("show", window.toString(), "--allowed-signers", allowed.toString()).code()).isEqualTo(5);

        // the window the board approves travels in the plan
        assertThat(run("plan", playbook("change.yml", "xcp.client-access").toString(), "-i", inv.toString(), "-o", window.toString(),
                "--sign-with", alice.toString(), "--confirm-timeout", "5m").code()).isZero();
        assertThat(Files.readString(window)).contains("\"confirm_timeout\" : \"5m\"");
        CliRun show = CliRun.of("show", window.toString(), "--allowed-signers", allowed.toString());
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("signature good: signed by alice@example.org", "confirm timeout 5m");
        CliRun apply = run("apply", window.toString(), "--allowed-signers", allowed.toString());
        assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
        // the window reached every device's own timer: IOS's revert timer (stopped by configure confirm) and Junos's commit confirmed
        assertThat(r1.log().entries()).extracting(CommandLog.Entry::line).contains("configure terminal revert timer 5", "configure confirm");
        assertThat(mx1.log().entries()).extracting(CommandLog.Entry::line).anyMatch(l -> l.startsWith("commit confirmed 5"));
        // the ASA's countdown applet was set before the change and removed once it verified
        assertThat(fw1.log().entries()).extracting(CommandLog.Entry::line).contains("event manager applet PORTPUSH-UNDO",
                "no event manager applet PORTPUSH-UNDO").anyMatch(l -> l.startsWith(" event timer countdown time 300"));
        assertThat(apply.out() + apply.err()).doesNotContain("no device-side undo");
        assertThat(apply.out()).contains("plan signature good, signed by alice@example.org").contains("changed: [r1]");
    }
}

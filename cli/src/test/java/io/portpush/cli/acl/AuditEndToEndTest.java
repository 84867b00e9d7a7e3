package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
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
 * {@code portpush audit}: the catalogue reachability matrix on lab devices whose clients sit behind
 * the outside interface and whose cluster sits behind the inside one.
 */
class AuditEndToEndTest {
    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice r1;
    LabDevice fw1;

    @BeforeEach
    void lab() {
        fleet = new LabFleet(null);
        // addressed interfaces, as a router in this topology has: 'show ip interface' shows the lists of interfaces that are up
        r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios").withProfile(new io.portpush.lab.DeviceProfile("r1", null, null, null, java.util.List.of(
                new io.portpush.lab.DeviceProfile.Iface("GigabitEthernet1", "203.0.113.2/30", null),
                new io.portpush.lab.DeviceProfile.Iface("GigabitEthernet2", "10.10.1.1/24", null)))));
        fw1 = fleet.start(DeviceSpec.of("fw1", "cisco_asa"));
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
                    roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24], sip-gateway: [192.0.2.0/28] }
                  hosts:
                    r1:
                      ansible_port: %d
                      ansible_network_os: cisco.ios.ios
                      zones:
                        outside: { interface: GigabitEthernet1, addresses: [0.0.0.0/0] }
                        inside: { interface: GigabitEthernet2, roles: [imp-node] }
                    fw1:
                      ansible_port: %d
                      ansible_network_os: cisco.asa.asa
                      zones:
                        outside: { interface: outside, addresses: [0.0.0.0/0] }
                        inside: { interface: inside, roles: [imp-node] }
                """.formatted(r1.port(), fw1.port()));
        return inv;
    }

    private Path playbook() throws Exception {
        Path p = dir.resolve("edge.yml");
        Files.writeString(p, """
                - hosts: all
                  tasks:
                    - name: edge
                      acl:
                        name: EDGE
                        placement: auto
                        rules:
                          - permit: [xcp.client-access, sip-proxy.tls-server-auth]
                """);
        return p;
    }

    private CliRun run(String... args) {
        return CliRun.inState(dir.resolve("state"), args);
    }

    private static String row(String out, String host, String flow, String roles) {
        return out.lines().filter(l -> l.startsWith(host + " ") && l.contains(" " + flow + " ") && l.contains(" " + roles + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(host + " " + flow + " " + roles + " not in\n" + out));
    }

    @Test
    void auditSaysWhichCatalogueFlowsEachDeviceLetsThroughOnItsPath() throws Exception {
        Path inv = inventory();
        Path pb = playbook();
        // nothing pushed yet: the intended flows pass (nothing filters them), and so does what the policy denies
        CliRun before = run("audit", pb.toString(), "-i", inv.toString());
        assertThat(before.code()).as(before.out()).isEqualTo(3);
        assertThat(row(before.out(), "r1", "xcp.client-access", "xmpp-client -> imp-node")).contains("GigabitEthernet1 -> GigabitEthernet2")
                .containsPattern("permits +permits +ok");
        assertThat(row(before.out(), "fw1", "sip-proxy.default-listener", "sip-gateway -> imp-node")).contains("outside -> inside")
                .containsPattern("denies +permits +OPEN +passes: tcp 192\\.0\\.2\\.\\d+:\\d+ -> 10\\.10\\.1\\.\\d+:5060");

        assertThat(run("run", pb.toString(), "-i", inv.toString()).code()).isZero();
        Path json = dir.resolve("audit.json");
        Path html = dir.resolve("audit.html");
        CliRun brief = run("audit", pb.toString(), "-i", inv.toString());
        assertThat(brief.code()).as(brief.out()).isZero();
        // flows denied as intended are counted, not listed, unless --all
        assertThat(brief.out()).containsPattern("every flow as intended; \\d+ denied as intended, not listed \\(--all lists them\\)")
                .doesNotContainPattern("denies +denies +ok");
        CliRun after = run("audit", pb.toString(), "-i", inv.toString(), "--all", "--report", json.toString());
        assertThat(after.code()).as(after.out()).isZero();
        assertThat(after.out()).contains("every flow as intended");
        // the stateless router's return leg arrives on the inside and passes there
        assertThat(row(after.out(), "r1", "xcp.client-access", "xmpp-client -> imp-node (return)")).contains("GigabitEthernet2 -> GigabitEthernet1")
                .containsPattern("permits +permits +ok");
        // the stateful firewall has no return leg, and the cluster's own sessions out are closed by the inside list's default
        assertThat(after.out()).doesNotContain("fw1   xcp.client-access           xmpp-client -> imp-node (return)");
        assertThat(row(after.out(), "fw1", "sip-proxy.default-listener", "imp-node -> sip-gateway")).contains("inside -> outside")
                .containsPattern("denies +denies +ok");
        assertThat(Files.readString(json)).contains("\"audit\"", "\"status\" : \"ok\"", "\"path\" : \"outside -> inside\"");

        // by hand on r1: SIP-TLS from the gateway closed, the default listener opened
        assertThat(run("run", hand().toString(), "-i", inv.toString(), "-l", "r1").code()).isZero();
        CliRun drifted = run("audit", pb.toString(), "-i", inv.toString(), "--all", "--report", html.toString());
        assertThat(drifted.code()).as(drifted.out()).isEqualTo(3);
        assertThat(row(drifted.out(), "r1", "sip-proxy.tls-server-auth", "sip-gateway -> imp-node")).containsPattern("permits +permits part of +PARTIAL +blocked: "
                // only SIP-TLS answers from the gateway's port 5060 pass now: the return entry of the default listener
                + "tcp 192\\.0\\.2\\.\\d+:\\d+ -> 10\\.10\\.1\\.\\d+:5061 \\(EDGE-OUTSIDE in on GigabitEthernet1 entry \\d+:");
        assertThat(row(drifted.out(), "r1", "sip-proxy.default-listener", "sip-gateway -> imp-node")).containsPattern("denies +permits +OPEN");
        assertThat(drifted.out()).contains("6 flow path(s) not as intended");
        assertThat(Files.readString(html)).contains("<table class=\"audit\">", "<td class=\"failed\">PARTIAL</td>", "<td class=\"failed\">OPEN</td>");

        // a list nobody manages, bound outbound on r1's inside, blocks XMPP on its way to the cluster: audit reads it too
        Path handmade = dir.resolve("handmade.yml");
        Files.writeString(handmade, """
                - hosts: r1
                  tasks:
                    - config: { lines: ["deny tcp any any eq 5222", "permit ip any any"], parents: ["ip access-list extended HAND-OUT"] }
                    - config: { lines: ["ip access-group HAND-OUT out"], parents: ["interface GigabitEthernet2"] }
                """);
        CliRun hand = run("run", handmade.toString(), "-i", inv.toString());
        assertThat(hand.code()).as(hand.out()).isZero();
        CliRun blocked = run("audit", pb.toString(), "-i", inv.toString(), "-l", "r1", "--flow", "xcp.client-access");
        assertThat(blocked.code()).as(blocked.out()).isEqualTo(3);
        assertThat(row(blocked.out(), "r1", "xcp.client-access", "xmpp-client -> imp-node")).containsPattern("permits +denies +DENIED +blocked: "
                + "tcp 198\\.51\\.100\\.\\d+:\\d+ -> 10\\.10\\.1\\.\\d+:5222 \\(HAND-OUT out on GigabitEthernet2 entry 1: deny tcp any -> any:5222");
        assertThat(blocked.out()).contains("lists on its interfaces that this task does not manage, judged on their paths too: HAND-OUT");

        // --check judges the intent alone, without connecting; --flow narrows it
        CliRun intent = run("audit", pb.toString(), "-i", inv.toString(), "--check", "--flow", "xcp.client-access");
        assertThat(intent.code()).as(intent.out()).isZero();
        assertThat(intent.out()).doesNotContain("sip-proxy.");
        assertThat(row(intent.out(), "r1", "xcp.client-access", "xmpp-client -> imp-node")).containsPattern("permits +- +ok");
    }

    private Path hand() throws Exception {
        Path p = dir.resolve("hand.yml");
        Files.writeString(p, """
                - hosts: all
                  tasks:
                    - name: edge
                      acl:
                        name: EDGE
                        placement: auto
                        rules:
                          - permit: [xcp.client-access, sip-proxy.default-listener]
                """);
        return p;
    }
}

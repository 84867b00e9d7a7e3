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
 * {@code portpush explain} and the placement lint on lab devices whose inventory says where things
 * are: clients behind the outside interface, the cluster behind the inside one.
 */
class ExplainEndToEndTest {
    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice r1;
    LabDevice fw1;

    @BeforeEach
    void lab() {
        fleet = new LabFleet(null);
        r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
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
                      edge_if: GigabitEthernet1
                      zones:
                        outside: { interface: GigabitEthernet1, addresses: [0.0.0.0/0] }
                        inside: { interface: GigabitEthernet2, roles: [imp-node] }
                    fw1:
                      ansible_port: %d
                      ansible_network_os: cisco.asa.asa
                      edge_if: outside
                      zones:
                        outside: { interface: outside, addresses: [0.0.0.0/0] }
                        inside: { interface: inside, roles: [imp-node] }
                """.formatted(r1.port(), fw1.port()));
        return inv;
    }

    private Path playbook() throws Exception {
        Path p = dir.resolve("acl.yml");
        Files.writeString(p, """
                - hosts: all
                  tasks:
                    - name: edge
                      acl:
                        name: EDGE
                        bind: [{ interface: "{{ edge_if }}", direction: in }]
                        rules:
                          - permit: [xcp.client-access, sip-proxy.tls-server-auth]
                """);
        return p;
    }

    private CliRun run(String... args) {
        return CliRun.inState(dir.resolve("state"), args);
    }

    @Test
    void explainNamesTheDecidingEntryReadFromTheDeviceAndFromTheIntent() throws Exception {
        Path inv = inventory();
        Path pb = playbook();
        assertThat(run("run", pb.toString(), "-i", inv.toString()).code()).isZero();

        CliRun permitted = run("explain", pb.toString(), "-i", inv.toString(), "-l", "r1", "--packet", "tcp 198.51.100.7:51000 -> 10.10.1.10:5222");
        assertThat(permitted.code()).as(permitted.out()).isZero();
        assertThat(permitted.out()).contains("r1 EDGE in on GigabitEthernet1 (device): tcp 198.51.100.7:51000 -> 10.10.1.10:5222 permitted by entry 1 "
                // the remark portpush writes takes sequence 10
                + "(sequence 20): permit tcp 198.51.100.0/24 -> 10.10.1.0/24:5222");

        CliRun denied = run("explain", pb.toString(), "-i", inv.toString(), "-l", "r1", "--packet", "tcp 198.51.100.7:51000 -> 10.10.1.10:23");
        assertThat(denied.out()).contains("tcp 198.51.100.7:51000 -> 10.10.1.10:23 denied by entry").contains("deny ip any -> any");

        // the gateway's SIP-TLS on the ASA; the intent (no connection) gives the same entry
        CliRun asa = run("explain", pb.toString(), "-i", inv.toString(), "-l", "fw1", "--flow", "sip-proxy.tls-server-auth");
        CliRun asaIntent = run("explain", pb.toString(), "-i", inv.toString(), "-l", "fw1", "--flow", "sip-proxy.tls-server-auth", "--check");
        assertThat(asa.out()).contains("fw1 EDGE in on outside (device): tcp 192.0.2.1:49152 -> 10.10.1.1:5061 permitted by entry 2:");
        assertThat(asaIntent.out()).contains("fw1 EDGE in on outside (intent): tcp 192.0.2.1:49152 -> 10.10.1.1:5061 permitted by entry 2:");

        // from the inside out, the packet never meets the inbound list on the outside
        CliRun inside = run("explain", pb.toString(), "-i", inv.toString(), "-l", "r1", "--packet", "tcp 10.10.1.10:5222 -> 198.51.100.7:51000");
        assertThat(inside.out()).contains("enters on GigabitEthernet2 and leaves on GigabitEthernet1; this list is not bound on that path");
        CliRun local = run("explain", pb.toString(), "-i", inv.toString(), "-l", "r1", "--packet", "tcp 10.10.1.10:5222 -> 10.10.1.11:51000");
        assertThat(local.out()).contains("does not cross the device");
    }

    @Test
    void onePolicyIsPlacedAsTheListsEachInterfaceNeedsAndExplainChecksEveryRule() throws Exception {
        Path inv = dir.resolve("placed-inv.yml");
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
                        voice: { interface: GigabitEthernet3, roles: [sip-gateway] }
                """.formatted(r1.port()));
        Path pb = dir.resolve("placed.yml");
        Files.writeString(pb, """
                - hosts: all
                  tasks:
                    - name: edge
                      acl:
                        name: EDGE
                        placement: auto
                        names: { inside: CLUSTER-IN }
                        rules:
                          - permit: [xcp.client-access, sip-proxy.tls-server-auth]
                """);
        CliRun lint = run("lint", pb.toString(), "-i", inv.toString());
        assertThat(lint.code()).as(lint.out()).isZero();
        CliRun apply = run("run", pb.toString(), "-i", inv.toString());
        assertThat(apply.code()).as(apply.out()).isZero();
        assertThat(apply.out()).contains("changed: [r1]");
        String config = r1.personality().savedConfig();
        assertThat(config).contains("ip access-list extended EDGE-OUTSIDE\n", "ip access-list extended CLUSTER-IN\n",
                "ip access-list extended EDGE-VOICE\n");
        assertThat(config).contains("interface GigabitEthernet1\n").contains(" ip access-group EDGE-OUTSIDE in\n")
                .contains(" ip access-group CLUSTER-IN in\n").contains(" ip access-group EDGE-VOICE in\n");
        // a second run changes nothing
        assertThat(run("run", pb.toString(), "-i", inv.toString()).out()).contains("ok: [r1]").doesNotContain("changed:");
        // every rule: a permitted packet where it arrives, and a denied one
        String[][] cases = {
                {"tcp 198.51.100.7:51000 -> 10.10.1.10:5222", "EDGE-OUTSIDE in on GigabitEthernet1 (device): tcp 198.51.100.7:51000 -> 10.10.1.10:5222 permitted"},
                {"tcp 198.51.100.7:51000 -> 10.10.1.10:5061", "EDGE-OUTSIDE in on GigabitEthernet1 (device): tcp 198.51.100.7:51000 -> 10.10.1.10:5061 denied"},
                {"tcp 192.0.2.5:40000 -> 10.10.1.10:5061", "EDGE-VOICE in on GigabitEthernet3 (device): tcp 192.0.2.5:40000 -> 10.10.1.10:5061 permitted"},
                {"tcp 192.0.2.5:40000 -> 10.10.1.10:5222", "EDGE-VOICE in on GigabitEthernet3 (device): tcp 192.0.2.5:40000 -> 10.10.1.10:5222 denied"},
                {"tcp 10.10.1.10:5222 -> 198.51.100.7:51000 established", "CLUSTER-IN in on GigabitEthernet2 (device): tcp 10.10.1.10:5222 -> 198.51.100.7:51000 established permitted"},
                {"tcp 10.10.1.10:5222 -> 198.51.100.7:51000", "CLUSTER-IN in on GigabitEthernet2 (device): tcp 10.10.1.10:5222 -> 198.51.100.7:51000 denied"},
        };
        for (String[] c : cases) {
            CliRun e = run("explain", pb.toString(), "-i", inv.toString(), "-l", "r1", "--packet", c[0]);
            assertThat(e.out()).as(c[0]).contains("r1 " + c[1]);
        }
    }

    @Test
    void aBadPacketIsAUsageErrorNamingTheOption() throws Exception {
        CliRun r = run("explain", playbook().toString(), "-i", inventory().toString(), "-l", "r1", "--packet", "tcp 198.51.100.7 to 10.10.1.10");
        assertThat(r.code()).isEqualTo(64);
        assertThat(r.err()).contains("--packet").contains("is not a packet");
    }

    @Test
    void lintFindsReturnEntriesThatCanNeverArriveOnTheInterfaceTheyAreBoundTo() throws Exception {
        CliRun lint = run("lint", playbook().toString(), "-i", inventory().toString(), "-l", "r1");
        assertThat(lint.code()).as(lint.out()).isEqualTo(3);
        // the stateless router's return entries (cluster -> clients) are bound inbound on the outside
        assertThat(lint.out()).contains("placement #").contains("permit tcp 10.10.1.0/24:5222 -> 198.51.100.0/24 established can never match "
                + "inbound on GigabitEthernet1: its source sits behind GigabitEthernet2 (inside)");
    }
}

package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddressString;
import io.portpush.cli.CliRun;
import io.portpush.lab.DeviceProfile;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placement read from the device: no {@code zones:} in the inventory, so portpush reads the lab
 * device's routing table ({@code show ip route}, {@code show route}) and places one policy by it.
 * The lab devices answer from their interfaces and static routes; the clients sit behind the
 * default route out of the outside interface, the cluster on the inside, the SIP gateway on a
 * third interface (IOS) or behind a static route via the inside (ASA: recursive next hop).
 */
class PlacementFromDeviceEndToEndTest {
    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice r1;
    LabDevice fw1;

    private static DeviceProfile.StaticRoute route(String prefix, String via) {
        return new DeviceProfile.StaticRoute(new IPAddressString(prefix).getAddress(), via);
    }

    @BeforeEach
    void lab() {
        fleet = new LabFleet(null);
        r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios").withProfile(new DeviceProfile("r1", null, null, null, List.of(
                new DeviceProfile.Iface("GigabitEthernet1", "203.0.113.2/30", null),
                new DeviceProfile.Iface("GigabitEthernet2", "10.10.1.1/24", null),
                new DeviceProfile.Iface("GigabitEthernet3", "192.0.2.14/28", null),
                new DeviceProfile.Iface("Loopback0", "10.255.0.1/32", null)),
                List.of(route("0.0.0.0/0", "203.0.113.1")))));
        fw1 = fleet.start(DeviceSpec.of("fw1", "cisco_asa").withProfile(new DeviceProfile("fw1", null, null, null, List.of(
                new DeviceProfile.Iface("GigabitEthernet0/0", "203.0.113.6/30", "outside"),
                new DeviceProfile.Iface("GigabitEthernet0/1", "10.10.0.1/24", "inside")),
                List.of(route("0.0.0.0/0", "203.0.113.5"), route("10.10.1.0/24", "10.10.0.254"), route("192.0.2.0/28", "10.10.0.253")))));
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
                    r1: { ansible_port: %d, ansible_network_os: cisco.ios.ios }
                    fw1: { ansible_port: %d, ansible_network_os: cisco.asa.asa }
                """.formatted(r1.port(), fw1.port()));
        return inv;
    }

    private Path playbook() throws Exception {
        Path p = dir.resolve("placed.yml");
        Files.writeString(p, """
                - hosts: all
                  tasks:
                    - name: edge
                      acl:
                        name: EDGE
                        placement: auto
                        names: { GigabitEthernet1: EDGE-IN }
                        rules:
                          - permit: [xcp.client-access, sip-proxy.tls-server-auth]
                """);
        return p;
    }

    private CliRun run(String... args) {
        return CliRun.inState(dir.resolve("state"), args);
    }

    @Test
    void onePolicyIsPlacedByTheDevicesOwnRoutingTable() throws Exception {
        Path inv = inventory();
        Path pb = playbook();
        CliRun apply = run("run", pb.toString(), "-i", inv.toString());
        assertThat(apply.code()).as(apply.out()).isZero();
        String ios = r1.personality().savedConfig();
        assertThat(ios).contains("ip access-list extended EDGE-IN\n", "ip access-list extended EDGE-GIGABITETHERNET2\n",
                "ip access-list extended EDGE-GIGABITETHERNET3\n").doesNotContain("LOOPBACK");
        // the clients' XMPP inbound where the default route leaves; the gateway's SIP-TLS on its own interface
        assertThat(ios.substring(ios.indexOf("ip access-list extended EDGE-IN\n")).split("\n!")[0])
                .contains("permit tcp 198.51.100.0 0.0.0.255 10.10.1.0 0.0.0.255 eq 5222").doesNotContain("eq 5061");
        assertThat(ios.substring(ios.indexOf("ip access-list extended EDGE-GIGABITETHERNET3\n")).split("\n!")[0])
                .contains("permit tcp 192.0.2.0 0.0.0.15 10.10.1.0 0.0.0.255 eq 5061").doesNotContain("eq 5222");
        String asa = fw1.personality().savedConfig();
        // on the ASA the gateway sits behind a static route via the inside: its SIP-TLS never crosses outside -> inside
        assertThat(asa).contains("access-group EDGE-IN", "access-group EDGE-OUTSIDE in interface outside",
                "access-group EDGE-INSIDE in interface inside").doesNotContain("EDGE-IN in interface");
        assertThat(asa).as(asa).contains("route outside 0.0.0.0 0.0.0.0 203.0.113.5 1");
        assertThat(run("run", pb.toString(), "-i", inv.toString()).out()).contains("ok: [r1]", "ok: [fw1]").doesNotContain("changed:");

        CliRun audit = run("audit", pb.toString(), "-i", inv.toString());
        assertThat(audit.code()).as(audit.out()).isZero();
        assertThat(audit.out()).contains("placement read from the device's routing table (one zone per interface: GigabitEthernet1, "
                + "GigabitEthernet2, GigabitEthernet3)");
        assertThat(audit.out()).containsPattern("r1 +xcp.client-access +xmpp-client -> imp-node +GigabitEthernet1 -> GigabitEthernet2 +permits +permits +ok");

        CliRun explain = run("explain", pb.toString(), "-i", inv.toString(), "-l", "r1", "--packet", "tcp 192.0.2.5:40000 -> 10.10.1.10:5061");
        assertThat(explain.out()).contains("r1 EDGE-GIGABITETHERNET3 in on GigabitEthernet3 (device): tcp 192.0.2.5:40000 -> 10.10.1.10:5061 permitted");

        // lint does not connect: without zones it cannot place, and says what to give
        CliRun lint = run("lint", pb.toString(), "-i", inv.toString());
        assertThat(lint.code()).isNotZero();
        assertThat(lint.out() + lint.err()).contains("placement: auto needs zones: in the variables of host");
    }
}

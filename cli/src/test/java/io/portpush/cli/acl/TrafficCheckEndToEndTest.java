package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddressString;
import io.portpush.cli.CliRun;
import io.portpush.lab.DeviceProfile;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import io.portpush.lab.LabPacket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --soak} with a playbook's {@code traffic_check:} against a lab router that carries
 * traffic: XMPP clients at 20 packets a second and stray packets at 5 a second, forwarded or
 * dropped by the router's own filter and counted on the deciding entry. A change that moves the
 * clients' role to the wrong subnet still holds an entry for the flow, but the clients' packets
 * stop meeting it and fall to the default deny: the check fails and the change goes back before
 * anything confirms it. A change that keeps the flow counting passes.
 */
class TrafficCheckEndToEndTest {
    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice r1;

    @BeforeEach
    void lab() {
        fleet = new LabFleet(null);
        DeviceProfile p = new DeviceProfile("r1", null, null, null, List.of(new DeviceProfile.Iface("GigabitEthernet1", "10.1.0.1/24", null),
                new DeviceProfile.Iface("GigabitEthernet2", "10.10.1.1/24", null)),
                List.of(new DeviceProfile.StaticRoute(new IPAddressString("0.0.0.0/0").getAddress(), "10.1.0.254")))
                .withTraffic(List.of(
                        new DeviceProfile.Traffic("xcp.client-access", LabPacket.tcpSyn(addr("198.51.100.10"), 40000, addr("10.10.1.20"), 5222), 20),
                        new DeviceProfile.Traffic("stray", new LabPacket(17, addr("192.0.2.7"), 40001, addr("10.10.1.20"), 9999, false), 5)));
        r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios").withProfile(p));
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private static inet.ipaddr.IPAddress addr(String a) {
        return new IPAddressString(a).getAddress();
    }

    private Path inventory(String clients) throws Exception {
        Path inv = dir.resolve("inv.yml");
        Files.writeString(inv, ("all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                + " ansible_become_password: labenable-R4t8Wn, roles: { imp-node: [10.10.1.0/24], xmpp-client: [%s] } }\n"
                + "  hosts:\n    r1: { ansible_port: %d, ansible_network_os: ios }\n").formatted(clients, r1.port()));
        return inv;
    }

    private Path playbook(String name, String permits) throws Exception {
        Path play = dir.resolve(name);
        Files.writeString(play, "- hosts: all\n  tasks:\n    - acl: { name: EDGE, bind: [{interface: GigabitEthernet1, direction: in}],"
                + " rules: [{ permit: [" + permits + "] }],"
                + " traffic_check: { default_deny_rate_increase: 3x, intended_flows_must_hit: true } }\n");
        return play;
    }

    private String edge() {
        return r1.personality().savedConfig().replaceAll("(?s).*(ip access-list extended EDGE\n(?: [^\n]*\n)*).*", "$1");
    }

    @Test
    void aChangeThatStopsAnIntendedFlowIsRolledBackAndOneThatKeepsItPasses() throws Exception {
        Path play = playbook("edge.yml", "xcp.client-access");
        CliRun first = CliRun.inState(dir.resolve("state"), "run", play.toString(), "-i", inventory("198.51.100.0/24").toString());
        assertThat(first.code()).as(first.out()).isZero();
        String good = edge();
        assertThat(good).contains("permit tcp 198.51.100.0 0.0.0.255 10.10.1.0 0.0.0.255 eq 5222");

        // the clients' role moved to the wrong subnet: the entry for the flow is there, the clients no longer meet it
        CliRun wrong = CliRun.inState(dir.resolve("state"), "run", play.toString(), "-i", inventory("203.0.113.0/24").toString(),
                "--soak", "3s");
        assertThat(wrong.code()).as(wrong.out() + wrong.err()).isEqualTo(2);
        assertThat(wrong.out()).contains("traffic check failed: intended flow xcp.client-access stopped counting (")
                .contains("the default entry's rate rose from").contains("(more than 3x)")
                .contains("the previous state was restored and verified");
        assertThat(edge()).isEqualTo(good);

        // a change that keeps the clients' traffic flowing (another flow added) passes the same check
        Path more = playbook("more.yml", "xcp.client-access, xcp.s2s");
        CliRun ok = CliRun.inState(dir.resolve("state"), "run", more.toString(), "-i", inventory("198.51.100.0/24").toString(),
                "--soak", "3s", "-v");
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("applied and verified").contains("intended flows counted traffic during the 3 s soak");
        assertThat(edge()).isNotEqualTo(good);
    }

    @Test
    void aSoakLongerThanTheConfirmWindowIsRefusedBeforeAnythingIsRead() throws Exception {
        Path play = playbook("edge.yml", "xcp.client-access");
        CliRun run = CliRun.inState(dir.resolve("state"), "run", play.toString(), "-i", inventory("198.51.100.0/24").toString(),
                "--soak", "1m", "--confirm-timeout", "30s");
        assertThat(run.code()).isEqualTo(64);
        assertThat(run.err()).contains("--soak 1m must be shorter than --confirm-timeout 30s");
        assertThat(r1.log().entries()).isEmpty();
    }
}

package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.PortpushCommand;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled example playbooks run against lab devices of every platform, with the lab inventory's roles. */
class ExamplePlaybooksTest {
    @TempDir
    Path dir;

    @Test
    void everyExamplePlaybookAppliesOnEveryLabPlatformAndIsIdempotent() throws Exception {
        Path project = Path.of("..").toAbsolutePath().normalize();
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
            LabDevice fw1 = fleet.start(DeviceSpec.of("fw1", "cisco_asa"));
            LabDevice mx1 = fleet.start(DeviceSpec.of("mx1", "juniper_junos"));
            LabDevice sw1 = fleet.start(DeviceSpec.of("sw1", "arista_eos"));
            LabDevice nx1 = fleet.start(DeviceSpec.of("nx1", "cisco_nxos"));
            LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
            // the lab inventory, pointed at this test's devices
            Path inv = dir.resolve("lab");
            Files.createDirectories(inv.resolve("group_vars"));
            // every group's variables too: the playbooks say the policy once, the inventory where it is bound
            try (var files = Files.list(project.resolve("inventories/lab/group_vars"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, inv.resolve("group_vars").resolve(f.getFileName()));
                }
            }
            Files.writeString(inv.resolve("hosts.yml"), """
                    all:
                      vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9, ansible_become_password: labenable-R4t8Wn }
                      children:
                        routers: { hosts: { r1: { ansible_port: %d } }, vars: { ansible_network_os: cisco.ios.ios } }
                        firewalls: { hosts: { fw1: { ansible_port: %d } }, vars: { ansible_network_os: cisco.asa.asa } }
                        junos: { hosts: { mx1: { ansible_port: %d } }, vars: { ansible_network_os: junipernetworks.junos.junos } }
                        switches: { hosts: { sw1: { ansible_port: %d } }, vars: { ansible_network_os: arista.eos.eos } }
                        nexus: { hosts: { nx1: { ansible_port: %d } }, vars: { ansible_network_os: cisco.nxos.nxos } }
                    """.formatted(r1.port(), fw1.port(), mx1.port(), sw1.port(), nx1.port()));
            for (String play : new String[] {"imp-edge.yml", "imp-cluster.yml", "imp-outbound.yml", "imp-qos.yml"}) {
                String[] args = {"run", project.resolve("playbooks/" + play).toString(), "-i", inv.toString(), "--state-dir",
                        dir.resolve("state").toString()};
                StringWriter out = new StringWriter();
                int code = PortpushCommand.execute(new PrintWriter(out), new PrintWriter(out), args);
                assertThat(code).as(play + "\n" + out).isZero();
                assertThat(out.toString()).as(play).contains("changed: [r1]", "changed: [mx1]");
                StringWriter again = new StringWriter();
                PortpushCommand.execute(new PrintWriter(again), new PrintWriter(again), args);
                assertThat(again.toString()).as(play).doesNotContain("changed:").doesNotContain("fatal:");
            }
            assertThat(r1.personality().savedConfig()).contains("ip access-list extended IMP-CLUSTER", "ip access-list extended IMP-OUTBOUND",
                    "eq 6603", "eq 5432", "policy-map IMP-QOS");
            assertThat(fw1.personality().savedConfig()).contains("access-list IMP-CLUSTER", "access-group IMP-OUTBOUND in interface inside");
            // the same plays, unchanged, on the switch: the policy once, the binding from group_vars/switches.yml
            assertThat(sw1.personality().savedConfig()).contains("ip access-list IMP-EDGE-IN", "ip access-list IMP-CLUSTER",
                    "ip access-list IMP-OUTBOUND", "interface Ethernet1\n   no switchport\n   ip address", "ip access-group IMP-EDGE-IN in",
                    "ip access-group IMP-OUTBOUND in");
            assertThat(nx1.personality().savedConfig()).contains("ip access-list IMP-EDGE-IN", "ip access-list IMP-CLUSTER",
                    "interface Ethernet1/1\n  no switchport\n  ip address", "  ip access-group IMP-EDGE-IN in");
            // LDAP is opened from IM and Presence to the directory only: the directory never initiates on 389/3268
            io.portpush.core.policy.AddressSet directory = io.portpush.core.policy.AddressSet.parse(List.of("10.20.0.10/32"));
            List<io.portpush.core.policy.AclEntry> outbound = io.portpush.platform.ios.IosAclParser.runningConfig(
                    r1.personality().savedConfig()).acls().get("IMP-OUTBOUND").stream().filter(l -> !l.remark())
                    .map(io.portpush.platform.ios.IosAclParser.Line::entry).toList();
            assertThat(outbound).as("IM and Presence -> directory on 389").anyMatch(e -> directory.covers(e.destination())
                    && e.destinationPorts().ranges().contains(io.portpush.core.policy.PortRange.of(389)));
            assertThat(outbound).as("directory -> IM and Presence on 389/3268").noneMatch(e -> !e.established()
                    && directory.covers(e.source()) && (e.destinationPorts().ranges().contains(io.portpush.core.policy.PortRange.of(389))
                    || e.destinationPorts().ranges().contains(io.portpush.core.policy.PortRange.of(3268))));
        }
    }
}

package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.PortpushCommand;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabClient;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import io.portpush.platform.ios.IosQosDriver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DSCP marking from catalogue groups on IOS (MQC) and Junos (filter actions); ASA says it cannot. */
class QosEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void marksCatalogueFlowsVerifiesAndIsIdempotent() throws Exception {
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
            LabDevice mx1 = fleet.start(DeviceSpec.of("mx1", "juniper_junos"));
            LabDevice fw1 = fleet.start(DeviceSpec.of("fw1", "cisco_asa"));
            LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
            Path inv = dir.resolve("inv.yml");
            Files.writeString(inv, ("all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                    + " ansible_become_password: labenable-R4t8Wn,"
                    + " roles: { imp-node: [10.10.1.0/24], sip-gateway: [192.0.2.0/28], xmpp-client: [198.51.100.0/24] } }\n"
                    + "  hosts:\n    r1: { ansible_port: %d, ansible_network_os: ios, egress: GigabitEthernet2 }\n"
                    + "    mx1: { ansible_port: %d, ansible_network_os: junos, egress: ge-0/0/1.0 }\n"
                    + "    fw1: { ansible_port: %d, ansible_network_os: asa, egress: outside }\n").formatted(r1.port(), mx1.port(), fw1.port()));
            Path play = dir.resolve("qos.yml");
            Files.writeString(play, """
                    - hosts: all
                      tasks:
                        - qos:
                            name: IMP-QOS
                            bind: [{ interface: "{{ egress }}", direction: out }]
                            classes:
                              - { name: IMP-SIGNALLING, match: [sip-proxy.tls-server-auth, xcp.client-access], dscp: cs3 }
                    """);
            String[] args = {"run", play.toString(), "-i", inv.toString(), "--state-dir", dir.resolve("state").toString()};
            StringWriter out = new StringWriter();
            int code = PortpushCommand.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
            assertThat(code).isEqualTo(2);
            assertThat(out.toString()).contains("changed: [r1]", "changed: [mx1]",
                    "fatal: [fw1]: FAILED! => qos: DSCP marking is not supported on platform cisco_asa");
            try (LabClient c = new LabClient(r1, Pattern.compile("r1(\\([\\w-]+\\))?[>#] ?$|Password: $"))) {
                c.login();
                c.raw("enable");
                c.raw(io.portpush.lab.DeviceSpec.DEFAULT_ENABLE);
                Map<String, String> op = IosQosDriver.operational(c.cmd("show policy-map interface GigabitEthernet2"));
                assertThat(op).containsEntry("policy-output", "IMP-QOS").containsEntry("IMP-SIGNALLING", "cs3");
            }
            assertThat(mx1.personality().savedConfig()).contains("term IMP-SIGNALLING-1 then dscp cs3")
                    .contains("set interfaces ge-0/0/1 unit 0 family inet filter output IMP-QOS");
            StringWriter again = new StringWriter();
            PortpushCommand.execute(new PrintWriter(again), new PrintWriter(new StringWriter()), args);
            assertThat(again.toString()).contains("ok: [r1]", "ok: [mx1]").doesNotContain("changed:");
        }
    }

    /** QoS changes are recorded like ACL changes, and roll back on IOS and Junos: one step, then to as found. */
    @Test
    void qosChangesAreInHistoryAndRollBack() throws Exception {
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
            LabDevice mx1 = fleet.start(DeviceSpec.of("mx1", "juniper_junos"));
            LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
            Path inv = dir.resolve("inv.yml");
            Files.writeString(inv, ("all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                    + " ansible_become_password: labenable-R4t8Wn, roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }\n"
                    + "  hosts:\n    r1: { ansible_port: %d, ansible_network_os: ios, egress: GigabitEthernet2 }\n"
                    + "    mx1: { ansible_port: %d, ansible_network_os: junos, egress: ge-0/0/1.0 }\n").formatted(r1.port(), mx1.port()));
            Path play = dir.resolve("qos.yml");
            String body = """
                    - hosts: all
                      tasks:
                        - qos:
                            name: IMP-QOS
                            bind: [{ interface: "{{ egress }}", direction: out }]
                            classes:
                              - { name: IMP-SIGNALLING, match: [xcp.client-access], dscp: DSCP }
                    """;
            String state = dir.resolve("state").toString();
            Files.writeString(play, body.replace("DSCP", "cs3"));
            assertThat(cli("run", play.toString(), "-i", inv.toString(), "--state-dir", state)).contains("changed: [r1]", "changed: [mx1]");
            Files.writeString(play, body.replace("DSCP", "af41"));
            assertThat(cli("run", play.toString(), "-i", inv.toString(), "--state-dir", state)).contains("changed: [r1]", "changed: [mx1]");
            assertThat(mx1.personality().savedConfig()).contains("then dscp af41");
            assertThat(cli("history", "r1", "--object", "qos/IMP-QOS", "--state-dir", state)).contains("qos/IMP-QOS");

            String back = cli("rollback", "-i", inv.toString(), "--object", "qos/IMP-QOS", "--state-dir", state);
            assertThat(back).contains("changed: [r1]", "changed: [mx1]");
            assertThat(mx1.personality().savedConfig()).contains("then dscp cs3").doesNotContain("af41");
            try (LabClient c = new LabClient(r1, Pattern.compile("r1(\\([\\w-]+\\))?[>#] ?$|Password: $"))) {
                c.login();
                c.raw("enable");
                c.raw(io.portpush.lab.DeviceSpec.DEFAULT_ENABLE);
                assertThat(IosQosDriver.operational(c.cmd("show policy-map interface GigabitEthernet2"))).containsEntry("IMP-SIGNALLING", "cs3");
            }
            // to the baseline: neither device had the policy before portpush
            String gone = cli("rollback", "-i", inv.toString(), "--object", "qos/IMP-QOS", "--to", "baseline", "--state-dir", state);
            assertThat(gone).contains("changed: [r1]", "changed: [mx1]");
            assertThat(r1.personality().savedConfig()).doesNotContain("policy-map IMP-QOS").doesNotContain("service-policy output IMP-QOS");
            assertThat(mx1.personality().savedConfig()).doesNotContain("IMP-QOS");
        }
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        PortpushCommand.execute(new PrintWriter(out), new PrintWriter(out), args);
        return out.toString();
    }

    @Test
    void aQosChangeThatFailsIsTakenBack() throws Exception {
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
            LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
            Path inv = dir.resolve("inv.yml");
            Files.writeString(inv, ("all:\n  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                    + " ansible_become_password: labenable-R4t8Wn, roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }\n"
                    + "  hosts:\n    r1: { ansible_port: %d, ansible_network_os: ios }\n").formatted(r1.port()));
            Path play = dir.resolve("qos.yml");
            Files.writeString(play, "- hosts: all\n  tasks:\n    - qos: { name: IMP-QOS, bind: [{interface: GigabitEthernet2}],"
                    + " classes: [{ name: XMPP, match: [xcp.client-access], dscp: cs3 }] }\n");
            String before = r1.personality().savedConfig().replaceAll("! Last configuration change.*\n", "");
            // the device accepts the marking line but never applies it
            r1.faults(io.portpush.lab.Faults.NONE.withIgnoredLine("set dscp"));
            StringWriter out = new StringWriter();
            int code = PortpushCommand.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "run", play.toString(), "-i",
                    inv.toString(), "--state-dir", dir.resolve("state").toString());
            assertThat(code).isEqualTo(2);
            assertThat(out.toString()).contains("verify failed", "previous state was restored and verified");
            assertThat(r1.personality().savedConfig().replaceAll("! Last configuration change.*\n", "")).isEqualTo(before);
        }
    }
}

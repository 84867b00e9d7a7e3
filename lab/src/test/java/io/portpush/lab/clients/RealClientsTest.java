package io.portpush.lab.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real third-party clients judge the lab: Debian's {@code ansible} (cisco.ios, cisco.asa,
 * junipernetworks.junos over network_cli) and {@code python3-netmiko} run against one device of
 * every personality, and each check asserts the device's state afterwards, not only the client's
 * exit code. Skipped with a printed reason where the packages are not installed ({@code .ci/run}
 * installs them).
 */
class RealClientsTest {
    @TempDir
    Path dir;

    private static boolean runs(String... command) {
        return printed(command) != null;
    }

    /** What a command printed when it succeeded, null when it could not run or failed. */
    private static String printed(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String run(Path dir, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("ANSIBLE_HOST_KEY_CHECKING", "False");
        pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve("ansible-tmp").toString());
        pb.environment().put("ANSIBLE_PERSISTENT_CONNECT_TIMEOUT", "60");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    /** Runs a client that must fail; returns what it printed. */
    private static String runFailing(Path dir, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("ANSIBLE_HOST_KEY_CHECKING", "False");
        pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve("ansible-tmp").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isNotZero();
        return out;
    }

    private static Path resource(Path dir, String name) throws Exception {
        Path p = dir.resolve(name);
        try (var in = RealClientsTest.class.getResourceAsStream("/clients/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    @Test
    void ansibleAndNetmikoDriveEveryPersonality() throws Exception {
        // ansible-core alone has ansible-playbook but not the network collections (Debian's package 'ansible' has them)
        String collections = printed("ansible-galaxy", "collection", "list");
        boolean ansible = collections != null && List.of("cisco.ios", "cisco.asa", "junipernetworks.junos", "arista.eos", "ansible.netcommon").stream()
                .allMatch(collections::contains);
        boolean netmiko = runs("/usr/bin/python3", "-c", "import netmiko");
        boolean ncclient = runs("/usr/bin/python3", "-c", "import ncclient");
        if (!ansible || !netmiko || !ncclient) {
            System.out.println("SKIPPED real-client test: " + (ansible ? "" : "ansible (with its network collections) ")
                    + (netmiko ? "" : "python3-netmiko ") + (ncclient ? "" : "python3-ncclient ")
                    + "not installed (apt-get install ansible python3-netmiko python3-ncclient; .ci/run does)");
            Assumptions.assumeTrue(false, "real clients not installed");
        }
        try (LabFleet fleet = new LabFleet(dir.resolve("lab"))) {
            LabDevice r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
            LabDevice r2 = fleet.start(DeviceSpec.of("r2", "cisco_ios"));
            // an ACL nobody declared, for ios_acls overridden to remove
            assertThat(r2.personality().restore("ip access-list extended STALE\n 10 deny ip any any\n")).isEmpty();
            assertThat(r2.personality().savedConfig()).contains("ip access-list extended STALE");
            LabDevice fw1 = fleet.start(DeviceSpec.of("fw1", "cisco_asa"));
            LabDevice mx1 = fleet.start(DeviceSpec.of("mx1", "juniper_junos"));
            LabDevice mx2 = fleet.start(DeviceSpec.of("mx2", "juniper_junos"));
            LabDevice sw1 = fleet.start(DeviceSpec.of("sw1", "arista_eos"));
            LabDevice nx1 = fleet.start(DeviceSpec.of("nx1", "cisco_nxos"));
            // a short device minute: the ncclient check's one-minute confirmed commit rolls back in a second
            LabDevice mx3 = fleet.start(DeviceSpec.of("mx3", "juniper_junos").withMinute(java.time.Duration.ofMillis(1000)));
            Files.writeString(dir.resolve("inventory.yml"), """
                    all:
                      vars:
                        ansible_host: 127.0.0.1
                        ansible_user: admin
                        ansible_password: %s
                        ansible_become: true
                        ansible_become_method: enable
                        ansible_become_password: %s
                        ansible_connection: ansible.netcommon.network_cli
                      hosts:
                        r1: { ansible_port: %d, ansible_network_os: cisco.ios.ios }
                        r2: { ansible_port: %d, ansible_network_os: cisco.ios.ios }
                        fw1: { ansible_port: %d, ansible_network_os: cisco.asa.asa }
                        mx1: { ansible_port: %d, ansible_network_os: junipernetworks.junos.junos, ansible_become: false }
                        mx2: { ansible_port: %d, ansible_network_os: junipernetworks.junos.junos, ansible_become: false,
                               ansible_connection: ansible.netcommon.netconf }
                        sw1: { ansible_port: %d, ansible_network_os: arista.eos.eos }
                    """.formatted(DeviceSpec.DEFAULT_PASSWORD, DeviceSpec.DEFAULT_ENABLE, r1.port(), r2.port(), fw1.port(), mx1.port(),
                    mx2.port(), sw1.port()));
            Path play = resource(dir, "playbook.yml");
            String first = run(dir, List.of("ansible-playbook", "-i", "inventory.yml", play.toString()));
            assertThat(first).containsPattern("r1 +: ok=\\d+ +changed=3 +unreachable=0 +failed=0")
                    .containsPattern("r2 +: ok=\\d+ +changed=1 +unreachable=0 +failed=0")
                    .containsPattern("fw1 +: ok=\\d+ +changed=2 +unreachable=0 +failed=0")
                    .containsPattern("mx1 +: ok=\\d+ +changed=0 +unreachable=0 +failed=0")
                    .containsPattern("mx2 +: ok=\\d+ +changed=1 +unreachable=0 +failed=0")
                    .containsPattern("sw1 +: ok=\\d+ +changed=1 +unreachable=0 +failed=0");
            assertThat(sw1.personality().savedConfig()).contains("ip access-list ANSIBLE-EOS\n   10 permit tcp any any eq 5222\n");
            assertThat(mx2.personality().savedConfig()).contains("set firewall family inet filter ANSIBLE-NETCONF term sip from destination-port 5061");
            // the state on the devices, not the client's word for it
            assertThat(r1.personality().savedConfig()).contains("ip access-list extended ANSIBLE-IOS", "permit tcp any any eq 5222");
            assertThat(fw1.personality().savedConfig()).contains("access-list ANSIBLE-ASA extended permit tcp any any eq 5061");
            assertThat(r1.personality().savedConfig()).contains("ip access-list extended ANSIBLE-ACLS", " 20 permit udp any any eq 5060");
            assertThat(r2.personality().savedConfig()).contains("ip access-list extended ANSIBLE-ONLY").doesNotContain("STALE");
            assertThat(fw1.personality().savedConfig()).contains("access-list ANSIBLE-ACLS extended permit tcp any any eq 5061");
            // the same playbook again changes nothing: the modules read back what the lab prints and find it there
            String second = run(dir, List.of("ansible-playbook", "-i", "inventory.yml", play.toString()));
            assertThat(second).containsPattern("r1 +: ok=\\d+ +changed=0 +unreachable=0 +failed=0")
                    .containsPattern("r2 +: ok=\\d+ +changed=0 +unreachable=0 +failed=0")
                    .containsPattern("fw1 +: ok=\\d+ +changed=0 +unreachable=0 +failed=0")
                    .containsPattern("mx2 +: ok=\\d+ +changed=0 +unreachable=0 +failed=0");

            // a wrong enable secret fails at privilege escalation, cleanly, and changes nothing
            String r1Before = r1.personality().savedConfig();
            Path wrong = resource(dir, "wrong_enable.yml");
            String refused = runFailing(dir, List.of("ansible-playbook", "-i", "inventory.yml", "-e", "ansible_become_password=not-the-secret",
                    wrong.toString()));
            assertThat(refused).contains("failed to elevate privilege to enable mode", "% Bad secrets").containsPattern("r1 +: ok=0 .*failed=1");
            assertThat(r1.personality().savedConfig()).isEqualTo(r1Before);

            Path script = resource(dir, "netmiko_check.py");
            String out = run(dir, List.of("/usr/bin/python3", script.toString(), String.valueOf(r1.port()), String.valueOf(fw1.port()),
                    String.valueOf(mx1.port()), String.valueOf(sw1.port()),
                    String.valueOf(nx1.port())));
            var result = new ObjectMapper().readTree(out.substring(out.lastIndexOf('{')));
            List<String> checks = List.of("ios_version", "ios_acl", "asa_acl", "junos_version", "junos_commit", "junos_filter",
                    "eos_version", "eos_acl", "nxos_version", "nxos_acl");
            for (String c : checks) {
                assertThat(result.path(c).asBoolean()).as(c + " in " + out).isTrue();
            }
            assertThat(r1.personality().savedConfig()).contains("ip access-list extended NETMIKO-IOS");
            assertThat(fw1.personality().savedConfig()).contains("access-list NETMIKO-ASA");
            assertThat(mx1.personality().savedConfig()).contains("NETMIKO-JUNOS");
            assertThat(sw1.personality().savedConfig()).contains("ip access-list NETMIKO-EOS");
            assertThat(nx1.personality().savedConfig()).contains("ip access-list NETMIKO-NXOS\n  10 permit udp any any eq 5060");
            Path nc = resource(dir, "ncclient_check.py");
            String ncOut = run(dir, List.of("/usr/bin/python3", nc.toString(), String.valueOf(mx3.port()), DeviceSpec.DEFAULT_PASSWORD));
            var ncResult = new ObjectMapper().readTree(ncOut.substring(ncOut.lastIndexOf('{')));
            List<String> ncChecks = List.of("base_1_1", "confirmed_commit_capability", "software_information", "compare", "confirmed_active",
                    "confirmed_rolled_back", "bad_line_refused", "merge_text_committed");
            for (String c : ncChecks) {
                assertThat(ncResult.path(c).asBoolean()).as(c + " in " + ncOut).isTrue();
            }
            assertThat(mx3.personality().savedConfig()).contains("set firewall family inet filter NCCLIENT-TEXT term ldap from destination-port 389")
                    .doesNotContain("filter NCCLIENT term");
            System.out.println("real clients passed: ansible (IOS command, config with save, acls merged, replaced, overridden and gathered, facts,"
                    + " a refused command, a wrong enable secret, idempotent"
                    + " rerun; ASA command, config, acls merged and gathered, idempotent rerun; Junos command over network_cli; Junos command, config with comment, facts and idempotent rerun over netconf; EOS command, config in a session, idempotent rerun), netmiko ("
                    + String.join(", ", checks) + "), ncclient (" + String.join(", ", ncChecks) + ")");
        }
    }
}

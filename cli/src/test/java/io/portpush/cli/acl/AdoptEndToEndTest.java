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
 * Brownfield adoption: an IOS router, an ASA and a Junos router hold a list written by hand in
 * their own syntax (catalogue-shaped entries, an object-group, remarks, a port range wider than
 * the catalogue's, entries for a host no role covers, a shadowed entry). {@code portpush adopt}
 * writes a playbook; a {@code --check --diff} run of it against the same devices reports no
 * change, and adopt's own proof (entry by entry, then the exact meaning diff) said so first.
 */
class AdoptEndToEndTest {
    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice r1;
    LabDevice r2;
    LabDevice fw1;
    LabDevice mx1;

    @BeforeEach
    void lab() {
        fleet = new LabFleet(null);
        r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
        r2 = fleet.start(DeviceSpec.of("r2", "cisco_ios"));
        fw1 = fleet.start(DeviceSpec.of("fw1", "cisco_asa"));
        mx1 = fleet.start(DeviceSpec.of("mx1", "juniper_junos"));
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private CliRun run(String... args) {
        return CliRun.inState(dir.resolve("state"), args);
    }

    private Path inventory() throws Exception {
        return inventory("inv.yml", """
                    r1: { ansible_port: %d, ansible_network_os: cisco.ios.ios }
                    r2: { ansible_port: %d, ansible_network_os: cisco.ios.ios }
                    fw1: { ansible_port: %d, ansible_network_os: cisco.asa.asa }
                    mx1: { ansible_port: %d, ansible_network_os: junipernetworks.junos.junos }
                """.formatted(r1.port(), r2.port(), fw1.port(), mx1.port()));
    }

    /** An inventory of lab devices with the roles the hand-written lists use; {@code hosts} are lines under {@code hosts:}. */
    private Path inventory(String file, String hosts) throws Exception {
        Path inv = dir.resolve(file);
        Files.writeString(inv, """
                all:
                  vars:
                    ansible_host: 127.0.0.1
                    ansible_user: admin
                    ansible_password: labpw-K7q2Xz9
                    ansible_become_password: labenable-R4t8Wn
                    roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24], bosh-client: [198.51.100.0/24], sip-gateway: [192.0.2.0/28] }
                  hosts:
                """ + hosts);
        return inv;
    }

    /** What an engineer typed over the years, in each platform's syntax (sent as raw configuration lines). */
    private Path handWritten() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("legacy-ios.cfg"), """
                object-group network IMP-NODES
                 10.10.1.0 255.255.255.0
                ip access-list extended LEGACY
                 remark xmpp clients
                 permit tcp 198.51.100.0 0.0.0.255 10.10.1.0 0.0.0.255 eq 5222
                 permit tcp 198.51.100.0 0.0.0.255 object-group IMP-NODES eq 7335
                 remark sip trunk, wider than it needs
                 permit tcp any host 10.10.1.10 range 5060 5070
                 permit tcp host 203.0.113.5 host 10.10.1.10 eq 22
                 permit tcp host 203.0.113.5 host 10.10.1.11 eq 22
                 permit tcp any host 10.10.1.10 eq 5061
                 deny ip any any
                interface GigabitEthernet2
                 ip access-group LEGACY in
                """);
        Files.writeString(templates.resolve("legacy-asa.cfg"), """
                object-group network IMP-NODES
                 network-object 10.10.1.0 255.255.255.0
                access-list LEGACY remark xmpp clients
                access-list LEGACY extended permit tcp 198.51.100.0 255.255.255.0 10.10.1.0 255.255.255.0 eq 5222
                access-list LEGACY extended permit tcp 198.51.100.0 255.255.255.0 object-group IMP-NODES eq 7335
                access-list LEGACY extended permit tcp any host 10.10.1.10 range sip 5070
                access-list LEGACY extended permit tcp host 203.0.113.5 host 10.10.1.10 eq ssh
                access-list LEGACY extended permit tcp host 203.0.113.5 host 10.10.1.11 eq ssh
                access-list LEGACY extended permit tcp any host 10.10.1.10 eq 5061
                access-list LEGACY extended deny ip any any
                access-group LEGACY in interface outside
                """);
        Path p = dir.resolve("hand.yml");
        Files.writeString(p, """
                - hosts: all
                  tasks:
                    - name: legacy IOS list
                      when: portpush_platform == 'cisco_ios'
                      config: { src: legacy-ios.cfg }
                    - name: legacy ASA list
                      when: portpush_platform == 'cisco_asa'
                      config: { src: legacy-asa.cfg }
                    - name: legacy Junos filter
                      when: portpush_platform == 'juniper_junos'
                      config:
                        lines:
                          - set firewall family inet filter LEGACY term xmpp from source-address 198.51.100.0/24
                          - set firewall family inet filter LEGACY term xmpp from destination-address 10.10.1.0/24
                          - set firewall family inet filter LEGACY term xmpp from protocol tcp
                          - set firewall family inet filter LEGACY term xmpp from destination-port 5222
                          - set firewall family inet filter LEGACY term xmpp then accept
                          - set firewall family inet filter LEGACY term sip from destination-address 10.10.1.10/32
                          - set firewall family inet filter LEGACY term sip from protocol tcp
                          - set firewall family inet filter LEGACY term sip from destination-port 5060-5070
                          - set firewall family inet filter LEGACY term sip then accept
                          - set firewall family inet filter LEGACY term ssh from source-address 203.0.113.5/32
                          - set firewall family inet filter LEGACY term ssh from destination-address 10.10.1.10/32
                          - set firewall family inet filter LEGACY term ssh from destination-address 10.10.1.11/32
                          - set firewall family inet filter LEGACY term ssh from protocol tcp
                          - set firewall family inet filter LEGACY term ssh from destination-port 22
                          - set firewall family inet filter LEGACY term ssh then accept
                          - set firewall family inet filter LEGACY term last then discard
                          - set interfaces ge-0/0/0 unit 0 family inet filter input LEGACY
                """);
        return p;
    }

    @Test
    void adoptWritesAPlaybookThatRendersWhatEachDeviceHolds() throws Exception {
        Path inv = inventory();
        CliRun seed = run("run", handWritten().toString(), "-i", inv.toString());
        assertThat(seed.code()).as(seed.out()).isZero();

        Path adopted = dir.resolve("adopted.yml");
        CliRun adopt = run("adopt", "-i", inv.toString(), "--acl", "LEGACY", "-o", adopted.toString());
        String out = adopt.out();
        assertThat(adopt.code()).as(out).isZero();
        for (String h : new String[] {"r1, r2", "fw1", "mx1"}) {
            assertThat(out).as(out).contains("  " + h + ": LEGACY adopted, no change in meaning");
        }
        // (the ASA's own names for ports, as it shows them: the config module compares what it shows)
        // the two routers holding the same list share one play
        String playbook = Files.readString(adopted);
        assertThat(playbook).contains("hosts: r1:r2", "hosts: fw1", "hosts: mx1");
        // catalogue-shaped entries became flows, the rest stayed literal, in place
        assertThat(playbook).contains("- xcp.client-access", "- xcp.bosh", "remark: adopted from entry");
        // a literal keeps the device's own words: the IOS remark above it, the Junos term's name
        assertThat(playbook).contains("sip trunk, wider than it needs (adopted from entry 3)", "remark: ssh (adopted from entry 3)");
        assertThat(playbook).doesNotContain("sip-proxy");
        // the migration report: the range wider than the catalogue's SIP flows, the host no role covers, the shadowed entry
        assertThat(out).contains("permits sip-proxy.", "more broadly than the catalogue describes it")
                .contains("ports 5060-5070 where the catalogue says 5060 (broader)", "source any where the catalogue says 192.0.2.0/28 (broader)")
                .contains("proposal: 203.0.113.5/32 appears in 2 literal entries")
                .containsPattern("entry \\d+ is shadowed");

        // the proof that matters to the device: a check run of the adopted playbook changes nothing
        CliRun check = run("run", adopted.toString(), "-i", inv.toString(), "--check", "--diff");
        assertThat(check.code()).as(check.out()).isZero();
        assertThat(check.out()).contains("ok: [r1]", "ok: [r2]", "ok: [fw1]", "ok: [mx1]").doesNotContain("changed:");
    }

    @Test
    void aListThatNoRuleCanSayIsReportedAndLeftOutOfThePlaybook() throws Exception {
        Path inv = inventory();
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/qosy.cfg"), """
                ip access-list extended QOSY
                 permit tcp 198.51.100.0 0.0.0.255 10.10.1.0 0.0.0.255 eq 5222
                 permit udp any any dscp ef
                 deny ip any any
                """);
        Path p = dir.resolve("dscp.yml");
        Files.writeString(p, "- hosts: r1\n  tasks:\n    - config: { src: qosy.cfg }\n");
        assertThat(run("run", p.toString(), "-i", inv.toString()).code()).isZero();
        Path adopted = dir.resolve("adopted.yml");
        CliRun adopt = run("adopt", "-i", inv.toString(), "-l", "r1", "--acl", "QOSY", "-o", adopted.toString());
        assertThat(adopt.code()).as(adopt.out()).isEqualTo(3);
        assertThat(adopt.out()).contains("r1: not adopted, left out of the playbook", "dscp 46 has no rule to say it");
        assertThat(adopted).doesNotExist();
        // a list the device does not hold is said so, not adopted as empty
        CliRun none = run("adopt", "-i", inv.toString(), "-l", "r2", "--acl", "NOPE");
        assertThat(none.out()).contains("the device holds no ACL of that name");
        assertThat(none.code()).isEqualTo(3);
    }

    /**
     * EOS and NX-OS: a list pushed by an older playbook (catalogue flows, a literal entry between
     * them, a logged default) is read back and adopted to the same rules; the check run of the
     * adopted playbook changes nothing on either.
     */
    @Test
    void eosAndNxosListsAreAdoptedToTheRulesThatWroteThem() throws Exception {
        LabDevice sw1 = fleet.start(DeviceSpec.of("sw1", "arista_eos"));
        LabDevice nx1 = fleet.start(DeviceSpec.of("nx1", "cisco_nxos"));
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
        Path inv = inventory("switches.yml", """
                    sw1: { ansible_port: %d, ansible_network_os: arista.eos.eos, port: Ethernet1 }
                    nx1: { ansible_port: %d, ansible_network_os: cisco.nxos.nxos, port: Ethernet1/1 }
                """.formatted(sw1.port(), nx1.port()));
        Path old = dir.resolve("old.yml");
        Files.writeString(old, """
                - hosts: all
                  tasks:
                    - acl:
                        name: OLD-EDGE
                        bind: [{ interface: "{{ port }}", direction: in }]
                        rules:
                          - permit: [xcp.client-access]
                          - deny: { protocol: tcp, source: 203.0.113.0/24, destination: 10.10.1.0/24, ports: [8443] }
                          - permit: [xcp.bosh]
                        default: deny
                        default_log: true
                """);
        CliRun push = run("run", old.toString(), "-i", inv.toString());
        assertThat(push.code()).as(push.out()).isZero();
        Path adopted = dir.resolve("adopted-switches.yml");
        CliRun adopt = run("adopt", "-i", inv.toString(), "--acl", "OLD-EDGE", "-o", adopted.toString());
        assertThat(adopt.code()).as(adopt.out()).isZero();
        assertThat(adopt.out()).contains("sw1: OLD-EDGE adopted, no change in meaning", "nx1: OLD-EDGE adopted, no change in meaning");
        String playbook = Files.readString(adopted);
        assertThat(playbook).contains("hosts: sw1", "hosts: nx1", "- xcp.client-access", "- xcp.bosh", "interface: Ethernet1",
                "interface: Ethernet1/1", "default_log: true");
        CliRun check = run("run", adopted.toString(), "-i", inv.toString(), "--check", "--diff");
        assertThat(check.code()).as(check.out()).isZero();
        assertThat(check.out()).contains("ok: [sw1]", "ok: [nx1]").doesNotContain("changed:");
    }
}

package io.portpush.platform.asa;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.policy.AclEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ASA lines that used to end a read or vanish (issue 11: address forms other than host/mask/any,
 * standard/webtype/ethertype lists, {@code log disable}, {@code inactive}, {@code time-range}),
 * in the layout of the Cisco ASA Series Command Reference (access-list extended, standard,
 * webtype, ethertype; show access-list).
 */
class AsaReadingTest {
    @Test
    void aLineThatDoesNotParseIsKeptAndTheRestIsRead() {
        Map<String, List<AclEntry>> run = AsaAclParser.running("""
                access-list OUT extended permit tcp any interface outside eq 443
                access-list OUT extended permit tcp any fqdn www.example.com eq 443
                access-list OUT extended permit ip range 10.1.1.1 10.1.1.9 any
                access-list OUT extended permit ip object WEB any
                access-list OUT extended permit tcp any host 10.1.1.1 eq 22 log disable
                access-list OUT extended permit tcp any host 10.1.1.2 eq 22 log 4 interval 60
                access-list OUT extended deny ip any any inactive
                access-list OUT extended permit tcp any any eq 80 time-range BusinessHours
                access-list STD standard permit 10.1.1.0 255.255.255.0
                access-list ETH ethertype permit bpdu
                access-list WEB webtype permit url http://www.example.com/*
                """);
        List<AclEntry> out = run.get("OUT");
        assertThat(out).hasSize(8);
        // addresses a device names are kept by name, never dropped or read as a prefix
        assertThat(out.get(0).destination().toString()).as("interface outside").isEqualTo("[interface outside]");
        assertThat(out.get(1).destination().toString()).as("fqdn").isEqualTo("[fqdn www.example.com]");
        assertThat(out.get(0).matchPart()).isNotEqualTo(AsaAclParser.ace("permit tcp any any eq 443", "").matchPart());
        assertThat(out.get(2).unrecognised()).as("range reads as the prefixes that span it").isFalse();
        assertThat(out.get(2).source().texts()).containsExactlyInAnyOrder("10.1.1.1/32", "10.1.1.2/31", "10.1.1.4/30", "10.1.1.8/31");
        assertThat(out.get(3).source().names()).as("object").containsExactly("object WEB");
        assertThat(out.get(4).log()).as("log disable").isFalse();
        assertThat(out.get(4).unrecognised()).isFalse();
        assertThat(out.get(5).log()).isTrue();
        assertThat(out.get(6).qualifiers()).containsExactly("inactive");
        assertThat(out.get(7).qualifiers()).containsExactly("time-range BusinessHours");
        // a standard list matches destinations (ASA command reference, access-list standard)
        assertThat(run.get("STD")).singleElement().extracting(AclEntry::describe).isEqualTo("permit ip any -> 10.1.1.0/24");
        assertThat(run.get("ETH")).singleElement().matches(AclEntry::unrecognised);
        assertThat(run.get("WEB")).singleElement().matches(AclEntry::unrecognised);
        assertThat(run.get("WEB").get(0).describe()).isEqualTo("unrecognised line 'webtype permit url http://www.example.com/*'");
    }

    @Test
    void showAccessListKeepsStandardListsAndQualifiedEntries() {
        Map<String, List<AclEntry>> show = AsaAclParser.show("""
                access-list cached ACL log flows: total 0, denied 0 (deny-flow-max 4096)
                access-list STD; 1 elements; name hash: 0x1a2b3c4d
                access-list STD line 1 standard permit 10.1.1.0 255.255.255.0 (hitcnt=0) 0x5e6f7a8b
                access-list OUT; 2 elements; name hash: 0x9abcdef0
                access-list OUT line 1 extended permit icmp any any echo-reply (hitcnt=3) 0x11111111
                access-list OUT line 2 extended deny ip any any inactive (hitcnt=0) 0x22222222
                """);
        assertThat(show.get("STD")).singleElement().extracting(AclEntry::describe).isEqualTo("permit ip any -> 10.1.1.0/24");
        assertThat(show.get("OUT").get(0).qualifiers()).containsExactly("icmp 0");
        assertThat(show.get("OUT").get(1).qualifiers()).containsExactly("inactive");
    }

    @Test
    void hitCountersAreKeptPerEvaluatedLine() throws Exception {
        // Genie golden output of a real ASA (corpus sample): acl3 line 2 expands to four entries, two of them hit once
        String text = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/resources/real/cisco_asa/show_access-list/genie-asa-bgp-peers-ldap-any6.txt"));
        Map<String, List<AsaAclParser.Line>> lines = AsaAclParser.showLines(text);
        assertThat(lines.get("acl3")).filteredOn(l -> l.line() == 2).extracting(AsaAclParser.Line::hits).containsExactly(1L, 0L, 0L, 1L);
        assertThat(lines.get("acl1_default")).filteredOn(l -> l.line() == 3).singleElement().extracting(AsaAclParser.Line::hits)
                .isEqualTo(60L);
        // an expansion line with no counter (field output of a newer release) reads as none counted, not zero
        String noCounter = "  access-list test line 40 extended permit tcp host 10.0.1.10 fqdn host.example.com (unresolved) eq https 0xc6e4eca7\n";
        assertThat(AsaAclParser.showLines(noCounter).get("test")).singleElement().extracting(AsaAclParser.Line::hits).isEqualTo(-1L);
    }

    @Test
    void theRunningConfigurationResolvesItsOwnObjectsAndGroups() throws Exception {
        // definitions: field output of show running-config object / object-group (corpus samples); entries in the forms of the
        // ASA command reference (access-list extended with object, object-group, service and port groups)
        String objects = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/resources/real/cisco_asa/show_running-config_object/ntc-network-objects.txt"))
                + java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/resources/real/cisco_asa/show_running-config_object-group/ntc-service-groups.txt"))
                + "object-group network INSIDE\n network-object object corp\n network-object host 172.16.0.1\n group-object NESTED\n"
                + "object-group network NESTED\n network-object 192.0.2.0 255.255.255.0\n";
        Map<String, List<AclEntry>> run = AsaAclParser.running(objects + """
                access-list OUT extended permit tcp object-group INSIDE object server-vip object-group five
                access-list OUT extended permit object-group three object internal any
                access-list OUT extended permit ip object fqdn_test object NOT-DEFINED
                access-list OUT extended deny tcp any range 10.10.10.4 10.10.10.7 eq 22
                """);
        List<String> out = run.get("OUT").stream().map(AclEntry::describe).toList();
        assertThat(out).startsWith(
                "permit tcp 10.0.0.0/8 -> 10.1.11.8/32:445", "permit tcp 10.0.0.0/8 -> 10.1.11.8/32:139",
                "permit tcp 172.16.0.1/32 -> 10.1.11.8/32:445");
        assertThat(out).contains("permit tcp 192.0.2.0/24 -> 10.1.11.8/32:139", "permit udp 192.168.0.0/24 -> any:48129-48137",
                "permit udp 192.168.0.0/24:1024-65535 -> any:0-39999",
                "permit ip [fqdn google.com] -> [object NOT-DEFINED]", "deny tcp any -> 10.10.10.4/30:22");
        assertThat(out).hasSize(3 * 2 + 5 + 1 + 1);
        // a cycle is refused by name, as a line kept unrecognised
        Map<String, List<AclEntry>> cyclic = AsaAclParser.running("""
                object-group network A
                 group-object B
                object-group network B
                 group-object A
                access-list X extended permit ip object-group A any
                """);
        assertThat(cyclic.get("X")).singleElement().matches(AclEntry::unrecognised);
    }
}

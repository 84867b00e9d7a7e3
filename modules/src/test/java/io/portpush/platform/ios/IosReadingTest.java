package io.portpush.platform.ios;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading real IOS output one line at a time: no line ends the read or is dropped, a line that
 * is not understood is kept as an unrecognised entry, and entries that mean something else never
 * compare equal. The lines below are the kinds reported from field output in issue 11 (standard
 * entries in show output, object-group references, non-contiguous wildcards, ICMP types, TCP
 * flags, fragments, time-ranges and the list kinds portpush does not manage), in the layouts of
 * the Cisco IOS XE Security Configuration Guide (IP Access List Overview; Standard IP Access List
 * Logging; Creating an IP Access List to Filter IP Options, TCP Flags, Noncontiguous Ports).
 */
class IosReadingTest {
    private static final String SHOW = """
            Standard IP access list 1
                10 permit 10.1.2.3 log
                20 permit 10.2.0.0, wildcard bits 0.0.255.255 (5 matches)
                30 deny   192.168.1.0, wildcard bits 0.0.0.255
            Extended IP access list OG
                10 permit udp object-group SRC object-group DST eq domain
                20 permit icmp any any echo
                30 permit icmp any any
                40 permit ip 10.0.0.0 0.255.0.255 any
                50 permit tcp any any match-any +syn -ack
                60 deny ip any any fragments
                70 permit tcp any any eq 22 time-range WORKHOURS
            Role-based IP access list RBACL
                10 permit tcp dst eq 443
            FQDN IP access list FQDN-ACL
                10 permit ip any host dynamic www.example.com
             IPv6 access list V6
                permit tcp any any eq www sequence 10
            Reflexive IP access list MIRROR
                 permit tcp host 10.1.1.1 eq 23 host 10.2.2.2 eq 1026 (2 matches) (time left 123)
            """;

    @Test
    void everyListKindStartsItsOwnListAndNoLineIsLost() {
        Map<String, List<IosAclParser.Line>> acls = IosAclParser.showAccessLists(SHOW);
        // an FQDN list is kept apart from the extended list of the same name IOS programs from it
        assertThat(acls).containsOnlyKeys("1", "OG", "RBACL", "FQDN-ACL [fqdn]", "V6", "MIRROR");
        assertThat(acls.get("1")).hasSize(3);
        assertThat(acls.get("OG")).hasSize(7);
        assertThat(acls.get("RBACL")).hasSize(1);
        assertThat(acls.get("FQDN-ACL [fqdn]")).singleElement().extracting(l -> l.entry().describe())
                .isEqualTo("permit ip any -> [fqdn www.example.com]");
        assertThat(acls.get("V6")).hasSize(1);
        assertThat(acls.get("MIRROR")).hasSize(1);
        assertThat(acls.get("RBACL").get(0).entry().unrecognised()).as("a list kind portpush does not read").isTrue();
        assertThat(acls.get("MIRROR").get(0).entry().unrecognised()).isTrue();
        assertThat(acls.get("V6").get(0).entry().unrecognised()).isFalse();
    }

    @Test
    void hitCountersAreKeptBesideTheEntries() {
        List<IosAclParser.Line> std = IosAclParser.showAccessLists(SHOW).get("1");
        assertThat(std.get(1).hits()).isEqualTo(5);
        assertThat(std.get(0).hits()).as("shown without a counter: none counted").isZero();
        assertThat(IosAclParser.runningConfig("ip access-list extended A\n 10 permit ip any any\n").acls().get("A").get(0).hits())
                .as("the running configuration has no counters").isEqualTo(-1);
    }

    @Test
    void standardEntriesInShowOutput() {
        List<AclEntry> std = IosAclParser.showAccessLists(SHOW).get("1").stream().map(IosAclParser.Line::entry).toList();
        assertThat(std.get(0).source().toString()).isEqualTo("10.1.2.3/32");
        assertThat(std.get(0).log()).isTrue();
        assertThat(std.get(0).destination().any()).isTrue();
        assertThat(std.get(1).source().toString()).isEqualTo("10.2.0.0/16");
        assertThat(std.get(2).action()).isEqualTo(Action.DENY);
        assertThat(std.get(2).source().toString()).isEqualTo("192.168.1.0/24");
        assertThat(std).noneMatch(AclEntry::unrecognised);
    }

    @Test
    void whatIsNotUnderstoodIsKeptAndMatchesNothing() {
        List<AclEntry> og = IosAclParser.showAccessLists(SHOW).get("OG").stream().map(IosAclParser.Line::entry).toList();
        assertThat(og.get(0).unrecognised()).as("an object-group reference in show output").isTrue();
        assertThat(og.get(0).describe()).isEqualTo("unrecognised line 'permit udp object-group SRC object-group DST eq domain'");
        assertThat(og.get(0).covers(og.get(0))).isFalse();
        // a non-contiguous wildcard is kept as the exact set it matches (10.x.0.y), compared by meaning
        AclEntry sparse = og.get(3);
        assertThat(sparse.unrecognised()).as("a non-contiguous wildcard").isFalse();
        assertThat(sparse.source().toString()).isEqualTo("10.*.0.*");
        AclEntry slash8 = IosAclParser.ace("permit ip 10.0.0.0 0.255.255.255 any", "");
        assertThat(slash8.covers(sparse)).isTrue();
        assertThat(sparse.covers(slash8)).isFalse();
        assertThat(sparse.matchPart()).isEqualTo(IosAclParser.ace("permit ip 10.0.0.0 0.255.0.255 any", "").matchPart());
    }

    @Test
    void entriesThatMeanSomethingElseNeverCompareEqual() {
        List<AclEntry> og = IosAclParser.showAccessLists(SHOW).get("OG").stream().map(IosAclParser.Line::entry).toList();
        AclEntry echo = og.get(1);
        AclEntry anyIcmp = og.get(2);
        assertThat(echo.qualifiers()).containsExactly("icmp 8"); // the message name as its type number
        assertThat(anyIcmp.qualifiers()).isEmpty();
        assertThat(AclEntries.sameEntries(List.of(echo), List.of(anyIcmp))).isFalse();
        assertThat(AclEntries.differences(List.of(echo), List.of(anyIcmp))).hasSize(1);
        assertThat(og.get(4).qualifiers()).containsExactly("match-any +syn -ack");
        assertThat(og.get(5).qualifiers()).containsExactly("fragments");
        assertThat(og.get(6).qualifiers()).containsExactly("time-range WORKHOURS");
        assertThat(og.get(6).describe()).endsWith(" time-range WORKHOURS");
        // a qualified entry does not shadow the plain one below it, and the plain one covers it
        assertThat(echo.covers(anyIcmp)).isFalse();
        assertThat(anyIcmp.covers(echo)).isTrue();
    }

    @Test
    void namedAndNumberedStandardListsInTheRunningConfiguration() {
        IosAclParser.Running r = IosAclParser.runningConfig("""
                access-list 10 permit 192.0.2.0 0.0.0.255
                access-list 110 permit tcp any host 10.1.1.1 eq 22
                ip access-list standard MGMT
                 10 permit 10.30.0.0 0.0.0.255
                 20 deny   any log
                ip access-list extended EDGE
                 10 permit ip 10.0.0.0 0.255.0.255 any
                 20 permit tcp any any eq 5222
                """);
        assertThat(r.acls().get("10").get(0).entry().source().toString()).isEqualTo("192.0.2.0/24");
        assertThat(r.acls().get("110").get(0).entry().destinationPorts().ranges()).hasSize(1);
        List<AclEntry> mgmt = r.acls().get("MGMT").stream().map(IosAclParser.Line::entry).toList();
        assertThat(mgmt).hasSize(2).noneMatch(AclEntry::unrecognised);
        assertThat(mgmt.get(0).source().toString()).isEqualTo("10.30.0.0/24");
        assertThat(mgmt.get(1).log()).isTrue();
        List<AclEntry> edge = r.acls().get("EDGE").stream().map(IosAclParser.Line::entry).toList();
        assertThat(edge).hasSize(2);
        assertThat(edge.get(0).source().toString()).isEqualTo("10.*.0.*");
        assertThat(edge).noneMatch(AclEntry::unrecognised);
    }

    @Test
    void objectGroupReferencesInShowOutputResolveWithShowObjectGroup() throws Exception {
        // the groups: ntc-templates field output of show object-group (the corpus sample); the entries: the forms of its 1104 sample
        String groups = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/resources/real/cisco_ios/show_object-group/ntc-service-and-network-groups.txt"));
        String show = """
                Extended IP access list access-acl
                    10 permit udp object-group TEST_NET_OGR host 10.1.2.3 eq domain (7 matches)
                    20 permit tcp host 10.1.2.3 eq snmp object-group TEST_NET_OGR
                    30 permit object-group TEST-SVC-OGR host 10.1.2.3 10.1.2.0 0.0.0.255
                    40 permit udp object-group NOT_SHOWN any
                    50 permit ip object-group XXXX any
                """;
        List<IosAclParser.Line> lines = IosAclParser.showAccessLists(show, IosAclParser.objectGroups(groups)).get("access-acl");
        List<String> ten = lines.stream().filter(l -> l.seq() == 10).map(l -> l.entry().describe()).toList();
        assertThat(ten).startsWith("permit udp any -> 10.1.2.3/32:53", "permit udp 1.1.1.1/32 -> 10.1.2.3/32:53").hasSize(4);
        assertThat(lines.stream().filter(l -> l.seq() == 10)).allMatch(l -> l.hits() == 7);
        assertThat(lines.stream().filter(l -> l.seq() == 20).map(l -> l.entry().describe()).toList())
                .contains("permit tcp 10.1.2.3/32:161 -> 1.1.1.0/24");
        assertThat(lines.stream().filter(l -> l.seq() == 30).map(l -> l.entry().describe()).toList())
                .contains("permit icmp 10.1.2.3/32 -> 10.1.2.0/24 icmp 0", "permit tcp 10.1.2.3/32 -> 10.1.2.0/24:25",
                        "permit 99 10.1.2.3/32 -> 10.1.2.0/24").hasSize(19);
        // a group the output does not define, and an empty group: the line is kept, never read as something else or dropped
        assertThat(lines.stream().filter(l -> l.seq() == 40)).singleElement().matches(l -> l.entry().unrecognised());
        assertThat(lines.stream().filter(l -> l.seq() == 50)).singleElement().matches(l -> l.entry().unrecognised());
        assertThat(lines).noneMatch(l -> l.seq() < 40 && l.entry().unrecognised());
    }

    @Test
    void ipv6CountersPrintedBeforeTheSequenceNumberAreKept() throws Exception {
        // Genie golden output of IOS-XE (corpus samples): "permit tcp any any eq bgp (8 matches) sequence 10"
        Map<String, List<IosAclParser.Line>> all = IosAclParser.showAccessLists(java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/resources/real/cisco_ios/show_ipv6_access-list/genie-iosxe-ipv6-per-user-counters.txt")));
        assertThat(all.get("inbound")).extracting(IosAclParser.Line::seq, IosAclParser.Line::hits)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10, 8L), org.assertj.core.groups.Tuple.tuple(20, 15L),
                        org.assertj.core.groups.Tuple.tuple(30, 0L));
        Map<String, List<IosAclParser.Line>> one = IosAclParser.showAccessLists(java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/resources/real/cisco_ios/show_ipv6_access-list/genie-iosxe-ipv6-mld-dscp-counter.txt")));
        assertThat(one.get("OutFilter_IPv6")).last().extracting(IosAclParser.Line::seq, IosAclParser.Line::hits)
                .containsExactly(120, 3974749339L);
    }
}

package io.portpush.platform.ios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.policy.AclEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The IOS entry forms of the Cisco IOS Security Command Reference ({@code permit (IP)},
 * {@code permit (IPv6)}, {@code ip access-list}) and the Security Configuration Guide "Object
 * Groups for ACLs" that the field corpus does not happen to hold: each read by meaning.
 */
class IosEntryFormsTest {
    private static String read(String ace) {
        return IosAclParser.ace(ace, "").describe();
    }

    @Test
    void icmpTypesAndCodesByNumberTtlAndReflexiveEntries() {
        assertThat(read("permit icmp any any 3 4")).isEqualTo("permit icmp any -> any icmp 3/4");
        assertThat(read("permit icmp any any 8")).isEqualTo("permit icmp any -> any icmp 8");
        // a number above 255 is no ICMP type, so it is no option either
        assertThatThrownBy(() -> read("permit icmp any any 300")).hasMessageContaining("'300'");
        assertThat(read("permit icmp any any 3 log")).isEqualTo("permit icmp any -> any log icmp 3");
        assertThat(read("permit ip any any ttl eq 1")).isEqualTo("permit ip any -> any ttl eq 1");
        assertThat(read("permit ip any any ttl range 1 5")).isEqualTo("permit ip any -> any ttl range 1 5");
        assertThat(read("permit tcp any any reflect MIRROR timeout 300")).isEqualTo("permit tcp any -> any reflect MIRROR timeout 300");
        assertThat(read("permit tcp any any reflect MIRROR")).isEqualTo("permit tcp any -> any reflect MIRROR");
        assertThat(read("permit ip any any dscp ef")).isEqualTo("permit ip any -> any dscp 46");
        assertThat(read("permit ip any any dscp 46")).isEqualTo("permit ip any -> any dscp 46");
        assertThatThrownBy(() -> read("permit ip any any dscp 64")).hasMessageContaining("unknown value '64'");
        assertThatThrownBy(() -> read("permit ip any any dscp")).hasMessageContaining("ends too early");
    }

    @Test
    void logCookiesInTheRunningConfigurationAndIpv6Sequences() {
        assertThat(read("permit tcp any any eq 22 log SSH-IN")).isEqualTo("permit tcp any -> any:22 log log-tag SSH-IN");
        // a word after log that is an option of the entry is that option, not a cookie
        assertThat(read("permit tcp any any log time-range WORK")).isEqualTo("permit tcp any -> any log time-range WORK");
        assertThat(read("permit tcp any any log fragments")).isEqualTo("permit tcp any -> any log fragments");
        assertThat(IosAclParser.ace("permit tcp any any eq www sequence 20", "", true).describe()).isEqualTo("permit tcp any -> any:80");
        assertThat(IosAclParser.ace("permit icmp any any echo-request", "", true).describe()).isEqualTo("permit icmp any -> any icmp6 128");
        assertThat(IosAclParser.ace("permit icmp any any nd-ns", "", true).describe()).isEqualTo("permit icmp any -> any icmp6 135");
        assertThat(IosAclParser.ace("permit icmp any any 133", "", true).describe()).isEqualTo("permit icmp any -> any icmp6 133");
    }

    @Test
    void portOperatorsAtTheEdgesOfTheRange() {
        assertThat(read("permit tcp any any neq 0")).isEqualTo("permit tcp any -> any:1-65535");
        assertThat(read("permit tcp any any neq 65535")).isEqualTo("permit tcp any -> any:0-65534");
        assertThat(read("permit tcp any any neq 22 23")).isEqualTo("permit tcp any -> any:0-21,24-65535");
        assertThat(read("permit tcp any any lt 1")).isEqualTo("permit tcp any -> any:0");
    }

    @Test
    void listKindsAndLinesThatAreNoEntries() {
        var lists = IosAclParser.showAccessLists("""
                Extended IP access list DYN
                    10 Dynamic TESTLIST permit ip any any
                    20 permit tcp any any eq 22
                    evaluate MIRROR
                IPv6 access list V6
                    permit tcp any any eq www
                    deny ipv6 any any sequence 30
                Reflexive IP access list MIRROR
                     permit tcp host 10.1.1.1 eq 22 host 10.2.2.2 eq 40000 (1 match) (time left 280)
                """);
        List<IosAclParser.Line> dyn = lists.get("DYN");
        assertThat(dyn).extracting(IosAclParser.Line::seq).containsExactly(10, 20, 30);
        assertThat(dyn.get(0).entry().unrecognised()).as("a dynamic entry").isTrue();
        assertThat(dyn.get(1).entry().describe()).isEqualTo("permit tcp any -> any:22");
        assertThat(dyn.get(2).entry().unrecognisedText()).isEqualTo("evaluate MIRROR");
        // an IPv6 line without a sequence is numbered after the one before it
        assertThat(lists.get("V6")).extracting(IosAclParser.Line::seq).containsExactly(10, 30);
        assertThat(lists.get("V6").get(1).entry().describe()).isEqualTo("deny ip any -> any");
        assertThat(lists.get("MIRROR")).singleElement().matches(l -> l.entry().unrecognised(), "reflexive entries are not managed");
    }

    @Test
    void numberedListsByRangeInTheRunningConfiguration() {
        var r = IosAclParser.runningConfig("""
                access-list 99 permit 10.0.0.0 0.255.255.255
                access-list 100 permit ip 10.0.0.0 0.255.255.255 any
                access-list 1300 permit 10.1.0.0 0.0.255.255
                access-list 1999 deny any
                access-list 2000 permit tcp any any eq 22
                """);
        assertThat(r.acls().get("99").get(0).entry().describe()).isEqualTo("permit ip 10.0.0.0/8 -> any");
        assertThat(r.acls().get("100").get(0).entry().describe()).isEqualTo("permit ip 10.0.0.0/8 -> any");
        assertThat(r.acls().get("1300").get(0).entry().describe()).isEqualTo("permit ip 10.1.0.0/16 -> any");
        assertThat(r.acls().get("1999").get(0).entry().describe()).isEqualTo("deny ip any -> any");
        assertThat(r.acls().get("2000").get(0).entry().describe()).isEqualTo("permit tcp any -> any:22");
    }

    @Test
    void serviceGroupMembersWithSourcePortsBothProtocolsAndOperators() {
        Map<String, List<String>> g = IosAclParser.objectGroups("""
                object-group service SVC
                 tcp source eq 1000 eq 2000
                 tcp-udp eq domain
                 udp gt 1023
                 tcp lt 25
                 tcp range 5060 5061
                object-group network V6NET
                 2001:db8::/32
                object-group network EMPTY
                object-group service WITH-PORTS
                 tcp eq 22
                """);
        assertThat(IosAclParser.expand("permit object-group SVC any host 10.1.1.1", g)).containsExactly(
                "permit tcp any eq 1000 host 10.1.1.1 eq 2000",
                "permit tcp any host 10.1.1.1 eq domain",
                "permit udp any host 10.1.1.1 eq domain",
                "permit udp any host 10.1.1.1 gt 1023",
                "permit tcp any host 10.1.1.1 lt 25",
                "permit tcp any host 10.1.1.1 range 5060 5061");
        assertThat(IosAclParser.expand("permit tcp object-group V6NET any eq 443", g)).containsExactly("permit tcp 2001:db8::/32 any eq 443");
        assertThat(IosAclParser.expand("permit tcp any gt 1023 object-group V6NET lt 1024 log", g))
                .containsExactly("permit tcp any gt 1023 2001:db8::/32 lt 1024 log");
        // ports in the group and in the entry: IOS refuses it, so does the reader
        assertThatThrownBy(() -> IosAclParser.expand("permit object-group WITH-PORTS any any eq 23", g))
                .isInstanceOf(IosAclParser.UnsupportedEntry.class).hasMessageContaining("ports both");
        // a network group named as a service group, and the other way round, is refused by name
        assertThatThrownBy(() -> IosAclParser.expand("permit object-group V6NET any any", g)).hasMessageContaining("'V6NET'");
        assertThatThrownBy(() -> IosAclParser.expand("permit tcp object-group SVC any", g)).hasMessageContaining("'SVC'");
        var r = IosAclParser.runningConfig("""
                object-group network EMPTY
                ip access-list extended E
                 10 permit ip object-group EMPTY any
                 20 permit ip any any
                """);
        List<AclEntry> e = r.acls().get("E").stream().map(IosAclParser.Line::entry).toList();
        assertThat(e).hasSize(2);
        assertThat(e.get(0).unrecognisedText()).contains("is empty");
        assertThat(e.get(1).unrecognised()).isFalse();
    }
}

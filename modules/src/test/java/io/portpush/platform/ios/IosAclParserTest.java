package io.portpush.platform.ios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.PortRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Samples written after the IOS-XE command reference output of show ip access-lists and show running-config. */
class IosAclParserTest {
    private static final String SHOW = """
            Extended IP access list 101
                10 permit tcp host 192.0.2.10 any eq www (1024 matches)
                20 deny ip any any log
            Extended IP access list IMP-EDGE-IN
                10 permit tcp 198.51.100.0 0.0.0.255 10.10.1.0 0.0.0.255 eq 5222 (17 matches)
                20 permit udp 192.0.2.0 0.0.0.15 host 10.10.1.5 range 5060 5061
                30 permit tcp 10.10.1.0 0.0.0.255 eq 5222 198.51.100.0 0.0.0.255 established
                40 permit udp any any eq domain ntp snmp
                50 permit tcp any any gt 1023
                60 permit tcp any any lt 1024
                70 deny tcp any any neq 22
                80 permit icmp any any echo-reply
                90 permit 6 any host 10.1.1.1 eq 22 log-input
            IPv6 access list V6-EDGE
                permit tcp 2001:DB8::/32 any eq www sequence 10
                deny ipv6 any any sequence 20
            """;

    @Test
    void showIpAccessListsWithCountersNamedPortsAndOperators() {
        Map<String, List<IosAclParser.Line>> acls = IosAclParser.showAccessLists(SHOW);
        assertThat(acls).containsOnlyKeys("101", "IMP-EDGE-IN", "V6-EDGE");
        List<AclEntry> e = acls.get("IMP-EDGE-IN").stream().map(IosAclParser.Line::entry).toList();
        assertThat(e.get(0).source().toString()).isEqualTo("198.51.100.0/24");
        assertThat(e.get(0).destinationPorts().ranges()).containsExactly(PortRange.of(5222));
        assertThat(e.get(1).destination().toString()).isEqualTo("10.10.1.5/32");
        assertThat(e.get(1).destinationPorts().ranges()).containsExactly(new PortRange(5060, 5061));
        assertThat(e.get(2).established()).isTrue();
        assertThat(e.get(2).sourcePorts().ranges()).containsExactly(PortRange.of(5222));
        assertThat(e.get(3).destinationPorts().ranges()).containsExactly(PortRange.of(53), PortRange.of(123), PortRange.of(161));
        assertThat(e.get(4).destinationPorts().ranges()).containsExactly(new PortRange(1024, 65535));
        assertThat(e.get(5).destinationPorts().ranges()).containsExactly(new PortRange(0, 1023));
        assertThat(e.get(6).action()).isEqualTo(Action.DENY);
        assertThat(e.get(6).destinationPorts().ranges()).containsExactly(new PortRange(0, 21), new PortRange(23, 65535));
        assertThat(e.get(7).protocol()).isEqualTo("icmp");
        assertThat(e.get(8).protocol()).isEqualTo("tcp");
        assertThat(e.get(8).log()).isTrue();
        assertThat(acls.get("IMP-EDGE-IN").get(0).seq()).isEqualTo(10);
        assertThat(acls.get("101").get(0).entry().destinationPorts().ranges()).containsExactly(PortRange.of(80));
        List<IosAclParser.Line> v6 = acls.get("V6-EDGE");
        assertThat(v6.get(0).seq()).isEqualTo(10);
        assertThat(v6.get(0).entry().source().toString()).isEqualTo("2001:db8::/32");
        assertThat(v6.get(1).entry().protocol()).isEqualTo("ip");
    }

    @Test
    void linesWrappedByANarrowTerminalAreJoined() {
        String wrapped = """
                Extended IP access list W
                    10 permit tcp 198.51.100.0 0.0.0.255 10.10.1.0
                 0.0.0.255 eq 5222 (3 matches)
                """;
        AclEntry e = IosAclParser.showAccessLists(wrapped).get("W").get(0).entry();
        assertThat(e.destination().toString()).isEqualTo("10.10.1.0/24");
        assertThat(e.destinationPorts().ranges()).containsExactly(PortRange.of(5222));
    }

    @Test
    void runningConfigGivesRemarksAsOriginsAndBindings() {
        String run = """
                interface GigabitEthernet1
                 ip address 10.0.0.1 255.255.255.0
                 ip access-group IMP-EDGE-IN in
                 ip access-group OUT-LIST out
                !
                ip access-list extended IMP-EDGE-IN
                 10 remark portpush xcp.client-access
                 20 permit tcp 198.51.100.0 0.0.0.255 10.10.1.0 0.0.0.255 eq 5222
                 30 deny   ip any any log
                !
                access-list 110 permit tcp any host 10.9.9.9 eq 443
                """;
        IosAclParser.Running r = IosAclParser.runningConfig(run);
        List<IosAclParser.Line> lines = r.acls().get("IMP-EDGE-IN");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).remark()).isTrue();
        assertThat(lines.get(1).entry().origin()).isEqualTo("xcp.client-access");
        assertThat(lines.get(2).entry().action()).isEqualTo(Action.DENY);
        assertThat(r.bindings().get("IMP-EDGE-IN")).hasSize(1);
        assertThat(r.bindings().get("OUT-LIST").get(0).direction().word()).isEqualTo("out");
        assertThat(r.acls().get("110").get(0).entry().destinationPorts().ranges()).containsExactly(PortRange.of(443));
    }

    @Test
    void objectGroupsAndNonContiguousWildcardsAreNamedNotGuessed() {
        assertThatThrownBy(() -> IosAclParser.ace("permit tcp object-group CLIENTS any eq 5222", ""))
                .isInstanceOf(IosAclParser.UnsupportedEntry.class).hasMessageContaining("object-group");
        assertThat(IosAclParser.ace("permit ip 10.0.0.0 0.255.0.255 any", "").source().toString()).isEqualTo("10.*.0.*");
        assertThatThrownBy(() -> IosAclParser.ace("permit SERVICE_GROUP any any", "")).hasMessageContaining("unknown protocol");
        assertThatThrownBy(() -> IosAclParser.ace("permit tcp any any eq 22 sometimes", "")).hasMessageContaining("'sometimes'");
    }
}

package io.portpush.platform.ios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IOS object-group ACLs in the forms of the Cisco IOS Security Configuration Guide, "Object Groups
 * for ACLs": a service group in place of the protocol, network groups in place of addresses,
 * members written as {@code host A} or {@code A MASK}, service members {@code tcp eq N} and
 * {@code tcp-udp eq N}; expanded into the entries IOS evaluates.
 */
class IosObjectGroupTest {
    private static final String GROUPS = """
            object-group network my-network-object-group
             host 10.20.20.1
             10.30.0.0 255.255.255.0
            object-group network servers
             host 10.10.1.10
            object-group service my-service-object-group
             tcp eq 5222
             tcp-udp eq 5060
            !
            interface GigabitEthernet1
             description not a group member
            """;

    @Test
    void groupsAreReadWithTheirKind() {
        Map<String, List<String>> g = IosAclParser.objectGroups(GROUPS);
        assertThat(g).containsOnlyKeys("my-network-object-group", "servers", "my-service-object-group");
        assertThat(g.get("my-network-object-group")).containsExactly("network host 10.20.20.1", "network 10.30.0.0 255.255.255.0");
        assertThat(g.get("my-service-object-group")).containsExactly("service tcp eq 5222", "service tcp-udp eq 5060");
    }

    @Test
    void anEntryNamingGroupsBecomesOneEntryPerMemberCombination() {
        Map<String, List<String>> g = IosAclParser.objectGroups(GROUPS);
        List<String> out = IosAclParser.expand("permit object-group my-service-object-group object-group my-network-object-group "
                + "object-group servers log", g);
        assertThat(out).containsExactly(
                "permit tcp host 10.20.20.1 host 10.10.1.10 eq 5222 log",
                "permit tcp 10.30.0.0 0.0.0.255 host 10.10.1.10 eq 5222 log",
                "permit tcp host 10.20.20.1 host 10.10.1.10 eq 5060 log",
                "permit tcp 10.30.0.0 0.0.0.255 host 10.10.1.10 eq 5060 log",
                "permit udp host 10.20.20.1 host 10.10.1.10 eq 5060 log",
                "permit udp 10.30.0.0 0.0.0.255 host 10.10.1.10 eq 5060 log");
        assertThat(IosAclParser.expand("permit tcp object-group servers any eq 22", g))
                .containsExactly("permit tcp host 10.10.1.10 any eq 22");
        assertThat(IosAclParser.expand("permit tcp 10.0.0.0 0.0.0.255 object-group servers eq 443", g))
                .containsExactly("permit tcp 10.0.0.0 0.0.0.255 host 10.10.1.10 eq 443");
        assertThat(IosAclParser.expand("permit tcp host 192.0.2.1 object-group servers", g))
                .containsExactly("permit tcp host 192.0.2.1 host 10.10.1.10");
        assertThat(IosAclParser.expand("permit ip any any", g)).containsExactly("permit ip any any");
    }

    @Test
    void sourcePortsAfterAGroupAndUnknownOrCyclicGroupsAreReadAsIosDoes() {
        Map<String, List<String>> g = IosAclParser.objectGroups(GROUPS);
        assertThat(IosAclParser.expand("permit tcp object-group servers eq 5222 any", g))
                .containsExactly("permit tcp host 10.10.1.10 eq 5222 any");
        assertThatThrownBy(() -> IosAclParser.expand("permit tcp object-group nowhere any", g))
                .isInstanceOf(IosAclParser.UnsupportedEntry.class).hasMessageContaining("'nowhere'");
        Map<String, List<String>> cyclic = IosAclParser.objectGroups("""
                object-group network A
                 group-object B
                object-group network B
                 group-object A
                """);
        assertThatThrownBy(() -> IosAclParser.expand("permit ip object-group A any", cyclic))
                .isInstanceOf(IosAclParser.UnsupportedEntry.class);
    }

    @Test
    void wildcardsAndOperatorsOfPlainEntries() {
        assertThat(IosAclParser.ace("permit tcp 10.1.0.0 0.0.255.255 any eq 22", "").source().toString()).isEqualTo("10.1.0.0/16");
        assertThat(IosAclParser.ace("permit tcp any 10.1.1.0 0.0.0.255 range 1000 2000", "").destinationPorts().ranges())
                .containsExactly(new io.portpush.core.policy.PortRange(1000, 2000));
        assertThat(IosAclParser.ace("permit tcp any eq 5222 any", "").sourcePorts().ranges())
                .containsExactly(io.portpush.core.policy.PortRange.of(5222));
        assertThat(IosAclParser.ace("permit udp any any eq 17", "").destinationPorts().ranges())
                .containsExactly(io.portpush.core.policy.PortRange.of(17));
        // ignored bits that are not an octet's lowest: the octet is listed value by value (0, 1, 4, 5), still exact
        assertThat(IosAclParser.ace("permit ip 10.0.0.0 0.0.0.5 any", "").source().toString())
                .isEqualTo("10.0.0.0/32,10.0.0.1/32,10.0.0.4/32,10.0.0.5/32");
        assertThat(IosAclParser.ace("permit ip 10.70.10.0 0.0.10.255 any", "").source().toString())
                .isEqualTo("10.70.0.0/24,10.70.2.0/24,10.70.8.0/24,10.70.10.0/24");
        // one that would list more than 256 blocks is refused, named
        assertThatThrownBy(() -> IosAclParser.ace("permit ip 10.0.0.0 85.85.85.85 any", ""))
                .hasMessageContaining("wildcard 85.85.85.85").hasMessageContaining("65536");
    }
}

package io.portpush.platform.asa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.PortRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ASA extended entries in the forms of the Cisco ASA Series Command Reference (access-list
 * extended: operators lt, gt, eq, neq, range; host, any4, address and mask; protocol numbers).
 */
class AsaAceTest {
    @Test
    void portOperatorsAsTheAsaDefinesThem() {
        assertThat(AsaAclParser.ace("permit tcp any host 10.1.1.1 eq www", "").destinationPorts().ranges()).containsExactly(PortRange.of(80));
        assertThat(AsaAclParser.ace("permit tcp any any range 5060 5061", "").destinationPorts().ranges())
                .containsExactly(new PortRange(5060, 5061));
        assertThat(AsaAclParser.ace("permit tcp any any gt 1023", "").destinationPorts().ranges()).containsExactly(new PortRange(1024, 65535));
        assertThat(AsaAclParser.ace("permit tcp any any lt 1024", "").destinationPorts().ranges()).containsExactly(new PortRange(0, 1023));
        assertThat(AsaAclParser.ace("deny tcp any any neq 23", "").destinationPorts().ranges())
                .containsExactly(new PortRange(0, 22), new PortRange(24, 65535));
        // show access-list prints neq as ne
        assertThat(AsaAclParser.ace("deny tcp any any ne 23", "").destinationPorts()).isEqualTo(AsaAclParser.ace("deny tcp any any neq 23", "").destinationPorts());
        AclEntry src = AsaAclParser.ace("permit udp 192.0.2.0 255.255.255.0 eq 5060 any range sip 5070", "");
        assertThat(src.sourcePorts().ranges()).containsExactly(PortRange.of(5060));
        assertThat(src.destinationPorts().ranges()).containsExactly(new PortRange(5060, 5070));
        assertThat(AsaAclParser.ace("permit tcp any any", "").destinationPorts().any()).isTrue();
    }

    @Test
    void addressesProtocolsAndLogging() {
        AclEntry e = AsaAclParser.ace("deny 6 host 198.51.100.7 10.10.1.0 255.255.255.0 eq 5222 log", "o");
        assertThat(e.action()).isEqualTo(Action.DENY);
        assertThat(e.protocol()).isEqualTo("tcp");
        assertThat(e.source().toString()).isEqualTo("198.51.100.7/32");
        assertThat(e.destination().toString()).isEqualTo("10.10.1.0/24");
        assertThat(e.log()).isTrue();
        assertThat(e.origin()).isEqualTo("o");
        assertThat(AsaAclParser.ace("permit 17 any4 any eq 53", "").protocol()).isEqualTo("udp");
        assertThat(AsaAclParser.ace("permit 1 any any", "").protocol()).isEqualTo("icmp");
        assertThat(AsaAclParser.ace("permit ip any4 any", "").source().toString()).isEqualTo("any");
        assertThat(AsaAclParser.ace("permit ip any any", "").log()).isFalse();
        // a reference in the running configuration is kept by name: it equals only the same reference
        assertThat(AsaAclParser.ace("permit ip object-group INSIDE any", "").source().toString()).isEqualTo("[object-group INSIDE]");
        assertThatThrownBy(() -> AsaAclParser.ace("permit tcp any any object-group SVC", "")).hasMessageContaining("show access-list");
        assertThatThrownBy(() -> AsaAclParser.ace("permit ip any any lgo", "")).hasMessageContaining("'lgo'");
        assertThatThrownBy(() -> AsaAclParser.ace("permit tcp any any eq nosuchport", "")).hasMessageContaining("unknown port 'nosuchport'");
    }

    @Test
    void accessGroupsByInterfaceAndDirection() {
        Map<String, List<Binding>> g = AsaAclParser.groups("""
                access-group OUTSIDE-IN in interface outside
                access-group INSIDE-OUT out interface inside
                access-group OUTSIDE-IN out interface dmz
                """);
        assertThat(g.get("OUTSIDE-IN")).containsExactly(new Binding("outside", Binding.Direction.IN), new Binding("dmz", Binding.Direction.OUT));
        assertThat(g.get("INSIDE-OUT")).containsExactly(new Binding("inside", Binding.Direction.OUT));
    }
}

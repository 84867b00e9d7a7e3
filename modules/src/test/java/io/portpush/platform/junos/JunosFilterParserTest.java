package io.portpush.platform.junos;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.PortRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Samples after Junos "show configuration firewall | display set" output. */
class JunosFilterParserTest {
    @Test
    void termsBecomeEntriesInOrder() {
        String set = """
                set firewall family inet filter EDGE term t1-xcp-client-access from source-address 198.51.100.0/24
                set firewall family inet filter EDGE term t1-xcp-client-access from source-address 203.0.113.0/24
                set firewall family inet filter EDGE term t1-xcp-client-access from destination-address 10.10.1.0/24
                set firewall family inet filter EDGE term t1-xcp-client-access from protocol tcp
                set firewall family inet filter EDGE term t1-xcp-client-access from destination-port 5222
                set firewall family inet filter EDGE term t1-xcp-client-access then count xmpp
                set firewall family inet filter EDGE term t1-xcp-client-access then accept
                set firewall family inet filter EDGE term sip from protocol udp
                set firewall family inet filter EDGE term sip from destination-port sip
                set firewall family inet filter EDGE term sip from destination-port 6603-6610
                set firewall family inet filter EDGE term ret from protocol tcp
                set firewall family inet filter EDGE term ret from tcp-established
                set firewall family inet filter EDGE term ret then accept
                set firewall family inet filter EDGE term last then syslog
                set firewall family inet filter EDGE term last then discard
                set interfaces ge-0/0/0 unit 0 family inet filter input EDGE
                """;
        List<AclEntry> e = JunosFilterParser.filters(set).get("EDGE");
        assertThat(e).hasSize(4);
        assertThat(e.get(0).origin()).isEqualTo("xcp-client-access");
        assertThat(e.get(0).source().prefixes()).hasSize(2);
        assertThat(e.get(1).destinationPorts().ranges()).containsExactly(PortRange.of(5060), new PortRange(6603, 6610));
        assertThat(e.get(2).established()).isTrue();
        assertThat(e.get(3).action()).isEqualTo(Action.DENY);
        assertThat(e.get(3).log()).isTrue();
        assertThat(e.get(3).protocol()).isEqualTo("ip");
        assertThat(JunosFilterParser.bindings(set).get("EDGE").get(0).target()).isEqualTo("ge-0/0/0.0");
    }

    @Test
    void aTermIsReadWholeOrKeptUnrecognisedNeverReadWithoutAConditionItHolds() {
        List<AclEntry> e = JunosFilterParser.filters("""
                set firewall family inet filter F term ping from protocol icmp
                set firewall family inet filter F term ping from icmp-type echo-request
                set firewall family inet filter F term ping then accept
                set firewall family inet filter F term odd from protocol tcp
                set firewall family inet filter F term odd from packet-length 40
                set firewall family inet filter F term odd then accept
                set firewall family inet filter F term bad-port from protocol tcp
                set firewall family inet filter F term bad-port from destination-port no-such-port
                set firewall family inet filter F term bad-port then accept
                set firewall family inet filter F term rest then discard
                """).get("F");
        assertThat(e).hasSize(4);
        // echo-request is ICMP type 8: it never compares equal to every ICMP packet
        assertThat(e.get(0).qualifiers()).containsExactly("icmp 8");
        assertThat(e.get(0).matchPart()).isNotEqualTo(new AclEntry(Action.PERMIT, "icmp", e.get(0).source(), e.get(0).sourcePorts(),
                e.get(0).destination(), e.get(0).destinationPorts(), false, false, "").matchPart());
        assertThat(e.get(1).unrecognised()).as("packet-length is not modelled").isTrue();
        assertThat(e.get(1).unrecognisedText()).contains("packet-length 40");
        assertThat(e.get(2).unrecognised()).as("an unknown port ends no read").isTrue();
        assertThat(e.get(3).action()).isEqualTo(Action.DENY);
    }
}

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
}

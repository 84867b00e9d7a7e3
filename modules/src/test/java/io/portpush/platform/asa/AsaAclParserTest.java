package io.portpush.platform.asa;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.PortRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Samples after the ASA command reference output of show access-list and show running-config access-list. */
class AsaAclParserTest {
    @Test
    void showAccessListReadsExpandedObjectGroupLinesAndHitCounts() {
        String show = """
                access-list cached ACL log flows: total 0, denied 0 (deny-flow-max 4096)
                            alert-interval 300
                access-list EDGE; 4 elements; name hash: 0x5b1b2c3d
                access-list EDGE line 1 remark portpush sip-proxy
                access-list EDGE line 2 extended permit udp any host 10.10.1.5 eq domain (hitcnt=12) 0x1a2b3c4d
                access-list EDGE line 3 extended permit tcp 192.0.2.0 255.255.255.240 host 10.10.1.5 object-group IMP-SIP 0x9f8e7d6c
                  access-list EDGE line 3 extended permit tcp 192.0.2.0 255.255.255.240 host 10.10.1.5 eq sip (hitcnt=0) 0x11111111
                  access-list EDGE line 3 extended permit tcp 192.0.2.0 255.255.255.240 host 10.10.1.5 eq 5061 (hitcnt=0) 0x22222222
                access-list EDGE line 4 extended permit tcp any host 10.10.1.5 range 6603 6610 log informational interval 300 (hitcnt=0) 0x33333333
                """;
        List<AclEntry> e = AsaAclParser.show(show).get("EDGE");
        assertThat(e).hasSize(4);
        assertThat(e.get(0).destinationPorts().ranges()).containsExactly(PortRange.of(53));
        assertThat(e.get(1).source().toString()).isEqualTo("192.0.2.0/28");
        assertThat(e.get(1).destinationPorts().ranges()).containsExactly(PortRange.of(5060));
        assertThat(e.get(2).destinationPorts().ranges()).containsExactly(PortRange.of(5061));
        assertThat(e.get(3).destinationPorts().ranges()).containsExactly(new PortRange(6603, 6610));
        assertThat(e.get(3).log()).isTrue();
    }

    @Test
    void runningConfigAndAccessGroups() {
        String run = """
                access-list EDGE remark portpush xcp.client-access
                access-list EDGE extended permit tcp 198.51.100.0 255.255.255.0 10.10.1.0 255.255.255.0 eq 5222
                access-list EDGE extended deny ip any4 any4 log
                """;
        List<AclEntry> e = AsaAclParser.running(run).get("EDGE");
        assertThat(e.get(0).origin()).isEqualTo("xcp.client-access");
        assertThat(e.get(1).source().any()).isTrue();
        assertThat(AsaAclParser.groups("access-group EDGE in interface outside\n").get("EDGE").get(0).target()).isEqualTo("outside");
    }
}

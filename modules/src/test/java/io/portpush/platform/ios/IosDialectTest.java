package io.portpush.platform.ios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IosDialectTest {
    private static final String RUNNING = """
            hostname r1
            !
            ip access-list extended EDGE
             10 permit ip any any
             20 deny   ip host 192.0.2.1 any
            ip access-list extended OTHER
             10 permit tcp any any eq 22
            !
            interface GigabitEthernet1
             description uplink
            """;

    @Test
    void anAclEntryGivenWithoutItsSequenceNumberIsFoundInItsOwnList() {
        IosDialect d = new IosDialect();
        List<String> edge = List.of("ip access-list extended EDGE");
        assertThat(d.hasLine(RUNNING, edge, "permit ip any any")).isTrue();
        assertThat(d.hasLine(RUNNING, edge, "deny ip host 192.0.2.1 any")).isTrue();
        assertThat(d.hasLine(RUNNING, edge, "10 permit ip any any")).isTrue();
        assertThat(d.hasLine(RUNNING, edge, "30 permit ip any any")).isFalse();
        assertThat(d.hasLine(RUNNING, edge, "permit tcp any any eq 22")).as("that entry is in another list").isFalse();
        assertThat(d.hasLine(RUNNING, List.of("ip access-list extended NONE"), "permit ip any any")).isFalse();
        assertThat(d.hasLine(RUNNING, List.of("interface GigabitEthernet1"), "description uplink")).isTrue();
    }
}

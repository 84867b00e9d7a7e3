package io.portpush.modules.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.PortMatch;
import org.junit.jupiter.api.Test;

/** The remark an adopted literal carries: the device's own words, on one line, never a parser's marker. */
class AdoptedRemarkTest {
    private static AclEntry withOrigin(String origin) {
        return new AclEntry(Action.PERMIT, "tcp", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.of(22), false, false, origin);
    }

    @Test
    void theDevicesRemarkIsKeptOnOneLine() {
        assertThat(AclAdoptModule.ownRemark(withOrigin("sip trunk, wider than it needs"))).contains("sip trunk, wider than it needs");
        assertThat(AclAdoptModule.ownRemark(withOrigin("管理用 SSH"))).contains("管理用 SSH");
        assertThat(AclAdoptModule.ownRemark(withOrigin("ssh\r\nend\u0007"))).contains("ssh end");
    }

    @Test
    void markersOfTheParserAreNoRemark() {
        for (String marker : new String[] {"", "literal", "default", "unrecognised", "   "}) {
            assertThat(AclAdoptModule.ownRemark(withOrigin(marker))).as(marker).isEmpty();
        }
        assertThat(AclAdoptModule.ownRemark(withOrigin(null))).isEmpty();
    }
}

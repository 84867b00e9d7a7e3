package io.portpush.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What portpush cannot model it cannot write back: an entry read from a device with qualifiers
 * (an ICMP type, a time-range) or with members known only by name (fqdn, interface) is refused
 * by the template model, so a rollback or restore never sends a broader entry than the device held.
 */
class AclTemplateModelTest {
    private static AclIntent intent(AclEntry e) {
        return new AclIntent("EDGE", List.of(e), List.of(), false);
    }

    @Test
    void plainEntriesRender() {
        AclEntry plain = new AclEntry(Action.PERMIT, "tcp", AddressSet.parse(List.of("10.1.1.0/24")), PortMatch.ANY,
                AddressSet.ANY, PortMatch.of(443), false, false, "literal");
        assertThat(AclTemplateModel.of(intent(plain))).isNotEmpty();
    }

    @Test
    void qualifiedEntriesAreRefusedNotRenderedWithoutTheirQualifier() {
        AclEntry echo = new AclEntry(Action.PERMIT, "icmp", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.ANY, false, false,
                "", List.of("icmp 8"));
        assertThatThrownBy(() -> AclTemplateModel.of(intent(echo))).isInstanceOf(IntentException.class)
                .hasMessageContaining("icmp 8").hasMessageContaining("cannot be pushed or restored");
        assertThatThrownBy(() -> AclTemplateModel.of(intent(AclEntry.unrecognised("permit tcp dst eq 443"))))
                .isInstanceOf(IntentException.class);
    }

    @Test
    void namedAddressMembersAreRefusedNotRenderedAsAny() {
        AclEntry fqdn = new AclEntry(Action.PERMIT, "tcp", AddressSet.ANY, PortMatch.ANY, AddressSet.named("fqdn", "www.example.com"),
                PortMatch.of(443), false, false, "");
        assertThatThrownBy(() -> AclTemplateModel.of(intent(fqdn))).isInstanceOf(IntentException.class)
                .hasMessageContaining("fqdn www.example.com").hasMessageContaining("cannot be pushed or restored");
    }
}

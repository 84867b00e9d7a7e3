package io.portpush.modules.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.catalogue.CatalogueLoader;
import io.portpush.core.meaning.Packet;
import io.portpush.core.meaning.PacketTrace;
import io.portpush.core.placement.Placement;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AclIntentBuilder;
import io.portpush.core.policy.AclSpec;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One policy placed on a router with clients outside, the cluster inside and the SIP gateways on
 * a voice interface: every list holds only entries that can match where it is bound, and every
 * packet the policy means to pass is permitted by the list on the interface it arrives on.
 */
class PlacedAclsTest {
    static final Catalogue CATALOGUE = new CatalogueLoader().load(List.of());
    static final Map<String, AddressSet> ROLES = Map.of("imp-node", AddressSet.of("10.10.1.0/24"), "xmpp-client",
            AddressSet.of("198.51.100.0/24"), "sip-gateway", AddressSet.of("192.0.2.0/28"));
    static final Placement ZONES = Placement.fromVars(Map.of("zones", Map.of(
            "outside", Map.of("interface", "GigabitEthernet1", "addresses", List.of("0.0.0.0/0")),
            "inside", Map.of("interface", "GigabitEthernet2", "roles", List.of("imp-node")),
            "voice", Map.of("interface", "GigabitEthernet3", "roles", List.of("sip-gateway")))), ROLES).orElseThrow();

    static AclIntent edge(boolean stateful) {
        AclSpec spec = new AclSpec("EDGE", List.of(new AclSpec.Rule(Action.PERMIT, List.of("xcp.client-access", "sip-proxy.tls-server-auth"),
                null, false, null, null, false)), List.of(), Action.DENY, false, AclSpec.ReturnTraffic.AUTO, false, Map.of());
        return new AclIntentBuilder(CATALOGUE, ROLES).build(spec, stateful);
    }

    private static AclIntent list(PlacedAcls p, String name) {
        return p.acls().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in "
                + p.acls().stream().map(AclIntent::name).toList()));
    }

    @Test
    void eachListIsBoundInboundWhereItsSourcesSitAndHoldsNothingThatCannotMatchThere() {
        PlacedAcls placed = PlacedAcls.of(edge(false), ZONES, Map.of());
        assertThat(placed.acls()).extracting(AclIntent::name).containsExactlyInAnyOrder("EDGE-OUTSIDE", "EDGE-INSIDE", "EDGE-VOICE");
        for (AclIntent acl : placed.acls()) {
            assertThat(acl.bindings()).hasSize(1).allMatch(b -> b.direction() == Binding.Direction.IN);
            assertThat(ZONES.neverMatching(AclEntries.flatten(acl.entries()), acl.bindings().get(0))).as(acl.name()).isEmpty();
            assertThat(acl.entries().get(acl.entries().size() - 1).origin()).isEqualTo("default");
        }
        assertThat(list(placed, "EDGE-OUTSIDE").bindings().get(0).target()).isEqualTo("GigabitEthernet1");
        // the stateless return entries come out on the cluster's side
        assertThat(list(placed, "EDGE-INSIDE").entries()).anyMatch(e -> e.established() && e.origin().startsWith("return:"));
        assertThat(list(placed, "EDGE-OUTSIDE").entries()).noneMatch(e -> e.origin().startsWith("return:"));
    }

    @Test
    void thePacketsThePolicyMeansToPassArePermittedOnTheInterfaceTheyArriveOnAndOthersAreNot() {
        PlacedAcls placed = PlacedAcls.of(edge(false), ZONES, Map.of());
        assertThat(PacketTrace.decide(list(placed, "EDGE-OUTSIDE").entries(), Packet.parse("tcp 198.51.100.7:51000 -> 10.10.1.10:5222"))
                .permitted()).isTrue();
        assertThat(PacketTrace.decide(list(placed, "EDGE-VOICE").entries(), Packet.parse("tcp 192.0.2.5:40000 -> 10.10.1.10:5061"))
                .permitted()).isTrue();
        assertThat(PacketTrace.decide(list(placed, "EDGE-INSIDE").entries(),
                Packet.parse("tcp 10.10.1.10:5222 -> 198.51.100.7:51000 established")).permitted()).isTrue();
        // the SIP-TLS flow is the gateway's: from the outside it is denied
        assertThat(PacketTrace.decide(list(placed, "EDGE-OUTSIDE").entries(), Packet.parse("tcp 198.51.100.7:40000 -> 10.10.1.10:5061"))
                .permitted()).isFalse();
        // a new session from the cluster to a client is not a return packet
        assertThat(PacketTrace.decide(list(placed, "EDGE-INSIDE").entries(), Packet.parse("tcp 10.10.1.10:5222 -> 198.51.100.7:51000"))
                .permitted()).isFalse();
    }

    @Test
    void aFlowThatDoesNotCrossTheDeviceIsLeftOutAndSaid() {
        Placement flat = Placement.fromVars(Map.of("zones", Map.of(
                "outside", Map.of("interface", "Gi1", "addresses", List.of("0.0.0.0/0")),
                "inside", Map.of("interface", "Gi2", "roles", List.of("imp-node", "xmpp-client", "sip-gateway")))), ROLES).orElseThrow();
        PlacedAcls placed = PlacedAcls.of(edge(true), flat, Map.of("inside", "CORE-IN"));
        // nothing permitted crosses: each interface gets the default alone, and the plan says why
        assertThat(placed.acls()).extracting(AclIntent::name).containsExactlyInAnyOrder("EDGE-OUTSIDE", "CORE-IN");
        assertThat(placed.acls()).allMatch(a -> a.entries().size() == 1 && "default".equals(a.entries().get(0).origin()));
        assertThat(placed.notes()).filteredOn(n -> !n.contains("holds only the default")).isNotEmpty()
                .allMatch(n -> n.contains("do not cross this device"));
        assertThat(placed.notes()).anyMatch(n -> n.equals("Gi2 (inside): the policy permits nothing that enters here; its list holds only the default"));
    }

    @Test
    void aRoleSpreadOverTwoInterfacesIsSplitAndSaid() {
        Map<String, AddressSet> roles = Map.of("imp-node", AddressSet.of("10.10.1.0/24"), "xmpp-client", AddressSet.of("10.0.0.0/8"),
                "sip-gateway", AddressSet.of("192.0.2.0/28"));
        Placement zones = Placement.fromVars(Map.of("zones", Map.of(
                "outside", Map.of("interface", "Gi1", "addresses", List.of("0.0.0.0/0")),
                "inside", Map.of("interface", "Gi2", "roles", List.of("imp-node")))), roles).orElseThrow();
        AclSpec spec = new AclSpec("EDGE", List.of(new AclSpec.Rule(Action.PERMIT, List.of("xcp.client-access"), null, false, null, null, false)),
                List.of(), Action.DENY, false, AclSpec.ReturnTraffic.NONE, false, Map.of());
        AclIntent intent = new AclIntentBuilder(CATALOGUE, roles).build(spec, true);
        PlacedAcls placed = PlacedAcls.of(intent, zones, Map.of());
        assertThat(placed.notes()).anyMatch(n -> n.contains("sits behind 2 interfaces; split"));
        // clients in 10/8 outside the cluster's /24 come in on Gi1; the cluster's own /24 talks to itself
        assertThat(list(placed, "EDGE-OUTSIDE").entries().get(0).source().toString()).doesNotContain("10.10.1.0/24");
        assertThat(PacketTrace.decide(list(placed, "EDGE-OUTSIDE").entries(), Packet.parse("tcp 10.20.0.1:51000 -> 10.10.1.10:5222")).permitted())
                .isTrue();
        // a stateful platform needs no return entries: the inside's list is the deny default alone
        assertThat(list(placed, "EDGE-INSIDE").entries()).singleElement().matches(e -> "default".equals(e.origin())
                && e.action() == Action.DENY);
    }
}

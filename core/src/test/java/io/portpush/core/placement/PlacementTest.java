package io.portpush.core.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.PortMatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementTest {
    static final Map<String, AddressSet> ROLES = Map.of("imp-node", AddressSet.of("10.10.1.0/24"), "xmpp-client", AddressSet.of("198.51.100.0/24"),
            "sip-gateway", AddressSet.of("192.0.2.0/28"));

    static Placement edge() {
        return Placement.fromVars(Map.of("zones", Map.of(
                "outside", Map.of("interface", "GigabitEthernet1", "addresses", List.of("0.0.0.0/0")),
                "inside", Map.of("interface", "GigabitEthernet2", "roles", List.of("imp-node")),
                "voice", Map.of("interface", "GigabitEthernet3", "addresses", List.of("192.0.2.0/28")))), ROLES).orElseThrow();
    }

    @Test
    void longestPrefixDecides() {
        Placement p = edge();
        assertThat(p.locate("10.10.1.7").orElseThrow().name()).isEqualTo("inside");
        assertThat(p.locate("192.0.2.5").orElseThrow().name()).isEqualTo("voice");
        assertThat(p.locate("198.51.100.7").orElseThrow().name()).isEqualTo("outside");
    }

    @Test
    void aSetSpreadOverTwoInterfacesIsSplit() {
        Map<Placement.Zone, List<inet.ipaddr.IPAddress>> parts = edge().split(AddressSet.of("10.10.0.0/16"));
        assertThat(parts.keySet()).extracting(Placement.Zone::name).containsExactlyInAnyOrder("inside", "outside");
        assertThat(parts.entrySet()).filteredOn(e -> e.getKey().name().equals("inside")).singleElement()
                .satisfies(e -> assertThat(e.getValue()).extracting(Object::toString).containsExactly("10.10.1.0/24"));
        // the outside gets the /16 less the inside's /24
        assertThat(parts.entrySet()).filteredOn(e -> e.getKey().name().equals("outside")).singleElement()
                .satisfies(e -> assertThat(e.getValue()).noneMatch(a -> a.toPrefixBlock().contains(new inet.ipaddr.IPAddressString("10.10.1.9").getAddress())));
    }

    @Test
    void entriesThatCanNeverArriveInboundAreFound() {
        AclEntry clients = new AclEntry(Action.PERMIT, "tcp", AddressSet.of("198.51.100.0/24"), PortMatch.ANY, AddressSet.of("10.10.1.0/24"),
                PortMatch.of(5222), false, false, "xcp.client-access");
        AclEntry returning = new AclEntry(Action.PERMIT, "tcp", AddressSet.of("10.10.1.0/24"), PortMatch.of(5222), AddressSet.of("198.51.100.0/24"),
                PortMatch.ANY, true, false, "return:xcp.client-access");
        AclEntry any = new AclEntry(Action.DENY, "ip", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.ANY, false, false, "default");
        var found = edge().neverMatching(List.of(clients, returning, any), new Binding("GigabitEthernet1", Binding.Direction.IN));
        assertThat(found).singleElement().asString().startsWith("placement #2: permit tcp 10.10.1.0/24:5222")
                .contains("can never match inbound on GigabitEthernet1")
                .contains("GigabitEthernet2 (inside)");
        // outbound on the inside interface, the client entry is the one that fits and the return entry cannot
        assertThat(edge().neverMatching(List.of(clients, returning), new Binding("GigabitEthernet2", Binding.Direction.OUT)))
                .singleElement().asString().startsWith("placement #2:");
    }

    @Test
    void aMalformedZoneNamesItsField() {
        assertThatThrownBy(() -> Placement.fromVars(Map.of("zones", Map.of("inside", Map.of("addresses", List.of("10.0.0.0/8")))), ROLES))
                .hasMessageContaining("zones.inside").hasMessageContaining("interface is required");
        assertThatThrownBy(() -> Placement.fromVars(Map.of("zones", Map.of("inside", Map.of("interface", "Gi2", "roles", List.of("nobody")))), ROLES))
                .hasMessageContaining("zones.inside.roles").hasMessageContaining("nobody");
        assertThatThrownBy(() -> Placement.fromVars(Map.of("zones", Map.of("inside", Map.of("interface", "Gi2", "addresses", List.of("10.0.0.300")))),
                ROLES)).hasMessageContaining("zones.inside.addresses");
    }

    private static Route route(String prefix, String iface, String hop) {
        return new Route(new inet.ipaddr.IPAddressString(prefix).getAddress(), iface, hop);
    }

    @Test
    void aRoutingTablePlacesEachPrefixBehindTheInterfaceItsPacketsLeaveBy() {
        Placement p = Placement.fromRoutes(List.of(
                route("10.10.1.0/24", "GigabitEthernet2", ""),
                route("10.10.1.1/32", "GigabitEthernet2", ""),
                route("10.255.7.1/32", "Loopback0", ""),         // the device's own address: not a side
                route("203.0.113.0/30", "GigabitEthernet1", ""),
                route("0.0.0.0/0", "", "203.0.113.1"),          // by next hop only: resolved through the connected /30
                route("10.20.0.0/16", "", "10.30.0.1"),         // recursive: 10.30.0.1 is reached through 10.30.0.0/24
                route("10.30.0.0/24", "", "10.10.1.254"),
                route("10.99.0.0/16", "Null0", ""),              // a discard route places nothing
                route("172.16.0.0/12", "", "192.0.2.99")));     // a next hop no route reaches places nothing
        assertThat(p.zones()).extracting(Placement.Zone::name).containsExactly("GigabitEthernet2", "GigabitEthernet1");
        assertThat(p.locate("10.10.1.7").orElseThrow().iface()).isEqualTo("GigabitEthernet2");
        assertThat(p.locate("198.51.100.7").orElseThrow().iface()).isEqualTo("GigabitEthernet1");
        assertThat(p.locate("10.20.5.5").orElseThrow().iface()).isEqualTo("GigabitEthernet2");
        // no zone holds the discard or the unreachable route, so longest match falls back to the default
        assertThat(p.locate("10.99.0.1").orElseThrow().iface()).isEqualTo("GigabitEthernet1");
        assertThat(p.locate("172.16.0.1").orElseThrow().iface()).isEqualTo("GigabitEthernet1");
    }
}

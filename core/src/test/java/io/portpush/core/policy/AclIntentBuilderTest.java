package io.portpush.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.catalogue.CatalogueLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AclIntentBuilderTest {
    private final Catalogue catalogue = new CatalogueLoader().load(List.of());
    private final Map<String, AddressSet> roles = Map.of(
            "imp-node", AddressSet.parse(List.of("10.10.1.0/24")),
            "sip-gateway", AddressSet.parse(List.of("192.0.2.0/28")),
            "xmpp-client", AddressSet.parse(List.of("198.51.100.0/24", "203.0.113.0/24")),
            "exchange-server", AddressSet.parse(List.of("10.20.0.25")));

    private AclSpec spec(AclSpec.Rule... rules) {
        return new AclSpec("T", List.of(rules), List.of(), Action.DENY, false, AclSpec.ReturnTraffic.AUTO, false, Map.of());
    }

    private static AclSpec.Rule permit(String... refs) {
        return new AclSpec.Rule(Action.PERMIT, List.of(refs), null, false, null, null);
    }

    @Test
    void flowsBecomeEntriesWithReturnTrafficOnStatelessPlatforms() {
        AclIntent stateless = new AclIntentBuilder(catalogue, roles).build(spec(permit("xcp.client-access")), false);
        assertThat(stateless.entries()).extracting(AclEntry::describe).containsExactly(
                "permit tcp 198.51.100.0/24,203.0.113.0/24 -> 10.10.1.0/24:5222",
                "permit tcp 10.10.1.0/24:5222 -> 198.51.100.0/24,203.0.113.0/24 established",
                "deny ip any -> any");
        AclIntent stateful = new AclIntentBuilder(catalogue, roles).build(spec(permit("xcp.client-access")), true);
        assertThat(stateful.entries()).hasSize(2);
        assertThat(AclEntries.flatten(stateless.entries())).hasSize(5);
    }

    @Test
    void flowsBothSidesInitiateAndTcpUdpFlowsExpand() {
        AclIntent i = new AclIntentBuilder(catalogue, roles).build(spec(permit("sip-proxy.default-listener")), true);
        assertThat(i.entries()).extracting(AclEntry::describe).containsExactly(
                "permit tcp 192.0.2.0/28 -> 10.10.1.0/24:5060", "permit udp 192.0.2.0/28 -> 10.10.1.0/24:5060",
                "permit tcp 10.10.1.0/24 -> 192.0.2.0/28:5060", "permit udp 10.10.1.0/24 -> 192.0.2.0/28:5060", "deny ip any -> any");
    }

    @Test
    void theDirectoryNeverGetsToOpenLdapSessionsTowardsImAndPresence() {
        Map<String, AddressSet> withDirectory = new java.util.HashMap<>(roles);
        withDirectory.put("ldap-directory", AddressSet.parse(List.of("10.20.0.5/32")));
        AclIntent i = new AclIntentBuilder(catalogue, withDirectory).build(spec(permit("external-directory.ldap")), true);
        assertThat(i.entries()).extracting(AclEntry::describe).containsExactly(
                "permit tcp 10.10.1.0/24 -> 10.20.0.5/32:389,3268", "deny ip any -> any");
        assertThat(catalogue.flow("external-directory.ldap").orElseThrow().initiators())
                .isEqualTo(io.portpush.core.catalogue.Flow.Initiators.FROM);
    }

    @Test
    void aDefaultListenerCanBeMovedPerDeployment() {
        AclIntent moved = new AclIntentBuilder(catalogue, roles).build(new AclSpec("T", List.of(permit("sip-proxy.default-listener")),
                List.of(), Action.DENY, false, AclSpec.ReturnTraffic.NONE, false, Map.of("sip-proxy.default-listener", List.of(5070))), true);
        assertThat(moved.entries()).extracting(AclEntry::describe).contains("permit tcp 192.0.2.0/28 -> 10.10.1.0/24:5070")
                .noneMatch(d -> d.contains(":5060"));
    }

    @Test
    void optionalFlowsOfAGroupAreOpenedOnlyWhenTheRuleAsks() {
        AddressSet a = AddressSet.parse(List.of("10.10.1.0/24"));
        AddressSet b = AddressSet.parse(List.of("10.10.2.0/24"));
        AclIntent plain = new AclIntentBuilder(catalogue, roles).build(spec(new AclSpec.Rule(Action.PERMIT, List.of("imdb-replication"),
                null, false, a, b)), true);
        assertThat(plain.entries()).extracting(AclEntry::origin).doesNotContain("imdb-replication.presence-datastore")
                .contains("imdb-replication.presence-dual-node");
        AclIntent all = new AclIntentBuilder(catalogue, roles).build(spec(new AclSpec.Rule(Action.PERMIT, List.of("imdb-replication"),
                null, false, a, b, true)), true);
        assertThat(all.entries()).extracting(AclEntry::origin).contains("imdb-replication.presence-datastore",
                "imdb-replication.login-datastore", "imdb-replication.sip-registration-datastore");
    }

    @Test
    void consecutivePortsOfACompositeMergeIntoRanges() {
        AclIntent i = new AclIntentBuilder(catalogue, roles).build(spec(new AclSpec.Rule(Action.PERMIT, List.of("imdb-notify"), null,
                false, AddressSet.parse(List.of("10.10.1.0/24")), AddressSet.parse(List.of("10.10.2.0/24")))), true);
        assertThat(i.entries()).hasSize(5); // four flows, one port each, plus the default
        assertThat(new PortMatch(List.of(PortRange.of(6607), PortRange.of(6608), PortRange.of(6609))).toString()).isEqualTo("6607-6609");
    }

    @Test
    void aReturnEntryEqualToAForwardEntryIsKeptOnce() {
        AddressSet a = AddressSet.parse(List.of("10.10.1.0/24"));
        AddressSet b = AddressSet.parse(List.of("10.10.2.0/24"));
        AclIntentBuilder builder = new AclIntentBuilder(catalogue, roles);
        AclIntent i = builder.build(new AclSpec("T", List.of(new AclSpec.Rule(Action.PERMIT, List.of("ipsec-manager"), null, false, a, b),
                new AclSpec.Rule(Action.PERMIT, List.of("ipsec-manager"), null, false, b, a)), List.of(), Action.DENY, false,
                AclSpec.ReturnTraffic.AUTO, false, Map.of()), false);
        assertThat(AclLint.check(i.entries())).isEmpty();
        assertThat(i.entries().stream().map(AclEntry::matchPart).distinct().count()).isEqualTo(i.entries().size());
    }

    @Test
    void refusalsSayWhatToChange() {
        AclIntentBuilder b = new AclIntentBuilder(catalogue, roles);
        assertThatThrownBy(() -> b.build(spec(permit("sip-proxy.internal")), true)).isInstanceOf(IntentException.class)
                .hasMessageContaining("localhost-only").hasMessageContaining("force: true").hasMessageNotContaining("ambiguous");
        // the seed contradicts itself on Livebus: the refusal quotes both statements and both ways out
        assertThatThrownBy(() -> b.build(spec(permit("presence-engine.livebus")), true))
                .hasMessageContaining("ambiguous").hasMessageContaining("Localhost traffic only")
                .hasMessageContaining("cluster communication").hasMessageContaining("force: true").hasMessageContaining("--catalogue");
        assertThatThrownBy(() -> b.build(spec(permit("xcp.bosh")), true)).hasMessageContaining("role 'bosh-client'")
                .hasMessageContaining("roles:");
        assertThatThrownBy(() -> b.build(new AclSpec("T", List.of(new AclSpec.Rule(Action.PERMIT, List.of("snmp.internal-trap-receiver"),
                null, false, AddressSet.ANY, AddressSet.ANY)), List.of(), Action.DENY, false, AclSpec.ReturnTraffic.NONE, false, Map.of()), true))
                .hasMessageContaining("configurable destination port with no default").hasMessageContaining("ports: {snmp.internal-trap-receiver");
        AclIntent exchange = b.build(new AclSpec("T", List.of(permit("exchange-notify")), List.of(), Action.DENY, false,
                AclSpec.ReturnTraffic.NONE, false, Map.of("exchange-notify.calendar-notify", List.of(50021))), true);
        assertThat(exchange.entries().get(0).destinationPorts().toString()).isEqualTo("50021");
    }

    @Test
    void lintFindsShadowedDuplicateUnreachableAndBroadEntries() {
        AclEntry any = new AclEntry(Action.PERMIT, "ip", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.ANY, false, false, "x");
        AclEntry web = new AclEntry(Action.PERMIT, "tcp", AddressSet.parse(List.of("10.0.0.0/8")), PortMatch.ANY,
                AddressSet.ANY, PortMatch.of(443), false, false, "web");
        AclEntry webNarrow = new AclEntry(Action.DENY, "tcp", AddressSet.parse(List.of("10.1.0.0/16")), PortMatch.ANY,
                AddressSet.ANY, PortMatch.of(443), false, false, "web2");
        AclEntry allTcp = new AclEntry(Action.PERMIT, "tcp", AddressSet.parse(List.of("192.0.2.0/24")), PortMatch.ANY,
                AddressSet.parse(List.of("10.0.0.1")), PortMatch.ANY, false, false, "lit");
        AclEntry late = new AclEntry(Action.DENY, "udp", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.of(53), false, false, "dns");
        List<AclLint.Finding> f = AclLint.check(List.of(web, webNarrow, web, allTcp, any, late));
        assertThat(f).extracting(AclLint.Finding::kind).containsExactly("shadowed", "duplicate", "broad", "unreachable");
        assertThat(f.get(0).message()).contains("with the opposite action");
        assertThat(AclLint.check(new AclIntentBuilder(catalogue, roles).build(spec(permit("xcp.client-access", "sip-proxy.tls-server-auth")), false)
                .entries())).isEmpty();
    }
}

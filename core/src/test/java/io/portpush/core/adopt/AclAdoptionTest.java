package io.portpush.core.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.catalogue.CatalogueLoader;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntentBuilder;
import io.portpush.core.policy.AclSpec;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.PortMatch;
import io.portpush.core.policy.PortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AclAdoptionTest {
    private final Catalogue catalogue = new CatalogueLoader().load(List.of());
    private final Map<String, AddressSet> roles = Map.of(
            "imp-node", AddressSet.parse(List.of("10.10.1.0/24")),
            "sip-gateway", AddressSet.parse(List.of("192.0.2.0/28")),
            "xmpp-client", AddressSet.parse(List.of("198.51.100.0/24", "203.0.113.0/24")));

    private static AclEntry entry(Action action, String protocol, String source, String destination, PortMatch ports) {
        return new AclEntry(action, protocol, source.equals("any") ? AddressSet.ANY : AddressSet.of(source), PortMatch.ANY,
                destination.equals("any") ? AddressSet.ANY : AddressSet.of(destination), ports, false, false, "literal");
    }

    private static final AclEntry SSH_FROM_NOC = entry(Action.PERMIT, "tcp", "172.16.9.0/24", "10.10.1.0/24", PortMatch.of(22));
    private static final AclEntry CATCH_ALL = entry(Action.DENY, "ip", "any", "any", PortMatch.ANY);

    /** What a device holds when someone wrote it by hand from these rules: the builder's flattening is as good as a person's. */
    private List<AclEntry> device(boolean stateful, AclSpec.ReturnTraffic returns, AclSpec.Rule... rules) {
        return new AclIntentBuilder(catalogue, roles).build(new AclSpec("LEGACY", List.of(rules), List.of(), Action.DENY, false, returns,
                false, Map.of()), stateful).entries();
    }

    private static AclSpec.Rule permit(String ref) {
        return new AclSpec.Rule(Action.PERMIT, List.of(ref), null, false, null, null);
    }

    private static AclSpec.Rule literal(AclEntry e) {
        return new AclSpec.Rule(e.action(), List.of(), e, false, null, null);
    }

    private AclAdoption adoption(boolean stateful) {
        return new AclAdoption(catalogue, roles, stateful);
    }

    @Test
    void catalogueShapedEntriesBecomeFlowsAndForeignOnesStayLiteralInPlace() {
        List<AclEntry> device = device(true, AclSpec.ReturnTraffic.NONE, permit("xcp.client-access"), literal(SSH_FROM_NOC),
                permit("sip-proxy.default-listener"));
        AclAdoption.Result r = adoption(true).adopt(device, List.of());

        assertThat(r.blockers()).isEmpty();
        assertThat(r.rules()).extracting(AclAdoption.Rule::refs).containsExactly(List.of("xcp.client-access"), List.of(),
                List.of("sip-proxy.default-listener"));
        assertThat(r.rules().get(1).literal()).isEqualTo(SSH_FROM_NOC);
        assertThat(r.rules().get(1).entry()).isEqualTo(2); // the device's own numbering, for the remark
        assertThat(r.defaultAction()).isEqualTo(Action.DENY);
        assertThat(r.literal()).isEqualTo(1);
        assertThat(r.report().get(0)).contains("became catalogue flows in 2 rules", "1 stayed literal", "the default (deny)");

        AclAdoption.Proof proof = adoption(true).prove(device, r);
        assertThat(proof.sameEntries()).isTrue();
        assertThat(proof.equivalent()).isTrue();
    }

    @Test
    void aDenyBeforeAPermitKeepsItsPlaceSoTheMeaningStays() {
        AclEntry denyOneClient = entry(Action.DENY, "tcp", "198.51.100.7/32", "10.10.1.0/24", PortMatch.of(5222));
        List<AclEntry> device = device(true, AclSpec.ReturnTraffic.NONE, literal(denyOneClient), permit("xcp.client-access"));
        AclAdoption.Result r = adoption(true).adopt(device, List.of());

        assertThat(r.rules()).hasSize(2);
        assertThat(r.rules().get(0).literal()).isEqualTo(denyOneClient);
        assertThat(r.rules().get(1).refs()).containsExactly("xcp.client-access");
        assertThat(adoption(true).prove(device, r).equivalent()).isTrue();

        // the same rules the other way round would open what the deny closed: the proof must say so
        AclAdoption.Result swapped = new AclAdoption.Result(List.of(r.rules().get(1), r.rules().get(0)), r.defaultAction(), r.defaultLog(),
                r.returnTraffic(), r.fromCatalogue(), r.literal(), r.blockers(), r.report());
        AclAdoption.Proof wrong = adoption(true).prove(device, swapped);
        assertThat(wrong.equivalent()).isFalse();
        assertThat(wrong.meaning()).anyMatch(m -> m.startsWith("opens") && m.contains(":5222")); // the permit now responsible
    }

    @Test
    void returnEntriesExactlyAsTheRuleWritesThemBecomeReturnTraffic() {
        List<AclEntry> device = device(false, AclSpec.ReturnTraffic.AUTO, permit("xcp.client-access"));
        AclAdoption.Result r = adoption(false).adopt(device, List.of());

        assertThat(r.returnTraffic()).isEqualTo(AclSpec.ReturnTraffic.AUTO);
        assertThat(r.rules()).extracting(AclAdoption.Rule::refs).containsExactly(List.of("xcp.client-access"));
        assertThat(r.report()).anyMatch(l -> l.contains("return_traffic: auto"));
        assertThat(adoption(false).prove(device, r).sameEntries()).isTrue();

        // without them on a stateless platform, nothing is added: no return_traffic
        List<AclEntry> bare = device(false, AclSpec.ReturnTraffic.NONE, permit("xcp.client-access"));
        AclAdoption.Result none = adoption(false).adopt(bare, List.of());
        assertThat(none.returnTraffic()).isEqualTo(AclSpec.ReturnTraffic.NONE);
        assertThat(adoption(false).prove(bare, none).sameEntries()).isTrue();
    }

    @Test
    void anEntryBroaderThanTheCatalogueStaysLiteralAndTheReportSaysHow() {
        AclEntry wide = entry(Action.PERMIT, "tcp", "192.0.2.0/28", "10.10.1.0/24", new PortMatch(List.of(new PortRange(5060, 5070))));
        List<AclEntry> device = List.of(wide, CATCH_ALL);
        AclAdoption.Result r = adoption(true).adopt(device, List.of());

        assertThat(r.rules()).singleElement().satisfies(rule -> assertThat(rule.literal()).isEqualTo(wide));
        assertThat(r.report()).anyMatch(l -> l.contains("permits sip-proxy.default-listener more broadly")
                && l.contains("ports 5060-5070 where the catalogue says 5060 (broader)"));
        assertThat(adoption(true).prove(device, r).equivalent()).isTrue();
    }

    @Test
    void rolesAreNeverInventedButARecurringSetIsProposed() {
        // the catalogue's XMPP client flow, but from clients no role is bound to: it must stay literal
        AclEntry a = entry(Action.PERMIT, "tcp", "100.64.0.0/16", "10.10.1.0/24", PortMatch.of(5222));
        AclEntry b = entry(Action.PERMIT, "tcp", "100.64.0.0/16", "10.10.1.0/24", PortMatch.of(5269));
        AclAdoption.Result r = adoption(true).adopt(List.of(a, b, CATCH_ALL), List.of());

        assertThat(r.fromCatalogue()).isZero();
        assertThat(r.rules()).allMatch(rule -> rule.literal() != null);
        assertThat(r.report()).anyMatch(l -> l.startsWith("proposal: 100.64.0.0/16 appears in 2 literal entries"));
    }

    @Test
    void whatNoRuleCanSayBlocksAdoptionAndTheImplicitDenyIsNamed() {
        AclEntry dscp = new AclEntry(Action.PERMIT, "udp", AddressSet.ANY, PortMatch.ANY, AddressSet.of("10.10.1.0/24"), PortMatch.ANY,
                false, false, "literal", List.of("dscp 46"));
        AclEntry garbage = AclEntry.unrecognised("permit tcp any any eq www reflect FOO");
        AclAdoption.Result r = adoption(false).adopt(List.of(dscp, SSH_FROM_NOC, garbage), List.of());

        assertThat(r.blockers()).hasSize(2);
        assertThat(r.blockers().get(0)).startsWith("entry 1:").contains("dscp 46 has no rule to say it");
        assertThat(r.blockers().get(1)).startsWith("entry 3:").contains("reflect FOO");
        assertThat(r.report()).anyMatch(l -> l.contains("ends without a catch-all entry"));
        assertThat(r.report().get(0)).contains("2 cannot be expressed");
    }

    @Test
    void shadowedAndUnusedEntriesAreReportedAndKept() {
        AclEntry broad = entry(Action.PERMIT, "tcp", "172.16.9.0/24", "any", PortMatch.ANY);
        List<AclEntry> device = new ArrayList<>(List.of(broad, SSH_FROM_NOC, CATCH_ALL));
        AclAdoption.Result r = adoption(true).adopt(device, List.of(120L, 0L, 7L));

        assertThat(r.rules()).hasSize(2); // both kept: removing a shadowed entry is a change to review
        assertThat(r.report()).anyMatch(l -> l.startsWith("entry 2 is shadowed"));
        assertThat(r.report()).anyMatch(l -> l.startsWith("unused: 1 of 3 entries") && l.endsWith("(entries 2)"));
        assertThat(adoption(true).prove(device, r).equivalent()).isTrue();
    }
}

package io.portpush.core.meaning;

import static io.portpush.core.meaning.MeaningDiffTest.CLIENTS;
import static io.portpush.core.meaning.MeaningDiffTest.CLUSTER;
import static io.portpush.core.meaning.MeaningDiffTest.deny;
import static io.portpush.core.meaning.MeaningDiffTest.permit;
import static io.portpush.core.meaning.MeaningDiffTest.permits;
import static io.portpush.core.meaning.MeaningDiffTest.qualified;
import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whether a list lets a whole flow through. Each example packet the answer gives is checked with
 * the first-match evaluation of {@link MeaningDiffTest}, written independently of the BDDs.
 */
class ReachabilityTest {
    static final List<AclEntry> XMPP = List.of(permit(CLIENTS, CLUSTER, 5222));

    private static Packet packet(String example) {
        return Packet.parse(example.replaceAll(" \\(.*$", "").replace(" established", ""));
    }

    @Test
    void aListThatPermitsTheFlowPermitsAllOfIt() {
        Reachability.Answer a = Reachability.of(List.of(permit(CLIENTS, "10.10.0.0/16", 5222, 5269)), XMPP);
        assertThat(a.verdict()).isEqualTo(Reachability.Verdict.PERMITS);
        assertThat(a.deniedExample()).isEmpty();
        assertThat(permits(List.of(permit(CLIENTS, "10.10.0.0/16", 5222, 5269)), packet(a.permittedExample().orElseThrow()))).isTrue();
    }

    @Test
    void anEarlierDenyOfOneHostMakesItPartialAndNamesTheEntry() {
        List<AclEntry> acl = List.of(deny("198.51.100.7/32", CLUSTER, 5222), permit(CLIENTS, CLUSTER, 5222));
        Reachability.Answer a = Reachability.of(acl, XMPP);
        assertThat(a.verdict()).isEqualTo(Reachability.Verdict.PARTIAL);
        assertThat(a.deniedExample().orElseThrow()).contains("198.51.100.7").contains("entry 1");
        assertThat(permits(acl, packet(a.deniedExample().get()))).isFalse();
        assertThat(permits(acl, packet(a.permittedExample().orElseThrow()))).isTrue();
    }

    @Test
    void aPermitOfAnotherPortDeniesTheFlowByTheImplicitDeny() {
        List<AclEntry> acl = List.of(permit(CLIENTS, CLUSTER, 5269));
        Reachability.Answer a = Reachability.of(acl, XMPP);
        assertThat(a.verdict()).isEqualTo(Reachability.Verdict.DENIES);
        assertThat(a.deniedExample().orElseThrow()).contains("implicit deny");
        assertThat(a.permittedExample()).isEmpty();
    }

    @Test
    void aNarrowerPrefixIsPartial() {
        List<AclEntry> acl = List.of(permit("198.51.100.0/25", CLUSTER, 5222));
        Reachability.Answer a = Reachability.of(acl, XMPP);
        assertThat(a.verdict()).isEqualTo(Reachability.Verdict.PARTIAL);
        assertThat(permits(acl, packet(a.deniedExample().orElseThrow()))).isFalse();
    }

    @Test
    void anEntryPortpushCannotReadMakesTheAnswerUndecidableAndIsNamed() {
        List<AclEntry> acl = List.of(qualified(Action.DENY, "dscp ef"), MeaningDiffTest.tcp(Action.PERMIT, CLIENTS, CLUSTER,
                io.portpush.core.policy.PortMatch.ANY));
        List<AclEntry> udpFlow = List.of(new AclEntry(Action.PERMIT, "udp", io.portpush.core.policy.AddressSet.of(CLIENTS),
                io.portpush.core.policy.PortMatch.ANY, io.portpush.core.policy.AddressSet.of(CLUSTER),
                io.portpush.core.policy.PortMatch.of(5060), false, false, "literal"));
        // udp 5060 is denied either way (dscp or implicit deny): decided
        assertThat(Reachability.of(acl, udpFlow).verdict()).isEqualTo(Reachability.Verdict.DENIES);
        List<AclEntry> acl2 = List.of(qualified(Action.DENY, "dscp ef"), new AclEntry(Action.PERMIT, "udp",
                io.portpush.core.policy.AddressSet.ANY, io.portpush.core.policy.PortMatch.ANY, io.portpush.core.policy.AddressSet.of(CLUSTER),
                io.portpush.core.policy.PortMatch.of(5060), false, false, "literal"));
        Reachability.Answer a = Reachability.of(acl2, udpFlow);
        assertThat(a.verdict()).isEqualTo(Reachability.Verdict.UNDECIDABLE);
        assertThat(a.undecidable()).singleElement().asString().contains("entry 1").contains("dscp ef");
    }

    @Test
    void aFlowPassesOnlyWhenEveryListOnItsPathPermitsItAndTheBlockingListIsNamed() {
        MeaningDiff.Named in = new MeaningDiff.Named("EDGE in on Gi1", List.of(permit(CLIENTS, CLUSTER, 5222)));
        MeaningDiff.Named out = new MeaningDiff.Named("CORE out on Gi2", List.of(deny(CLIENTS, "10.10.1.128/25", 5222),
                permit(CLIENTS, CLUSTER, 5222)));
        Reachability.Answer a = Reachability.through(List.of(in, out), XMPP);
        assertThat(a.verdict()).isEqualTo(Reachability.Verdict.PARTIAL);
        assertThat(a.deniedExample().orElseThrow()).contains("CORE out on Gi2 entry 1");
        Packet denied = packet(a.deniedExample().get());
        assertThat(permits(in.entries(), denied) && permits(out.entries(), denied)).isFalse();
        Packet passes = packet(a.permittedExample().orElseThrow());
        assertThat(permits(in.entries(), passes) && permits(out.entries(), passes)).isTrue();
        // no list on the path: nothing filters the flow
        assertThat(Reachability.through(List.of(), XMPP).verdict()).isEqualTo(Reachability.Verdict.PERMITS);
    }

    @Test
    void aLongListOutgrowsTheSmallFirstNodeTableAndStillAnswers() {
        List<AclEntry> acl = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            acl.add(deny("198.51." + (100 + i / 250) + "." + (i % 250) + "/32", CLUSTER, 5222 + (i % 7)));
        }
        acl.add(permit(CLIENTS, CLUSTER, 5222));
        Reachability.Answer a = Reachability.of(acl, XMPP);
        assertThat(a.verdict()).isEqualTo(Reachability.Verdict.PARTIAL);
        assertThat(permits(acl, packet(a.deniedExample().orElseThrow()))).isFalse();
        assertThat(permits(acl, packet(a.permittedExample().orElseThrow()))).isTrue();
        assertThat(PacketTrace.decide(acl, Packet.parse("tcp 198.51.100.0:40000 -> 10.10.1.10:5222")).entry()).isZero();
    }
}

package io.portpush.core.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.PortMatch;
import io.portpush.core.policy.PortRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The meaning of ACL changes. Every example packet the diff gives is checked against a first-match
 * evaluation written here field by field, independent of the BDDs: the old list must deny it and
 * the new one permit it (or the reverse).
 */
class MeaningDiffTest {
    static AclEntry tcp(Action a, String src, String dst, PortMatch dports) {
        return new AclEntry(a, "tcp", AddressSet.of(src), PortMatch.ANY, AddressSet.of(dst), dports, false, false, "literal");
    }

    static AclEntry permit(String src, String dst, int... ports) {
        return tcp(Action.PERMIT, src, dst, PortMatch.of(ports));
    }

    static AclEntry deny(String src, String dst, int... ports) {
        return tcp(Action.DENY, src, dst, ports.length == 0 ? PortMatch.ANY : PortMatch.of(ports));
    }

    static AclEntry qualified(Action a, String q) {
        return new AclEntry(a, "udp", AddressSet.ANY, PortMatch.ANY, AddressSet.of("10.10.1.0/24"), PortMatch.of(5060), false, false,
                "literal", List.of(q));
    }

    static final String CLIENTS = "198.51.100.0/24";
    static final String CLUSTER = "10.10.1.0/24";

    /** First match over the modelled fields (tcp/udp, prefixes, port ranges), implicit deny; as an engineer reads a list. */
    static boolean permits(List<AclEntry> acl, Packet p) {
        for (AclEntry e : acl) {
            boolean proto = e.protocol().equals("ip") || (e.protocol().equals("tcp") && p.protocol() == 6)
                    || (e.protocol().equals("udp") && p.protocol() == 17);
            if (proto && in(e.source(), p.source()) && in(e.destination(), p.destination()) && (!e.ports()
                    || in(e.sourcePorts(), p.sourcePort()) && in(e.destinationPorts(), p.destinationPort()))) {
                return e.action() == Action.PERMIT;
            }
        }
        return false;
    }

    private static boolean in(AddressSet s, long a) {
        if (s.prefixes().isEmpty()) {
            return true;
        }
        return s.prefixes().stream().anyMatch(p -> p.toPrefixBlock().contains(new inet.ipaddr.IPAddressString(Packet.dotted(a)).getAddress()));
    }

    private static boolean in(PortMatch m, int port) {
        return m.any() || m.ranges().stream().anyMatch(r -> r.from() <= port && port <= r.to());
    }

    private static void examplesAreReal(MeaningDiff d, List<AclEntry> before, List<AclEntry> after) {
        for (MeaningDiff.Change c : d.changes()) {
            Packet p = Packet.parse(c.example());
            boolean opens = c.way() == MeaningDiff.Way.OPENS;
            assertThat(permits(after, p)).as("new list on %s", p).isEqualTo(opens);
            assertThat(permits(before, p)).as("old list on %s", p).isEqualTo(!opens);
        }
    }

    @Test
    void addingAPortOpensExactlyThatPort() {
        List<AclEntry> before = List.of(permit(CLIENTS, CLUSTER, 5222));
        List<AclEntry> after = List.of(permit(CLIENTS, CLUSTER, 5222), permit(CLIENTS, CLUSTER, 5223));
        MeaningDiff d = MeaningDiff.of(before, after);
        assertThat(d.changes()).hasSize(1);
        MeaningDiff.Change c = d.changes().get(0);
        assertThat(c.way()).isEqualTo(MeaningDiff.Way.OPENS);
        assertThat(c.entry()).isEqualTo(2);
        assertThat(c.whole()).isTrue();
        assertThat(c.example()).startsWith("tcp 198.51.100.").endsWith(":5223");
        examplesAreReal(d, before, after);
    }

    @Test
    void removingARuleClosesIt() {
        List<AclEntry> before = List.of(permit(CLIENTS, CLUSTER, 5222), permit(CLIENTS, CLUSTER, 5269));
        List<AclEntry> after = List.of(permit(CLIENTS, CLUSTER, 5222));
        MeaningDiff d = MeaningDiff.of(before, after);
        assertThat(d.changes()).singleElement().satisfies(c -> {
            assertThat(c.way()).isEqualTo(MeaningDiff.Way.CLOSES);
            assertThat(c.side()).isEqualTo("old");
            assertThat(c.entry()).isEqualTo(2);
        });
        examplesAreReal(d, before, after);
    }

    @Test
    void reorderingDisjointEntriesChangesNothing() {
        List<AclEntry> a = List.of(permit(CLIENTS, CLUSTER, 5222), deny("203.0.113.0/24", CLUSTER), permit(CLIENTS, CLUSTER, 8443));
        List<AclEntry> b = List.of(permit(CLIENTS, CLUSTER, 8443), permit(CLIENTS, CLUSTER, 5222), deny("203.0.113.0/24", CLUSTER));
        MeaningDiff d = MeaningDiff.of(a, b);
        assertThat(d.noChange()).isTrue();
        assertThat(d.lines()).containsExactly("no change in meaning");
    }

    @Test
    void reorderingADenyAboveAnOverlappingPermitClosesWhatItNowShadows() {
        List<AclEntry> before = List.of(permit("198.51.100.7/32", CLUSTER, 5222), deny(CLIENTS, CLUSTER));
        List<AclEntry> after = List.of(deny(CLIENTS, CLUSTER), permit("198.51.100.7/32", CLUSTER, 5222));
        MeaningDiff d = MeaningDiff.of(before, after);
        assertThat(d.changes()).singleElement().satisfies(c -> {
            assertThat(c.way()).isEqualTo(MeaningDiff.Way.CLOSES);
            assertThat(c.example()).startsWith("tcp 198.51.100.7:").endsWith(":5222");
        });
        examplesAreReal(d, before, after);
    }

    @Test
    void aShadowedEntryAddsNoMeaning() {
        List<AclEntry> before = List.of(permit(CLIENTS, CLUSTER, 5222));
        List<AclEntry> after = List.of(permit(CLIENTS, CLUSTER, 5222), permit("198.51.100.9/32", "10.10.1.10/32", 5222));
        assertThat(MeaningDiff.of(before, after).noChange()).isTrue();
    }

    @Test
    void narrowingAnOverlappingRangeClosesOnlyThePartLeftOut() {
        AclEntry wide = tcp(Action.PERMIT, "any", "10.10.1.10/32", new PortMatch(List.of(new PortRange(5060, 5070))));
        AclEntry narrow = tcp(Action.PERMIT, "any", "10.10.1.10/32", new PortMatch(List.of(new PortRange(5060, 5061))));
        MeaningDiff d = MeaningDiff.of(List.of(wide), List.of(narrow));
        assertThat(d.changes()).singleElement().satisfies(c -> {
            assertThat(c.way()).isEqualTo(MeaningDiff.Way.CLOSES);
            assertThat(c.whole()).isFalse();
            int port = Packet.parse(c.example()).destinationPort();
            assertThat(port).isBetween(5062, 5070);
        });
        examplesAreReal(d, List.of(wide), List.of(narrow));
    }

    @Test
    void sameUnmodelledConditionOnBothSidesIsNoChangeButIsNamed() {
        List<AclEntry> acl = List.of(qualified(Action.PERMIT, "dscp 46"));
        MeaningDiff d = MeaningDiff.of(acl, List.copyOf(acl));
        assertThat(d.noChange()).isTrue();
        assertThat(d.undecidable()).hasSize(2).allMatch(u -> u.contains("dscp 46"));
        assertThat(d.lines().get(0)).startsWith("no change in meaning (");
    }

    @Test
    void aDifferentUnmodelledConditionMayOpenAndMayClose() {
        MeaningDiff d = MeaningDiff.of(List.of(qualified(Action.PERMIT, "dscp 46")), List.of(qualified(Action.PERMIT, "dscp 26")));
        assertThat(d.changes()).extracting(MeaningDiff.Change::way).containsExactlyInAnyOrder(MeaningDiff.Way.MAY_OPEN,
                MeaningDiff.Way.MAY_CLOSE);
        assertThat(d.changes()).allSatisfy(c -> assertThat(c.example()).contains("(when dscp"));
    }

    @Test
    void anUnrecognisedLineIsNeverTakenAsNothing() {
        List<AclEntry> before = List.of(permit(CLIENTS, CLUSTER, 5222));
        List<AclEntry> after = List.of(AclEntry.unrecognised("permit tcp any any eq 5222 option record-route"), permit(CLIENTS, CLUSTER, 5222));
        MeaningDiff d = MeaningDiff.of(before, after);
        // whether the line opens or closes depends on what it says: never certain, never nothing
        assertThat(d.changes()).extracting(MeaningDiff.Change::way).containsExactlyInAnyOrder(MeaningDiff.Way.MAY_OPEN,
                MeaningDiff.Way.MAY_CLOSE);
        assertThat(d.undecidable()).singleElement().asString().contains("record-route");
    }

    @Test
    void aCatalogueFlowIsNamedWhenTheChangeTouchesIt() {
        MeaningDiff.Named xmpp = new MeaningDiff.Named("xcp.client-access for xmpp-client -> imp-node",
                List.of(permit(CLIENTS, CLUSTER, 5222)));
        MeaningDiff.Named sip = new MeaningDiff.Named("sip.proxy for sip-gateway -> imp-node", List.of(permit("192.0.2.0/28", CLUSTER, 5060)));
        MeaningDiff d = MeaningDiff.of(List.of(), List.of(permit(CLIENTS, CLUSTER, 5222)), List.of(xmpp, sip));
        assertThat(d.flows()).containsExactly("opens xcp.client-access for xmpp-client -> imp-node (all of it)");
    }

    @Test
    void icmpTypesAreExact() {
        AclEntry echo = new AclEntry(Action.PERMIT, "icmp", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.ANY, false, false,
                "literal", List.of("icmp 8"));
        AclEntry echo2 = new AclEntry(Action.PERMIT, "icmp", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.ANY, false, false,
                "literal", List.of("icmp 8"));
        AclEntry reply = new AclEntry(Action.PERMIT, "icmp", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.ANY, false, false,
                "literal", List.of("icmp 0"));
        assertThat(MeaningDiff.of(List.of(echo), List.of(echo2)).noChange()).isTrue();
        MeaningDiff d = MeaningDiff.of(List.of(echo), List.of(reply));
        assertThat(d.undecidable()).isEmpty();
        assertThat(d.changes()).extracting(MeaningDiff.Change::way).containsExactlyInAnyOrder(MeaningDiff.Way.OPENS, MeaningDiff.Way.CLOSES);
        assertThat(d.changes()).anySatisfy(c -> assertThat(c.example()).contains("type 0"));
    }

    @Test
    void thousandsOfEntriesCompareWithoutRunningOutOfNodes() {
        List<AclEntry> a = new ArrayList<>();
        List<AclEntry> b = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String src = "10." + (i / 250) + "." + (i % 250) + ".0/24";
            a.add(permit(src, "172.16." + (i % 200) + ".0/24", 1000 + i));
            b.add(permit(src, "172.16." + (i % 200) + ".0/24", 1000 + (i == 1234 ? 9999 : i)));
        }
        MeaningDiff d = MeaningDiff.of(a, b);
        assertThat(d.changes()).extracting(MeaningDiff.Change::way).containsExactlyInAnyOrder(MeaningDiff.Way.OPENS, MeaningDiff.Way.CLOSES);
        assertThat(d.changes()).allMatch(c -> c.entry() == 1235);
        examplesAreReal(d, a, b);
    }
}

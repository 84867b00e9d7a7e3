package io.portpush.core.meaning;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import java.util.ArrayList;
import java.util.List;
import org.logicng.knowledgecompilation.bdds.jbuddy.BDDKernel;

/**
 * What one ACL does, in a {@link PacketSpace}: the packets it permits (first match wins, an implicit
 * deny after the last entry, as on every platform portpush drives), folded from the last entry up
 * so each entry costs one operation; and, on demand, an entry's effective region (the packets
 * that reach it and match it: what it decides).
 */
final class AclMeaning {
    final List<AclEntry> entries;
    final List<Integer> matches;
    final int permitted;

    private AclMeaning(List<AclEntry> entries, List<Integer> matches, int permitted) {
        this.entries = entries;
        this.matches = matches;
        this.permitted = permitted;
    }

    static AclMeaning of(PacketSpace space, List<AclEntry> entries) {
        List<Integer> matches = new ArrayList<>(entries.size());
        for (AclEntry e : entries) {
            matches.add(space.match(e));
        }
        int permitted = BDDKernel.BDD_FALSE;
        for (int i = entries.size() - 1; i >= 0; i--) {
            AclEntry e = entries.get(i);
            int m = matches.get(i);
            int next;
            if (e.unrecognised()) {
                // a line portpush could not read decides what it matches, one way or the other
                int mayPermit = space.and(m, space.unknownAction(e));
                int rest = space.andNot(permitted, m);
                next = space.or(mayPermit, rest);
                space.unref(mayPermit);
                space.unref(rest);
            } else if (e.action() == Action.PERMIT) {
                next = space.or(m, permitted);
            } else {
                next = space.andNot(permitted, m);
            }
            space.unref(permitted);
            permitted = next;
        }
        return new AclMeaning(List.copyOf(entries), List.copyOf(matches), permitted);
    }

    /** The packets of {@code within} that entry {@code i} decides (it matches them and no earlier entry does); referenced. */
    int effective(PacketSpace space, int i, int within) {
        int r = space.and(matches.get(i), within);
        for (int j = 0; j < i && !PacketSpace.isEmpty(r); j++) {
            if (!disjoint(entries.get(j), entries.get(i)) && space.meets(matches.get(j), r)) {
                int next = space.andNot(r, matches.get(j));
                space.unref(r);
                r = next;
            }
        }
        return r;
    }

    /**
     * Whether two entries can match no packet in common, told from their fields alone (protocols,
     * addresses or ports that do not overlap); false when in doubt, so the sets decide.
     */
    static boolean disjoint(AclEntry a, AclEntry b) {
        if (a.unrecognised() || b.unrecognised()) {
            return false;
        }
        boolean proto = !a.protocol().equals("ip") && !b.protocol().equals("ip") && !a.established() && !b.established()
                && !a.protocol().equals(b.protocol());
        return proto || disjoint(a.source(), b.source()) || disjoint(a.destination(), b.destination())
                || (a.ports() && b.ports() && (disjoint(a.destinationPorts(), b.destinationPorts())
                || disjoint(a.sourcePorts(), b.sourcePorts())));
    }

    private static boolean disjoint(io.portpush.core.policy.AddressSet x, io.portpush.core.policy.AddressSet y) {
        if (x.prefixes().isEmpty() || y.prefixes().isEmpty() || !x.names().isEmpty() || !y.names().isEmpty()) {
            return false;
        }
        for (inet.ipaddr.IPAddress p : x.prefixes()) {
            for (inet.ipaddr.IPAddress q : y.prefixes()) {
                if (p.isIPv4() != q.isIPv4() || !p.isSequential() || !q.isSequential() || overlap(p, q)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean overlap(inet.ipaddr.IPAddress p, inet.ipaddr.IPAddress q) {
        inet.ipaddr.IPAddress a = p.getNetworkPrefixLength() != null ? p.toPrefixBlock() : p;
        inet.ipaddr.IPAddress b = q.getNetworkPrefixLength() != null ? q.toPrefixBlock() : q;
        return a.getLower().getValue().compareTo(b.getUpper().getValue()) <= 0 && b.getLower().getValue().compareTo(a.getUpper().getValue()) <= 0;
    }

    private static boolean disjoint(io.portpush.core.policy.PortMatch x, io.portpush.core.policy.PortMatch y) {
        if (x.any() || y.any()) {
            return false;
        }
        for (io.portpush.core.policy.PortRange r : x.ranges()) {
            for (io.portpush.core.policy.PortRange t : y.ranges()) {
                if (r.from() <= t.to() && t.from() <= r.to()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The 0-based index of the entry that decides {@code p}, or -1 when none matches (implicit deny). */
    int decider(PacketSpace space, Packet p) {
        int one = space.packet(p);
        try {
            for (int i = 0; i < matches.size(); i++) {
                if (space.meets(matches.get(i), one)) {
                    return i;
                }
            }
            return -1;
        } finally {
            space.unref(one);
        }
    }
}

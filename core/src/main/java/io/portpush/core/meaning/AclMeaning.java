package io.portpush.core.meaning;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import java.util.ArrayList;
import java.util.List;
import org.logicng.knowledgecompilation.bdds.jbuddy.BDDKernel;

/**
 * What one ACL does, in a {@link PacketSpace}: the packets it permits (first match wins, an implicit
 * deny after the last entry, as on every platform portpush drives), and for each entry the
 * packets that reach it and match it (its effective region: what it decides).
 */
final class AclMeaning {
    final List<AclEntry> entries;
    final int permitted;
    final List<Integer> effective;

    private AclMeaning(List<AclEntry> entries, int permitted, List<Integer> effective) {
        this.entries = entries;
        this.permitted = permitted;
        this.effective = effective;
    }

    static AclMeaning of(PacketSpace space, List<AclEntry> entries) {
        List<Integer> effective = new ArrayList<>(entries.size());
        int seen = BDDKernel.BDD_FALSE;
        int permitted = BDDKernel.BDD_FALSE;
        for (AclEntry e : entries) {
            int m = space.match(e);
            int eff = space.andNot(m, seen);
            effective.add(eff);
            if (e.unrecognised()) {
                // a line portpush could not read decides what it matches, one way or the other
                int mayPermit = space.and(eff, space.unknownAction(e));
                int p = space.or(permitted, mayPermit);
                space.unref(mayPermit);
                space.unref(permitted);
                permitted = p;
            } else if (e.action() == Action.PERMIT) {
                int p = space.or(permitted, eff);
                space.unref(permitted);
                permitted = p;
            }
            int s = space.or(seen, m);
            space.unref(seen);
            space.unref(m);
            seen = s;
        }
        space.unref(seen);
        return new AclMeaning(List.copyOf(entries), permitted, List.copyOf(effective));
    }

    /** The 0-based index of the entry that decides {@code p}, or -1 when none matches (implicit deny). */
    int decider(PacketSpace space, Packet p) {
        int one = space.packet(p);
        try {
            for (int i = 0; i < effective.size(); i++) {
                if (space.meets(effective.get(i), one)) {
                    return i;
                }
            }
            return -1;
        } finally {
            space.unref(one);
        }
    }
}

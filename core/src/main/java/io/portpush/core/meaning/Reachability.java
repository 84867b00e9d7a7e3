package io.portpush.core.meaning;

import io.portpush.core.policy.AclEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether one ACL lets a flow through: all of it, none of it or part of it, decided exactly over
 * the flow's whole packet space (every source and destination address of its roles, every port,
 * each protocol) in the same {@link PacketSpace} as the meaning diff, never by sampling. The flow
 * is given as the permit entries that would open it; the answer carries a packet of each part
 * and the entry that decides it, so a person can check it with {@code portpush explain}.
 */
public final class Reachability {
    private Reachability() {
    }

    /** How much of the flow the list lets through. */
    public enum Verdict {
        PERMITS("permits"), DENIES("denies"), PARTIAL("permits part of"),
        /** The answer depends on an entry portpush cannot read exactly (an unrecognised line, a dscp match). */
        UNDECIDABLE("may permit");

        private final String word;

        Verdict(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * @param permittedExample a packet of the flow that passes, when one does
     * @param deniedExample a packet of the flow that does not, with the entry deciding it
     * @param undecidable entries of the list the answer depends on and portpush cannot decide
     */
    public record Answer(Verdict verdict, Optional<String> permittedExample, Optional<String> deniedExample, List<String> undecidable) {
        public Answer {
            undecidable = List.copyOf(undecidable);
        }
    }

    /**
     * @param acl the list, in order (first match wins, implicit deny after the last entry)
     * @param flow permit entries whose union is the flow's packet space
     */
    public static Answer of(List<AclEntry> acl, List<AclEntry> flow) {
        return through(List.of(new MeaningDiff.Named("the list", acl)), flow);
    }

    /**
     * A flow through every list on its path (ingress, egress): a packet passes when each list
     * permits it. No list on the path permits all of it.
     */
    public static Answer through(List<MeaningDiff.Named> path, List<AclEntry> flow) {
        if (flow.isEmpty()) {
            throw new IllegalArgumentException("a flow needs at least one entry");
        }
        List<List<AclEntry>> everyList = new ArrayList<>();
        path.forEach(n -> everyList.add(n.entries()));
        everyList.add(flow);
        @SuppressWarnings("unchecked")
        PacketSpace space = PacketSpace.small(everyList.toArray(List[]::new));
        List<AclMeaning> lists = new ArrayList<>();
        int permitted = org.logicng.knowledgecompilation.bdds.jbuddy.BDDKernel.BDD_TRUE;
        for (MeaningDiff.Named n : path) {
            AclMeaning m = AclMeaning.of(space, n.entries());
            lists.add(m);
            int next = space.and(permitted, m.permitted);
            permitted = next;
        }
        int flowSpace = AclMeaning.of(space, flow).permitted;
        int sure = space.forAllUnknown(permitted);
        int notPermitted = space.not(permitted);
        int surelyNot = space.forAllUnknown(notPermitted);
        int passes = space.and(flowSpace, sure);
        int blocked = space.and(flowSpace, surelyNot);
        boolean all = space.within(flowSpace, sure);
        boolean none = space.within(flowSpace, surelyNot);
        Optional<String> ok = PacketSpace.isEmpty(passes) ? Optional.empty() : Optional.of(space.example(passes).toString());
        Optional<String> no = Optional.empty();
        if (!PacketSpace.isEmpty(blocked)) {
            Packet p = space.example(blocked);
            for (MeaningDiff.Named n : path) {
                PacketTrace.Decision d = PacketTrace.decide(n.entries(), p);
                if (d.entry() >= 0 && d.permitted()) {
                    continue;
                }
                List<AclEntry> acl = n.entries();
                no = Optional.of(p + " (" + n.label() + (d.entry() < 0 ? " implicit deny after entry " + acl.size()
                        : " entry " + (d.entry() + 1) + ": " + acl.get(d.entry()).describe()) + ")");
                break;
            }
        }
        List<String> undecidable = new ArrayList<>();
        Verdict v;
        if (all) {
            v = Verdict.PERMITS;
        } else if (none) {
            v = Verdict.DENIES;
        } else {
            int open = space.andNot(space.andNot(flowSpace, passes), blocked);
            if (PacketSpace.isEmpty(open)) {
                v = Verdict.PARTIAL;
            } else {
                v = Verdict.UNDECIDABLE;
                for (int l = 0; l < path.size(); l++) {
                    List<AclEntry> acl = path.get(l).entries();
                    for (int i = 0; i < acl.size(); i++) {
                        List<String> why = PacketSpace.unknownsOf(acl.get(i));
                        if (!why.isEmpty() && space.meets(lists.get(l).matches.get(i), open)) {
                            undecidable.add(path.get(l).label() + " entry " + (i + 1) + " " + acl.get(i).describe() + " depends on "
                                    + String.join(", ", why));
                        }
                    }
                }
            }
            space.unref(open);
        }
        return new Answer(v, ok, no, undecidable);
    }
}

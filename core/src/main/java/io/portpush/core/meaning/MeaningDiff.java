package io.portpush.core.meaning;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import java.util.ArrayList;
import org.logicng.knowledgecompilation.bdds.jbuddy.BDDKernel;
import java.util.List;

/**
 * The meaning of a change to an ACL: the packets the new list permits that the old one denied
 * (opened) and the reverse (closed), computed exactly over every header field the entry model
 * holds, with BDDs as Batfish does; not sampled. Each difference is attributed to the entries
 * that decide it (a new permit entry opens, an old permit entry's packets close) with one example
 * packet, and named after the catalogue flows it touches when a vocabulary is given. Conditions
 * portpush does not model (DSCP, time ranges, names, unrecognised lines) are unknown predicates:
 * a difference that exists only for some of their values is "may open"/"may close", and the
 * entries holding them are listed as undecidable, never silently taken as equal.
 *
 * @param changes what opens and closes, entry by entry, definite ones first
 * @param flows catalogue flows the change touches ({@code opens xcp.client-access (all of it)})
 * @param undecidable entries of either list whose meaning depends on something not modelled
 */
public record MeaningDiff(List<Change> changes, List<String> flows, List<String> undecidable) {
    public MeaningDiff {
        changes = List.copyOf(changes);
        flows = List.copyOf(flows);
        undecidable = List.copyOf(undecidable);
    }

    /** Which way a difference goes. */
    public enum Way {
        OPENS("opens"), CLOSES("closes"), MAY_OPEN("may open"), MAY_CLOSE("may close");

        private final String word;

        Way(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One entry's part in the difference.
     *
     * @param side "new" for an entry of the new list, "old" for one of the list it replaces
     * @param entry 1-based position in its list
     * @param whole whether everything the entry decides changed, or only part of it
     * @param example one packet that changed, as {@link Packet#parse} reads it
     */
    public record Change(Way way, String side, int entry, String text, boolean whole, String example) {
        @Override
        public String toString() {
            return way.word() + " " + text + " (" + side + " entry " + entry + ", " + (whole ? "all of it" : "part of it") + "); e.g. "
                    + example;
        }
    }

    /**
     * A named set of packets to describe differences with: a catalogue flow between two roles,
     * as the entries that permit it ({@code xcp.client-access for xmpp-client -> imp-node}).
     */
    public record Named(String label, List<AclEntry> entries) {
        public Named {
            entries = List.copyOf(entries);
        }
    }

    public boolean noChange() {
        return changes.isEmpty();
    }

    /** Lines for a person: what opens and closes, the flows it touches, what could not be decided. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (changes.isEmpty()) {
            out.add(undecidable.isEmpty() ? "no change in meaning" : "no change in meaning (entries that depend on conditions portpush "
                    + "does not model are the same in both lists; they are listed below)");
        }
        changes.forEach(c -> out.add(c.toString()));
        out.addAll(flows);
        undecidable.forEach(u -> out.add("undecidable: " + u));
        return out;
    }

    /** Compares {@code before} (what the device holds) with {@code after} (what it would hold). */
    public static MeaningDiff of(List<AclEntry> before, List<AclEntry> after) {
        return of(before, after, List.of());
    }

    public static MeaningDiff of(List<AclEntry> before, List<AclEntry> after, List<Named> vocabulary) {
        List<List<AclEntry>> all = new ArrayList<>(List.of(before, after));
        vocabulary.forEach(n -> all.add(n.entries()));
        @SuppressWarnings("unchecked")
        PacketSpace space = PacketSpace.of(all.toArray(List[]::new));
        AclMeaning old = AclMeaning.of(space, before);
        AclMeaning now = AclMeaning.of(space, after);
        int opened = space.andNot(now.permitted, old.permitted);
        int closed = space.andNot(old.permitted, now.permitted);
        int surelyOpened = space.forAllUnknown(opened);
        int surelyClosed = space.forAllUnknown(closed);
        List<Change> sure = new ArrayList<>();
        List<Change> maybe = new ArrayList<>();
        attribute(space, now, "new", opened, surelyOpened, Way.OPENS, Way.MAY_OPEN, sure, maybe);
        attribute(space, old, "old", closed, surelyClosed, Way.CLOSES, Way.MAY_CLOSE, sure, maybe);
        List<Change> changes = new ArrayList<>(sure);
        changes.addAll(maybe);
        List<String> flows = new ArrayList<>();
        for (Named n : vocabulary) {
            AclMeaning flow = AclMeaning.of(space, n.entries());
            describe(space, flow.permitted, opened, "opens", n.label(), flows);
            describe(space, flow.permitted, closed, "closes", n.label(), flows);
        }
        List<String> undecidable = new ArrayList<>();
        undecidable(before, "old", undecidable);
        undecidable(after, "new", undecidable);
        return new MeaningDiff(changes, flows, undecidable);
    }

    private static void attribute(PacketSpace space, AclMeaning list, String side, int diff, int sure, Way definite, Way possible,
                                  List<Change> sureOut, List<Change> maybeOut) {
        if (PacketSpace.isEmpty(diff)) {
            return;
        }
        for (int i = 0; i < list.entries.size(); i++) {
            AclEntry e = list.entries.get(i);
            // cheap filter first: an entry whose match misses the difference cannot decide any of it
            if ((e.action() != Action.PERMIT && !e.unrecognised()) || !space.meets(list.matches.get(i), diff)) {
                continue;
            }
            int part = list.effective(space, i, diff);
            if (PacketSpace.isEmpty(part)) {
                continue;
            }
            int surePart = space.and(part, sure);
            boolean isSure = !PacketSpace.isEmpty(surePart);
            int all = list.effective(space, i, BDDKernel.BDD_TRUE);
            Change c = new Change(isSure ? definite : possible, side, i + 1, e.describe(), space.within(all, diff),
                    space.example(isSure ? surePart : part).toString());
            space.unref(all);
            space.unref(surePart);
            space.unref(part);
            (isSure ? sureOut : maybeOut).add(c);
        }
    }

    private static void describe(PacketSpace space, int flow, int diff, String verb, String label, List<String> out) {
        if (space.meets(flow, diff)) {
            out.add(verb + " " + label + " (" + (space.within(flow, diff) ? "all of it" : "part of it") + ")");
        }
    }

    private static void undecidable(List<AclEntry> entries, String side, List<String> out) {
        for (int i = 0; i < entries.size(); i++) {
            List<String> why = PacketSpace.unknownsOf(entries.get(i));
            if (!why.isEmpty()) {
                out.add(side + " entry " + (i + 1) + " " + entries.get(i).describe() + " depends on " + String.join(", ", why));
            }
        }
    }
}

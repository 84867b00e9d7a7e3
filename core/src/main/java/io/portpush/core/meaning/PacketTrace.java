package io.portpush.core.meaning;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import java.util.ArrayList;
import java.util.List;

/**
 * Which entry of a list decides one packet (first match, implicit deny after the last), decided
 * in the same {@link PacketSpace} as the meaning diff so both read entries alike. An entry whose
 * match depends on a condition portpush does not model ({@code dscp 46}, an unrecognised line) is
 * reported as one that may decide the packet before the entry that surely does.
 */
public final class PacketTrace {
    private PacketTrace() {
    }

    /**
     * @param entry 0-based index of the deciding entry, -1 for the implicit deny
     * @param permitted whether the packet passes (when the deciding entry is sure)
     * @param maybe entries before it that may decide it instead, with what they depend on
     */
    public record Decision(int entry, boolean permitted, List<String> maybe) {
        public Decision {
            maybe = List.copyOf(maybe);
        }
    }

    public static Decision decide(List<AclEntry> entries, Packet p) {
        PacketSpace space = PacketSpace.small(entries);
        AclMeaning acl = AclMeaning.of(space, entries);
        // the packet's header fields fixed, the unknown conditions left open
        Packet open = new Packet(p.protocol(), p.source(), p.sourcePort(), p.destination(), p.destinationPort(), p.established(), List.of());
        int fields = space.packetFields(open);
        List<String> maybe = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            int m = acl.matches.get(i);
            if (!space.meets(m, fields)) {
                continue;
            }
            if (space.within(fields, m)) {
                AclEntry e = entries.get(i);
                return new Decision(i, !e.unrecognised() && e.action() == Action.PERMIT, maybe);
            }
            maybe.add("entry " + (i + 1) + " (" + entries.get(i).describe() + ") depends on "
                    + String.join(", ", PacketSpace.unknownsOf(entries.get(i))));
        }
        return new Decision(-1, false, maybe);
    }
}

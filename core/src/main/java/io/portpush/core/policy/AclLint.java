package io.portpush.core.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Static checks of an ordered ACL (an intent, or what a parser read from a device): entries
 * shadowed by an earlier one (they never match), exact duplicates, entries after a catch-all,
 * and permits broader than any catalogue flow (any protocol, or TCP/UDP to any port).
 */
public final class AclLint {
    /** One finding; {@code index} is the 0-based position of the entry it is about. */
    public record Finding(String kind, int index, String message) {
        @Override
        public String toString() {
            return kind + " #" + (index + 1) + ": " + message;
        }
    }

    private AclLint() {
    }

    public static List<Finding> check(List<AclEntry> entries) {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            AclEntry e = entries.get(i);
            for (int j = 0; j < i; j++) {
                AclEntry earlier = entries.get(j);
                if (earlier.matchPart().equals(e.matchPart())) {
                    out.add(new Finding("duplicate", i, e.describe() + " repeats entry #" + (j + 1)));
                    break;
                }
                if (earlier.covers(e)) {
                    boolean catchAll = earlier.protocol().equals("ip") && earlier.source().any() && earlier.destination().any();
                    out.add(new Finding(catchAll ? "unreachable" : "shadowed", i, e.describe() + " can never match: entry #" + (j + 1)
                            + " (" + earlier.describe() + ") matches all its packets first"
                            + (earlier.action() != e.action() ? " with the opposite action" : "")));
                    break;
                }
            }
            boolean isDefault = "default".equals(e.origin()) || (e.source().any() && e.destination().any() && e.protocol().equals("ip"));
            if (e.action() == Action.PERMIT && !isDefault) {
                if (e.protocol().equals("ip")) {
                    out.add(new Finding("broad", i, e.describe() + " permits every protocol; catalogue flows name tcp, udp or icmp"));
                } else if (e.ports() && e.destinationPorts().any() && e.sourcePorts().any() && !e.established()) {
                    out.add(new Finding("broad", i, e.describe() + " permits every " + e.protocol() + " port; catalogue flows name ports"));
                }
            }
        }
        return out;
    }
}

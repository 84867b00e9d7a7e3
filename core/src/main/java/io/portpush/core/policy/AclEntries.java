package io.portpush.core.policy;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Operations on ordered entry lists shared by every platform. */
public final class AclEntries {
    private AclEntries() {
    }

    /**
     * Splits entries into atomic ones (one source prefix, one destination prefix, one source and
     * one destination port range), in a fixed order. Two ACLs that match the same packets in the
     * same order flatten to the same list, whatever grouping each platform used to write them.
     */
    public static List<AclEntry> flatten(List<AclEntry> entries) {
        List<AclEntry> out = new ArrayList<>();
        for (AclEntry e : entries) {
            for (AddressSet s : split(e.source())) {
                for (PortMatch sp : split(e.sourcePorts())) {
                    for (AddressSet d : split(e.destination())) {
                        for (PortMatch dp : split(e.destinationPorts())) {
                            out.add(new AclEntry(e.action(), e.protocol(), s, sp, d, dp, e.established(), e.log(), e.origin(),
                                    e.qualifiers()));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<AddressSet> split(AddressSet a) {
        if (a.any()) {
            return List.of(a);
        }
        List<AddressSet> out = new ArrayList<>();
        for (IPAddress p : a.prefixes()) {
            out.add(new AddressSet(List.of(p)));
        }
        for (String n : a.names()) {
            out.add(new AddressSet(List.of(), List.of(n)));
        }
        return out;
    }

    private static List<PortMatch> split(PortMatch p) {
        if (p.any()) {
            return List.of(p);
        }
        return p.ranges().stream().map(r -> new PortMatch(List.of(r))).toList();
    }

    /** The entries without their origins, for comparing intent with what a device holds. */
    public static List<AclEntry> matchParts(List<AclEntry> entries) {
        return flatten(entries).stream().map(AclEntry::matchPart).toList();
    }

    /** Whether the device holds exactly the intended entries (same packets, same order). */
    public static boolean sameEntries(List<AclEntry> device, List<AclEntry> intent) {
        return matchParts(device).equals(matchParts(intent));
    }

    /** A human list of differences between device and intent, entry by entry (drift report). */
    public static List<String> differences(List<AclEntry> device, List<AclEntry> intent) {
        return differences(device, intent, Map.of());
    }

    /**
     * As {@link #differences(List, List)}, each entry found on the device followed by its hit
     * counter where the device keeps one ({@code (1,234 hits)}): whether an entry nobody meant is
     * in use is the first thing an engineer asks before removing it. {@code hits} is keyed by
     * {@link #hitKeys}.
     */
    public static List<String> differences(List<AclEntry> device, List<AclEntry> intent, Map<AclEntry, Long> hits) {
        List<AclEntry> d = matchParts(device);
        List<AclEntry> i = matchParts(intent);
        List<String> out = new ArrayList<>();
        // read as a person reads a diff: one inserted entry is one finding, not every entry after it
        com.github.difflib.patch.Patch<AclEntry> patch = com.github.difflib.DiffUtils.diff(i, d);
        for (com.github.difflib.patch.AbstractDelta<AclEntry> delta : patch.getDeltas()) {
            List<AclEntry> wanted = delta.getSource().getLines();
            List<AclEntry> found = delta.getTarget().getLines();
            int at = delta.getTarget().getPosition();
            switch (delta.getType()) {
                case INSERT -> {
                    for (int k = 0; k < found.size(); k++) {
                        out.add("added on the device at #" + (at + k + 1) + ": " + found.get(k).describe() + hitsOf(hits, found.get(k)));
                    }
                }
                case DELETE -> {
                    for (int k = 0; k < wanted.size(); k++) {
                        out.add("missing on the device (intent #" + (delta.getSource().getPosition() + k + 1) + "): "
                                + wanted.get(k).describe());
                    }
                }
                default -> {
                    int n = Math.max(wanted.size(), found.size());
                    for (int k = 0; k < n; k++) {
                        if (k < wanted.size() && k < found.size()) {
                            out.add("changed at #" + (at + k + 1) + ": device has " + found.get(k).describe() + hitsOf(hits, found.get(k)) + ", intent wants "
                                    + wanted.get(k).describe());
                        } else if (k < found.size()) {
                            out.add("added on the device at #" + (at + k + 1) + ": " + found.get(k).describe() + hitsOf(hits, found.get(k)));
                        } else {
                            out.add("missing on the device (intent #" + (delta.getSource().getPosition() + k + 1) + "): "
                                    + wanted.get(k).describe());
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Hit counters as {@link #differences(List, List, Map)} looks them up: each entry read from
     * the device (with its counter) as the entries it flattens to, without origin. A counter counts
     * the line, so every part of a split line carries the line's count; where the same entry is on
     * the device twice, the first line's count is kept.
     */
    public static Map<AclEntry, Long> hitKeys(List<AclEntry> entries, List<Long> counts) {
        Map<AclEntry, Long> out = new java.util.HashMap<>();
        for (int k = 0; k < entries.size() && k < counts.size(); k++) {
            if (counts.get(k) == null || counts.get(k) < 0) {
                continue;
            }
            for (AclEntry part : matchParts(List.of(entries.get(k)))) {
                out.putIfAbsent(part, counts.get(k));
            }
        }
        return out;
    }

    private static String hitsOf(Map<AclEntry, Long> hits, AclEntry entry) {
        Long n = hits.get(entry);
        return n == null ? "" : String.format(java.util.Locale.ROOT, " (%,d %s)", n, n == 1 ? "hit" : "hits");
    }
}

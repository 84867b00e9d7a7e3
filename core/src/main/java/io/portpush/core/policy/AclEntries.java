package io.portpush.core.policy;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;

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
                            out.add(new AclEntry(e.action(), e.protocol(), s, sp, d, dp, e.established(), e.log(), e.origin()));
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
        List<AclEntry> d = matchParts(device);
        List<AclEntry> i = matchParts(intent);
        List<String> out = new ArrayList<>();
        int n = Math.max(d.size(), i.size());
        for (int k = 0; k < n; k++) {
            AclEntry de = k < d.size() ? d.get(k) : null;
            AclEntry ie = k < i.size() ? i.get(k) : null;
            if (de == null) {
                out.add("#" + (k + 1) + " missing on the device: " + ie.describe());
            } else if (ie == null) {
                out.add("#" + (k + 1) + " on the device but not in the intent: " + de.describe());
            } else if (!de.equals(ie)) {
                out.add("#" + (k + 1) + " device has " + de.describe() + ", intent wants " + ie.describe());
            }
        }
        return out;
    }
}

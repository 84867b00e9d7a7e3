package io.portpush.core.policy;

import java.util.List;

/**
 * An ACL as read back from a device: its entries in the vendor-neutral model (in device order),
 * its bindings, and the device's own text of it (for diffs and history). Where the platform
 * numbers its entries, {@code sequences} holds each entry's number (same order as
 * {@code entries}; empty where there are none), and {@code groups} names the object-groups
 * portpush made for this list (and its temporary swap list) that the device holds, so that plans
 * work from the read model instead of searching device text again.
 */
public record DeviceAcl(String name, List<AclEntry> entries, List<Binding> bindings, String text, List<Integer> sequences,
                        List<String> groups) {
    public DeviceAcl {
        entries = List.copyOf(entries);
        bindings = List.copyOf(bindings);
        sequences = List.copyOf(sequences);
        groups = List.copyOf(groups);
        if (!sequences.isEmpty() && sequences.size() != entries.size()) {
            throw new IllegalArgumentException(name + ": " + sequences.size() + " sequence numbers for " + entries.size() + " entries");
        }
    }

    /** An ACL of a platform without sequence numbers or owned groups. */
    public DeviceAcl(String name, List<AclEntry> entries, List<Binding> bindings, String text) {
        this(name, entries, bindings, text, List.of(), List.of());
    }
}

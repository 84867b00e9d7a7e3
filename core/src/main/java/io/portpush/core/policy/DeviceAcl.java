package io.portpush.core.policy;

import java.util.List;

/**
 * An ACL as read back from a device: its entries in the vendor-neutral model (in device order),
 * its bindings, and the device's own text of it (for diffs and history).
 */
public record DeviceAcl(String name, List<AclEntry> entries, List<Binding> bindings, String text) {
    public DeviceAcl {
        entries = List.copyOf(entries);
        bindings = List.copyOf(bindings);
    }
}

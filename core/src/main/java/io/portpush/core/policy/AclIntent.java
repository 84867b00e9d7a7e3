package io.portpush.core.policy;

import java.util.List;

/**
 * The vendor-neutral ACL a device must enforce: ordered entries (the default action last),
 * where it is bound, and whether the platform tracks sessions ({@code stateful}: no return
 * entries needed). Built from the catalogue by {@link AclIntentBuilder}; rendered by platform
 * templates; compared with what parsers read back from the device.
 */
public record AclIntent(String name, List<AclEntry> entries, List<Binding> bindings, boolean stateful, boolean objectGroups) {
    public AclIntent {
        entries = List.copyOf(entries);
        bindings = List.copyOf(bindings);
    }

    /** An intent written without object-groups. */
    public AclIntent(String name, List<AclEntry> entries, List<Binding> bindings, boolean stateful) {
        this(name, entries, bindings, stateful, false);
    }
}

package io.portpush.core.inventory;

import java.util.Map;

/** Variable layering: a later layer replaces keys of an earlier one (Ansible's default "replace"). */
public final class VarMerge {
    private VarMerge() {
    }

    public static void into(Map<String, Object> target, Map<String, ?> layer) {
        target.putAll(layer);
    }
}

package io.portpush.core.inventory;

import java.util.List;
import java.util.Map;

/**
 * One host of an inventory. {@code vars} are the host's own variables after group and
 * host_vars merging (see {@link Inventory#varsFor}); {@code groups} every group it belongs to,
 * directly or through children, {@code all} first.
 */
public record Host(String name, Map<String, Object> vars, List<String> groups) {
    public Host {
        vars = Map.copyOf(vars);
        groups = List.copyOf(groups);
    }
}

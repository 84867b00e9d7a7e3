package io.portpush.core.inventory;

import java.util.List;
import java.util.Map;

/** An inventory group: its own hosts, child groups and variables. */
public record Group(String name, List<String> hosts, List<String> children, Map<String, Object> vars) {
    public Group {
        hosts = List.copyOf(hosts);
        children = List.copyOf(children);
        vars = Map.copyOf(vars);
    }
}

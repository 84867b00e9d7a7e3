package io.portpush.platform.junos;

import io.portpush.core.policy.Binding;
import java.util.List;

/** How a filter is attached to and detached from a Junos interface unit ({@code ge-0/0/0.0}, unit 0 by default). */
final class JunosBindings {
    private JunosBindings() {
    }

    /**
     * A template model with Junos bindings: each carries {@code interface} and {@code unit} split
     * from the target ({@code ge-0/0/1.0}; without a unit, unit 0).
     */
    static java.util.Map<String, Object> withUnits(java.util.Map<String, Object> model, List<Binding> bindings) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>(model);
        out.put("bindings", bindings.stream().map(b -> {
            String[] iu = b.target().split("\\.");
            return java.util.Map.<String, Object>of("target", b.target(), "direction", b.direction().word(), "interface", iu[0],
                    "unit", iu.length > 1 ? iu[1] : "0");
        }).toList());
        return out;
    }

    static String unitPath(Binding b) {
        String[] iu = b.target().split("\\.");
        return "interfaces " + iu[0] + " unit " + (iu.length > 1 ? iu[1] : "0") + " family inet filter "
                + (b.direction() == Binding.Direction.IN ? "input" : "output");
    }

    /** {@code delete} lines for bindings the device has and the intent does not. */
    static List<String> removed(List<Binding> now, List<Binding> wanted) {
        return now.stream().filter(b -> !wanted.contains(b)).map(b -> "delete " + unitPath(b)).toList();
    }
}

package io.portpush.platform.junos;

import io.portpush.core.policy.Binding;
import java.util.List;

/** How a filter is attached to and detached from a Junos interface unit ({@code ge-0/0/0.0}, unit 0 by default). */
final class JunosBindings {
    private JunosBindings() {
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

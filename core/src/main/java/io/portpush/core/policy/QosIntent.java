package io.portpush.core.policy;

import java.util.List;

/**
 * DSCP marking policy: ordered classes, each matching catalogue flows (as permit entries) and
 * setting a DSCP value; bound to interfaces in a direction. Read back from devices in the same
 * shape ({@code text} then holds the device's own lines).
 */
public record QosIntent(String name, List<QosClass> classes, List<Binding> bindings, String text) {
    /** One class: what it matches and the DSCP it sets ({@code cs3}, {@code ef}, {@code af41}...). */
    public record QosClass(String name, List<AclEntry> matches, String dscp) {
        public QosClass {
            matches = List.copyOf(matches);
        }
    }

    public QosIntent {
        classes = List.copyOf(classes);
        bindings = List.copyOf(bindings);
    }

    /** Differences with {@code other} (the device), class by class; empty when they match. */
    public List<String> differences(QosIntent device) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (QosClass c : classes) {
            QosClass d = device.classes.stream().filter(x -> x.name().equals(c.name())).findFirst().orElse(null);
            if (d == null) {
                out.add("class " + c.name() + " missing on the device");
                continue;
            }
            if (!c.dscp().equalsIgnoreCase(d.dscp())) {
                out.add("class " + c.name() + " sets dscp " + d.dscp() + ", intent wants " + c.dscp());
            }
            AclEntries.differences(d.matches(), c.matches()).forEach(x -> out.add("class " + c.name() + " match " + x));
        }
        device.classes.stream().filter(d -> classes.stream().noneMatch(c -> c.name().equals(d.name())))
                .forEach(d -> out.add("class " + d.name() + " on the device but not in the intent"));
        if (!new java.util.HashSet<>(bindings).equals(new java.util.HashSet<>(device.bindings))) {
            out.add("bound to " + device.bindings + ", intent wants " + bindings);
        }
        return out;
    }
}

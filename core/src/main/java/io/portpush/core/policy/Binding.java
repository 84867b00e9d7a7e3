package io.portpush.core.policy;

/** Where an ACL is applied: an interface (or ASA nameif, Junos interface unit) and a direction. */
public record Binding(String target, Direction direction) {
    /** Packets entering or leaving the target. */
    public enum Direction {
        IN, OUT;

        public String word() {
            return this == IN ? "in" : "out";
        }
    }

    /** {@code GigabitEthernet1 in}, as an engineer writes it (drift and messages). */
    @Override
    public String toString() {
        return target + " " + direction.word();
    }
}

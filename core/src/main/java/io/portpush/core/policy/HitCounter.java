package io.portpush.core.policy;

/**
 * A counter a device keeps for a filter: a named Junos {@code count} or policer, with the bytes
 * and packets it has seen. Drift reports and traffic checks read them beside the entries; a line
 * of a counter table the reader could not read is kept as an {@link #unrecognised} counter with
 * its text, never dropped.
 *
 * @param kind {@code counter}, {@code policer}, or {@code unrecognised}
 */
public record HitCounter(String name, String kind, long bytes, long packets) {
    /** A line of a counter table that could not be read, kept with its text. */
    public static HitCounter unrecognised(String raw) {
        return new HitCounter(raw.strip(), "unrecognised", -1, -1);
    }

    public boolean isUnrecognised() {
        return kind.equals("unrecognised");
    }

    /** {@code counter NAME: B bytes, P packets}, or the unrecognised line. */
    public String describe() {
        return isUnrecognised() ? "unrecognised line '" + name + "'" : kind + " " + name + ": " + bytes + " bytes, " + packets + " packets";
    }
}

package io.portpush.core.policy;

/** An inclusive range of TCP/UDP ports; a single port has {@code from == to}. */
public record PortRange(int from, int to) implements Comparable<PortRange> {
    public PortRange {
        if (from < 0 || to > 65535 || from > to) {
            throw new IllegalArgumentException("bad port range " + from + "-" + to);
        }
    }

    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    public boolean single() {
        return from == to;
    }

    public boolean contains(PortRange o) {
        return from <= o.from && o.to <= to;
    }

    @Override
    public int compareTo(PortRange o) {
        return from != o.from ? Integer.compare(from, o.from) : Integer.compare(to, o.to);
    }

    @Override
    public String toString() {
        return single() ? String.valueOf(from) : from + "-" + to;
    }
}

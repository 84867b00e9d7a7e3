package io.portpush.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The ports an entry matches: any (empty list), or a sorted, merged set of ranges. */
public record PortMatch(List<PortRange> ranges) {
    public static final PortMatch ANY = new PortMatch(List.of());

    public PortMatch {
        ranges = merge(ranges);
    }

    public static PortMatch of(int... ports) {
        List<PortRange> r = new ArrayList<>();
        for (int p : ports) {
            r.add(PortRange.of(p));
        }
        return new PortMatch(r);
    }

    public boolean any() {
        return ranges.isEmpty();
    }

    /** Sorted ranges with adjacent and overlapping ones merged: 5060,5061,5062 -> 5060-5062. */
    static List<PortRange> merge(List<PortRange> in) {
        if (in.size() <= 1) {
            return List.copyOf(in); // the common case, one port or range: nothing to sort
        }
        List<PortRange> sorted = new ArrayList<>(in);
        sorted.sort(null);
        List<PortRange> out = new ArrayList<>();
        for (PortRange r : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).to() + 1 >= r.from()) {
                PortRange last = out.remove(out.size() - 1);
                out.add(new PortRange(last.from(), Math.max(last.to(), r.to())));
            } else {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /** Whether every port this matches is matched by {@code this}... reversed: whether {@code this} covers {@code o}. */
    public boolean covers(PortMatch o) {
        if (any()) {
            return true;
        }
        if (o.any()) {
            return false;
        }
        return o.ranges.stream().allMatch(r -> ranges.stream().anyMatch(mine -> mine.contains(r)));
    }

    @Override
    public String toString() {
        return any() ? "any" : ranges.stream().map(PortRange::toString).collect(Collectors.joining(","));
    }
}

package io.portpush.core.change;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a change still lets through the traffic it should, judged from the device's own hit
 * counters: read twice over a window before the change (the baseline) and twice over the same
 * window after it (the soak, {@code --soak}). Per intended flow it compares how many packets its
 * entries counted in each window; for the default (deny) entry it compares rates. A playbook's
 * {@code traffic_check:} {@link Rule} decides what is a failure; without one the report is
 * information only.
 */
public final class TrafficCheck {
    private TrafficCheck() {
    }

    /**
     * {@code traffic_check: {default_deny_rate_increase: 5x, intended_flows_must_hit: true}}.
     *
     * @param defaultDenyRateIncrease the factor by which the default entry's rate may grow before
     *        the change counts as failed (0: not judged)
     * @param intendedFlowsMustHit every intended flow that carried traffic before the change must
     *        carry some during the soak
     */
    public record Rule(double defaultDenyRateIncrease, boolean intendedFlowsMustHit) {
        /** Report, judge nothing. */
        public static final Rule REPORT_ONLY = new Rule(0, false);
    }

    /**
     * One entry's counter.
     *
     * @param entry the entry as a person reads it
     * @param flow the catalogue flow the entry is for ({@code xcp.client-access}), empty for none
     * @param isDefault whether this is the list's default entry (the deny at the end)
     * @param hits the device's count, or -1 where it gave none
     */
    public record Counter(String entry, String flow, boolean isDefault, long hits) {
    }

    /** What the windows showed, one line each, and why the change failed (empty when it did not). */
    public record Report(List<String> lines, List<String> failures) {
        public boolean failed() {
            return !failures.isEmpty();
        }

        /** One line for the run's result. */
        public String summary() {
            return failed() ? "traffic check failed: " + String.join("; ", failures) : lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    /**
     * @param before0 counters of the list before the change, at the start of the baseline window
     * @param before1 the same, at its end
     * @param after0 counters of the changed list right after it verified
     * @param after1 the same, at the end of the soak
     * @param window the length of each window
     */
    public static Report judge(Rule rule, List<Counter> before0, List<Counter> before1, List<Counter> after0, List<Counter> after1,
                               Duration window) {
        Map<String, Long> flowBefore = byFlow(before0, before1);
        Map<String, Long> flowAfter = byFlow(after0, after1);
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        double seconds = Math.max(1e-3, window.toMillis() / 1000.0);
        // per entry of the changed list: what it counted during the soak, and its flow's baseline
        for (int i = 0; i < after1.size(); i++) {
            Counter c = after1.get(i);
            long d = i < after0.size() ? delta(after0.get(i), c) : -1;
            String base = c.flow().isEmpty() ? "" : Optional.ofNullable(flowBefore.get(c.flow())).map(b -> ", " + b + " before").orElse(", no baseline");
            lines.add(c.entry() + (c.flow().isEmpty() ? "" : " [" + c.flow() + "]") + ": " + (d < 0 ? "no counter" : d + " hits during the soak")
                    + (c.isDefault() ? "" : base));
        }
        for (Map.Entry<String, Long> f : flowAfter.entrySet()) {
            Long was = flowBefore.get(f.getKey());
            if (was != null && was > 0 && f.getValue() == 0) {
                String why = "intended flow " + f.getKey() + " stopped counting (" + was + " hits in the " + window.toSeconds()
                        + " s before the change, 0 after)";
                lines.add(why);
                if (rule.intendedFlowsMustHit()) {
                    failures.add(why);
                }
            }
        }
        Optional<Long> defBefore = defaultHits(before0, before1);
        Optional<Long> defAfter = defaultHits(after0, after1);
        if (defAfter.isPresent()) {
            double after = defAfter.get() / seconds;
            double before = defBefore.orElse(0L) / seconds;
            lines.add(String.format(Locale.ROOT, "default entry: %.1f/s before, %.1f/s after", before, after));
            // a quiet default before the change counts as one packet in the window, so a new flood still shows
            double floor = Math.max(before, 1 / seconds);
            if (rule.defaultDenyRateIncrease() > 0 && after > floor * rule.defaultDenyRateIncrease()) {
                failures.add(String.format(Locale.ROOT, "the default entry's rate rose from %.1f/s to %.1f/s (more than %sx)", before, after,
                        trim(rule.defaultDenyRateIncrease())));
            }
        }
        long counting = flowAfter.values().stream().filter(v -> v > 0).count();
        lines.add(counting + " of " + flowAfter.size() + " intended flows counted traffic during the " + window.toSeconds() + " s soak");
        return new Report(List.copyOf(lines), List.copyOf(failures));
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static long delta(Counter a, Counter b) {
        return a.hits() < 0 || b.hits() < 0 ? -1 : Math.max(0, b.hits() - a.hits());
    }

    /** Packets each flow's entries counted between the two reads (entries matched by position). */
    private static Map<String, Long> byFlow(List<Counter> first, List<Counter> last) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < last.size() && i < first.size(); i++) {
            Counter c = last.get(i);
            long d = delta(first.get(i), c);
            if (!c.flow().isEmpty() && !c.isDefault() && d >= 0) {
                out.merge(c.flow(), d, Long::sum);
            }
        }
        return out;
    }

    private static Optional<Long> defaultHits(List<Counter> first, List<Counter> last) {
        for (int i = 0; i < last.size() && i < first.size(); i++) {
            if (last.get(i).isDefault() && delta(first.get(i), last.get(i)) >= 0) {
                return Optional.of(delta(first.get(i), last.get(i)));
            }
        }
        return Optional.empty();
    }

    /** {@code 5x}, {@code 5}, {@code 2.5x}: the factor, or empty when the text is none of these. */
    public static Optional<Double> factor(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("x")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        try {
            double d = Double.parseDouble(t);
            return d > 0 ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

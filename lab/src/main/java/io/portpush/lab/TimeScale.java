package io.portpush.lab;

import java.time.Duration;

/**
 * One factor for every time limit a test sets against the lab (command timeouts, injected
 * latencies, lab minutes, polling deadlines), so that a loaded or slow machine stretches them all
 * together and their ratios stay the same. Set with {@code -Dportpush.test.timescale=3}
 * (default 1).
 */
public final class TimeScale {
    private TimeScale() {
    }

    /** The factor in force. */
    public static double factor() {
        String v = System.getProperty("portpush.test.timescale", System.getenv().getOrDefault("PORTPUSH_TEST_TIMESCALE", "1"));
        try {
            return Math.max(1, Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public static long millis(long base) {
        return Math.round(base * factor());
    }

    public static int seconds(int base) {
        return (int) Math.ceil(base * factor());
    }

    public static Duration of(Duration base) {
        return Duration.ofMillis(millis(base.toMillis()));
    }
}

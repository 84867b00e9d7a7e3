package io.portpush.core.change;

import java.time.Duration;
import java.util.Optional;

/**
 * A run service ({@code --soak 2m}): around each change portpush watches the device's hit
 * counters for {@code window} before it and {@code window} after it, before confirming, and
 * judges the traffic by the playbook's {@code traffic_check:} ({@link TrafficCheck}).
 */
public record Soak(Duration window) {
    public Soak {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a soak must be positive");
        }
    }

    /** {@code 2m}, {@code 30s}, {@code 2} (minutes), as {@link ConfirmWindow#parse} reads them. */
    public static Optional<Soak> parse(String text) {
        return ConfirmWindow.parse(text).map(w -> new Soak(w.timeout()));
    }
}

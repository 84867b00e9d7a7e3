package io.portpush.core.change;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run service ({@code --confirm-timeout 5m}): each change is applied so that the device undoes it
 * by itself unless portpush confirms within {@code timeout}, and portpush confirms only after the
 * change verified and a new SSH login (the lockout guard) succeeded. If portpush dies, loses the
 * network or locks itself out, the device's own timer restores the previous state.
 */
public record ConfirmWindow(Duration timeout) {
    private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*(s|sec|m|min)?");

    public ConfirmWindow {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a confirm timeout must be positive");
        }
    }

    /** {@code 5m}, {@code 90s}, {@code 5} (minutes). */
    public static Optional<ConfirmWindow> parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        boolean seconds = m.group(2) != null && m.group(2).startsWith("s");
        return n <= 0 ? Optional.empty() : Optional.of(new ConfirmWindow(seconds ? Duration.ofSeconds(n) : Duration.ofMinutes(n)));
    }

    /** Whole seconds, at least one. */
    public long seconds() {
        return Math.max(1, timeout.toSeconds());
    }

    /** Whole minutes, rounded up: device timers (Junos commit confirmed, the IOS revert timer) count minutes. */
    public int minutes() {
        return (int) Math.max(1, (seconds() + 59) / 60);
    }

    /**
     * The commit of a change: with a window, a confirmed commit asked for by it (every platform
     * arms its timer); without one, the always-on confirmed commit of {@code defaultMinutes}
     * (Junos's net, which costs nothing).
     */
    public static io.portpush.core.device.Commit commit(Optional<ConfirmWindow> window, int defaultMinutes, String comment) {
        return window.map(w -> io.portpush.core.device.Commit.window(w.minutes(), comment))
                .orElseGet(() -> io.portpush.core.device.Commit.confirmed(defaultMinutes, comment));
    }
}

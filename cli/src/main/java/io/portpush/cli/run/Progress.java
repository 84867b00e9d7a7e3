package io.portpush.cli.run;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How far a task on many hosts has got: on a terminal a bar redrawn in place (hosts done of
 * total, hosts a second, time left), elsewhere (CI logs) a plain line every {@code every}
 * milliseconds and at the end. Plays of {@link #MIN_HOSTS} hosts or fewer print nothing: their
 * result lines are progress enough.
 */
final class Progress {
    static final int MIN_HOSTS = 20;
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final long every;
    private final LongSupplier clock;
    private int total;
    private int done;
    private long started;
    private long lastPrinted;

    /** @param clock milliseconds (System::currentTimeMillis; tests give their own) */
    Progress(PrintWriter out, boolean terminal, long everyMillis, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.every = everyMillis;
        this.clock = clock;
    }

    void start(int hosts) {
        total = hosts;
        done = 0;
        started = clock.getAsLong();
        lastPrinted = started;
    }

    /** One more host finished the task. */
    void hostDone() {
        done++;
        if (total <= MIN_HOSTS) {
            return;
        }
        long now = clock.getAsLong();
        boolean last = done == total;
        if (terminal) {
            // a redraw at most ten times a second, and always the last one
            if (last || now - lastPrinted >= 100) {
                out.print("\r" + line(now) + (last ? "\n" : ""));
                out.flush();
                lastPrinted = now;
            }
        } else if (last || now - lastPrinted >= every) {
            out.println(line(now));
            out.flush();
            lastPrinted = now;
        }
    }

    /** {@code [#########.....] 412/1000 hosts, 38.2/s, about 15 s left}. */
    String line(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1000.0);
        double rate = done / seconds;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String left = done == total ? "done in " + Math.round(seconds) + " s"
                : rate <= 0 ? "time left unknown" : "about " + Math.round((total - done) / rate) + " s left";
        return String.format(Locale.ROOT, "  [%s%s] %d/%d hosts, %.1f/s, %s", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, rate,
                left);
    }
}

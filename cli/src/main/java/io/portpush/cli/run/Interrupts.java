package io.portpush.cli.run;

import io.portpush.core.runner.Runner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during a run. The first asks the runner to stop: nothing new starts, and a
 * change in progress finishes its verify or restores the device (the default JVM exit would cut
 * a device off half-way). A second signal leaves at once, saying what that means; the in-flight
 * journal then tells the next run which devices were mid-change.
 *
 * <p>Why {@code sun.misc.Signal}: it is the only way in Java 17 to take SIGINT without the JVM
 * starting its exit; it lives in the supported {@code jdk.unsupported} module.
 */
final class Interrupts implements AutoCloseable {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile Signal received;

    private Interrupts() {
    }

    /** Takes SIGINT and SIGTERM for the duration of one run of {@code runner}; {@code say} prints to the person. */
    static Interrupts install(Runner runner, Consumer<String> say) {
        Interrupts i = new Interrupts();
        for (String name : List.of("INT", "TERM")) {
            Signal sig = new Signal(name);
            try {
                i.previous.add(Signal.handle(sig, s -> i.on(s, runner, say)));
                i.signals.add(sig);
            } catch (IllegalArgumentException e) {
                // the signal is not available (another handler owns it): the JVM default stays
            }
        }
        return i;
    }

    private void on(Signal s, Runner runner, Consumer<String> say) {
        if (received != null) {
            say.accept("second SIG" + s.getName() + ": leaving now, without restoring; a device in the middle of a change may be "
                    + "half-way, and the next run names it (in-flight journal)");
            Runtime.getRuntime().halt(exitCode(s));
        }
        received = s;
        runner.stop("interrupted by SIG" + s.getName());
        say.accept("SIG" + s.getName() + ": no new host or task starts; changes in progress finish their verify or restore the "
                + "device (each within --timeout). Send it again to leave at once without restoring.");
    }

    /** The signal that stopped the run, or null. */
    Signal received() {
        return received;
    }

    /** 130 for SIGINT, 143 for SIGTERM (128 + the signal number, as shells report them). */
    static int exitCode(Signal s) {
        return 128 + s.getNumber();
    }

    @Override
    public void close() {
        for (int k = 0; k < signals.size(); k++) {
            Signal.handle(signals.get(k), previous.get(k));
        }
    }
}

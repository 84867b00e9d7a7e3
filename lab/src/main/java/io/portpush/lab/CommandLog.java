package io.portpush.lab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every line each session sent to a device, in order, with the mode it was typed in. Tests use it
 * to prove, for example, that a dry run sent no configuration command. Secrets typed at a
 * password prompt are logged as {@code <secret>}.
 */
public final class CommandLog {
    /** One line typed by a client. {@code mode} is the prompt's mode word, e.g. {@code exec}, {@code config-if}. */
    public record Entry(Instant at, int session, String mode, String line) {
        /** Whether the line was typed in a configuration mode (it may have changed the device). */
        public boolean configMode() {
            return mode.startsWith("config") || mode.equals("configure");
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(int session, String mode, String line) {
        entries.add(new Entry(Instant.now(), session, mode, line));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<Entry> matching(Predicate<Entry> p) {
        return entries.stream().filter(p).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }
}

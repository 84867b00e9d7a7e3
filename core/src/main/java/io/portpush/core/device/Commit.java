package io.portpush.core.device;

/**
 * How a change becomes active on a device, chosen by the engine and carried out by
 * {@link DeviceSession#apply}: each platform's {@link Dialect} turns it into its own lines (IOS
 * applies at once and has none; Junos {@code commit} / {@code commit confirmed N}; EOS
 * {@code commit timer}).
 */
public sealed interface Commit {
    /** The comment the device records with the commit, where it keeps one. */
    String comment();

    /** Activate and keep. */
    record Keep(String comment) implements Commit {
    }

    /**
     * Activate, but let the device take the change back by itself unless {@link DeviceSession#confirm}
     * follows within {@code minutes}; a plain commit where the platform has no such net.
     * {@code asked}: the operator asked for the net ({@code --confirm-timeout}); platforms whose
     * net needs setup on the device (the IOS revert timer needs the configuration archive) arm it
     * only then, platforms where it costs nothing (Junos) always.
     */
    record Confirmed(int minutes, String comment, boolean asked, java.util.List<String> undo) implements Commit {
        public Confirmed {
            if (minutes < 1) {
                throw new IllegalArgumentException("a confirmed commit needs at least one minute, not " + minutes);
            }
            undo = java.util.List.copyOf(undo);
        }

        public Confirmed(int minutes, String comment, boolean asked) {
            this(minutes, comment, asked, java.util.List.of());
        }

        public Confirmed(int minutes, String comment) {
            this(minutes, comment, false);
        }

        /**
         * The same commit with the lines that take the change back, for a device whose timer runs
         * commands it is given (an ASA EEM applet) rather than restoring a copy of its own.
         */
        public Confirmed withUndo(java.util.List<String> lines) {
            return new Confirmed(minutes, comment, asked, lines);
        }
    }

    static Commit keep(String comment) {
        return new Keep(comment);
    }

    static Commit confirmed(int minutes, String comment) {
        return new Confirmed(minutes, comment);
    }

    /** A confirmed commit the operator asked for with a confirm window. */
    static Commit window(int minutes, String comment) {
        return new Confirmed(minutes, comment, true);
    }
}

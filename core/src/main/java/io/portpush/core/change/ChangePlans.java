package io.portpush.core.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan-file side of {@link Enforcement}, as a run service. While {@code portpush plan} runs
 * (check mode) it records every change it would make; while {@code portpush apply} runs it holds
 * the approved changes, and the engine sends a host's planned lines only when the device still
 * holds the state the plan was computed from.
 */
public final class ChangePlans {
    private final boolean recording;
    private final Map<String, PlannedChange> changes = new LinkedHashMap<>();

    private ChangePlans(boolean recording, List<PlannedChange> approved) {
        this.recording = recording;
        approved.forEach(c -> changes.put(key(c.host(), c.object()), c));
    }

    /** For {@code portpush plan}: starts empty and records. */
    public static ChangePlans recorder() {
        return new ChangePlans(true, List.of());
    }

    /** For {@code portpush apply}: the approved changes, nothing else may be sent. */
    public static ChangePlans approved(List<PlannedChange> changes) {
        return new ChangePlans(false, changes);
    }

    public boolean recording() {
        return recording;
    }

    synchronized void record(PlannedChange c) {
        changes.put(key(c.host(), c.object()), c);
    }

    public synchronized Optional<PlannedChange> find(String host, String object) {
        return Optional.ofNullable(changes.get(key(host, object)));
    }

    /** Every change, in the order recorded. */
    public synchronized List<PlannedChange> all() {
        return new ArrayList<>(changes.values());
    }

    private static String key(String host, String object) {
        return host + "\u0000" + object;
    }
}

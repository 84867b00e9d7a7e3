package io.portpush.core.change;

import io.portpush.core.device.Commit;
import io.portpush.core.runner.TaskContext;
import java.util.List;
import java.util.Optional;

/**
 * One policy object of one device ({@code acl/EDGE-IN}, {@code qos/IMP-MARKING}) with the intent it
 * should hold, as the {@link Enforcement} engine needs it. A policy kind supplies reading,
 * comparing, planning and recording; the engine owns the order of the steps, the journal, the
 * history and the restore, so every kind gets the same guarantees. {@code S} is the kind's read
 * model; {@code Optional.empty()} means the device does not hold the object at all.
 */
public interface Enforceable<S> {
    /** Kind and name, {@code acl/EDGE-IN}: the journal key and the history path. */
    String object();

    /** What the device holds now. */
    Optional<S> read(TaskContext ctx);

    /** How the device differs from the intent, one line a finding; empty when it holds the intent. */
    List<String> differences(Optional<S> device);

    /** Whether two read states are the same for restore purposes (entries and bindings, counters ignored). */
    boolean same(Optional<S> a, Optional<S> b);

    /** The lines that take the device from {@code current} to the intent. */
    ChangePlan plan(TaskContext ctx, Optional<S> current);

    /**
     * The lines that take the device from {@code now} back to {@code before} after a failed change,
     * plus whatever the change may have left behind (a temporary list); empty when nothing is needed.
     */
    ChangePlan restore(TaskContext ctx, Optional<S> now, Optional<S> before);

    /**
     * The lines that take the device from the intended state back to {@code before}, for a
     * device-side timer that runs commands it is given (ASA EEM); empty where none can be made.
     */
    default ChangePlan undo(TaskContext ctx, Optional<S> before) {
        return ChangePlan.lines(List.of());
    }

    /** Whether the device's timer needs {@link #undo}'s lines (computing them renders templates: only where they are used). */
    default boolean needsUndoLines(TaskContext ctx) {
        return false;
    }

    /** The state as device text for diffs and history; empty text when absent. */
    String text(Optional<S> state);

    /** The intent as the device would print it, for the check-mode diff. */
    String intendedText(TaskContext ctx);

    /** The state as the history records it (JSON), or the kind's "absent" record. */
    String record(TaskContext ctx, Optional<S> state);

    /**
     * What the change means beyond its lines (for an ACL: the packets it opens and closes), one
     * line each, for reviews, reports and history; empty where the kind has no such reading.
     */
    default java.util.List<String> meaning(TaskContext ctx, Optional<S> before) {
        return java.util.List.of();
    }

    /**
     * The hit counters of {@code state}'s entries as the device counts them now, in entry order,
     * each labelled with its flow and whether it is the default entry; empty where the platform
     * keeps none per entry or portpush does not read them there yet.
     */
    default List<TrafficCheck.Counter> counters(TaskContext ctx, Optional<S> state) {
        return List.of();
    }

    /** The playbook's {@code traffic_check:} for this object; empty: report only. */
    default Optional<TrafficCheck.Rule> trafficRule() {
        return Optional.empty();
    }

    /** The result message when the device already holds the intent. */
    String inSync();

    /** Checks every line of a plan before the first is sent (the same check check mode shows). */
    void preflight(TaskContext ctx, ChangePlan plan);

    /** Sends a plan and makes it active with {@code commit}. */
    void apply(TaskContext ctx, ChangePlan plan, Commit commit);

    /** Keeps a change made with a confirmed commit; nothing where the platform has no such net. */
    void confirm(TaskContext ctx, String comment);

    /**
     * The lockout guard, before a {@link ConfirmWindow} change is confirmed: a new SSH login and a
     * read-only command through it, as a fresh operator would make them. Empty when it worked,
     * else why not; platforms without a device-side timer have nothing to guard (empty).
     */
    default Optional<String> lockout(TaskContext ctx) {
        return Optional.empty();
    }

    /**
     * Whether, after {@link #apply}, the device itself takes the change back unless confirmed
     * (Junos {@code commit confirmed}, a Linux host's armed timer); when not, a confirm window
     * protects nothing on this device, and the run says so.
     */
    default boolean selfRestoring(TaskContext ctx) {
        return false;
    }

    /** Called once portpush restored the previous state itself and verified it (a device-side timer may stand down). */
    default void restored(TaskContext ctx) {
    }

    /**
     * After a failed apply: throws away what is pending (a candidate) and leaves the device ready
     * to be read again, logging in afresh if the connection is gone or {@code fresh} asks for it.
     */
    void settle(TaskContext ctx, boolean fresh);

    /** A copy of the whole device configuration taken before the change, kept in history beside the object. */
    Optional<Backup> backup(TaskContext ctx);

    /** @param object where it is kept ({@code backup/running-config}) */
    record Backup(String object, String text) {
    }
}

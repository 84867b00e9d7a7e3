package io.portpush.core.change;

import io.portpush.core.device.Commit;
import io.portpush.core.device.DeviceCommandException;
import io.portpush.core.diff.UnifiedDiff;
import io.portpush.core.error.PortpushException;
import io.portpush.core.history.HistoryStore;
import io.portpush.core.history.Journal;
import io.portpush.core.runner.Status;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskResult;
import io.portpush.core.transport.TransportException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one path by which portpush changes a policy object on a device, whatever its kind:
 * read, plan, check the lines, (check mode stops here), journal and baseline, apply with the
 * run's commit, read again, verify, confirm, record in history. Any refusal, disconnect or
 * mismatch after the first line restores the state read before the change and says whether the
 * restore was verified, so a device is left in its previous state or its new one.
 * Verifying without changing ({@link #verify}) is a path of its own.
 */
public final class Enforcement {
    private Enforcement() {
    }

    /** Makes the device hold the intent of {@code o}; {@code data} (the module's registered values) is extended, not replaced. */
    public static <S> TaskResult enforce(TaskContext ctx, Enforceable<S> o, Commit commit, Map<String, Object> data) {
        return enforce(ctx, o, o.read(ctx), commit, data);
    }

    /** As {@link #enforce(TaskContext, Enforceable, Commit, Map)} from a state the module has just read (one read, not two). */
    public static <S> TaskResult enforce(TaskContext ctx, Enforceable<S> o, Optional<S> before, Commit commit, Map<String, Object> data) {
        Map<String, Object> out = new LinkedHashMap<>(data);
        String name = name(o);
        Optional<ChangePlans> plans = ctx.optionalService(ChangePlans.class);
        String fingerprint = PlannedChange.fingerprint(o.record(ctx, before));
        ChangePlan plan;
        if (plans.isPresent() && !plans.get().recording() && !ctx.check()) {
            // portpush apply: exactly the reviewed lines, and only onto the state they were reviewed against
            Optional<PlannedChange> approved = plans.get().find(ctx.host(), o.object());
            if (approved.isEmpty()) {
                return o.plan(ctx, before).isEmpty() ? TaskResult.ok(o.inSync(), out)
                        : new TaskResult(Status.FAILED, name + ": the device needs a change the reviewed plan does not hold (it was in sync "
                        + "when the plan was written); nothing sent: write a new plan", out, "", List.of());
            }
            if (!approved.get().fingerprint().equals(fingerprint)) {
                return new TaskResult(Status.FAILED, name + ": stale plan: " + o.object() + " on " + ctx.host() + " changed since the plan "
                        + "was written; nothing sent: review the drift below and write a new plan", out,
                        UnifiedDiff.of(ctx.host() + "/" + o.object() + " (planned against -> now)", approved.get().before(), o.text(before)),
                        List.of());
            }
            plan = new ChangePlan(approved.get().lines(), approved.get().atomic());
            out.put("plan", "as reviewed (fingerprint " + fingerprint.substring(0, 12) + ")");
        } else {
            plan = o.plan(ctx, before);
        }
        if (plan.isEmpty()) {
            return TaskResult.ok(o.inSync(), out);
        }
        o.preflight(ctx, plan);
        List<String> meaning = o.meaning(ctx, before);
        if (!meaning.isEmpty()) {
            out.put("meaning", meaning);
        }
        String rendered = o.intendedText(ctx);
        String diff = UnifiedDiff.of(ctx.host() + "/" + o.object(), o.text(before), rendered);
        out.put("rendered", rendered);
        if (ctx.check()) {
            if (plans.isPresent() && plans.get().recording()) {
                plans.get().record(new PlannedChange(ctx.host(), o.object(), fingerprint, o.text(before), plan.lines(), plan.atomic(), diff,
                        meaning));
            }
            return TaskResult.changed(name + ": would " + (plan.atomic() ? "apply one transaction of " : "send ") + plan.size()
                    + " lines (check mode: nothing sent)", out, diff, plan.lines());
        }
        Optional<Journal> journal = ctx.optionalService(Journal.class);
        Optional<HistoryStore> history = ctx.optionalService(HistoryStore.class);
        String path = HistoryStore.path(ctx.host(), o.object());
        Optional<Enforceable.Backup> backup = o.backup(ctx);
        journal.ifPresent(j -> j.begin(ctx.host(), o.object(), before.isPresent() ? o.text(before) : "(no " + o.object() + ")"));
        // the state before portpush's first change becomes a revision one can roll back to
        history.ifPresent(h -> h.baseline(path + ".json", o.record(ctx, before), "baseline " + ctx.host() + " " + o.object()
                + ": the state found before portpush's first change", user()));
        Optional<Soak> soak = ctx.optionalService(Soak.class);
        List<TrafficCheck.Counter> baseline0 = List.of();
        List<TrafficCheck.Counter> baseline1 = List.of();
        if (soak.isPresent()) {
            // the baseline: what the list in place counts over one window, before anything is sent
            baseline0 = o.counters(ctx, before);
            if (!baseline0.isEmpty()) {
                ctx.note("--soak: watching " + o.object() + "'s counters for " + soak.get().window().toSeconds() + " s before the change");
                pause(soak.get().window());
                baseline1 = o.counters(ctx, before);
            }
        }
        if (commit instanceof Commit.Confirmed c && c.asked() && o.needsUndoLines(ctx)) {
            // a device whose timer runs given commands needs the way back before the change starts
            commit = c.withUndo(o.undo(ctx, before).lines());
        }
        try {
            o.apply(ctx, plan, commit);
        } catch (DeviceCommandException | TransportException e) {
            return failAndRestore(ctx, o, before, out, diff, plan, e.getMessage());
        }
        Optional<S> after;
        try {
            after = o.read(ctx);
        } catch (PortpushException e) {
            return failAndRestore(ctx, o, before, out, diff, plan, "verify could not read the device: " + e.getMessage());
        }
        List<String> drift = o.differences(after);
        if (!drift.isEmpty()) {
            return failAndRestore(ctx, o, before, out, diff, plan, "verify failed, the device does not show what was sent: "
                    + String.join("; ", drift));
        }
        if (soak.isPresent()) {
            List<TrafficCheck.Counter> soak0 = o.counters(ctx, after);
            if (soak0.isEmpty()) {
                ctx.warn("--soak: " + ctx.platform() + " gives portpush no per-entry counters for " + o.object() + " yet; traffic not checked");
            } else {
                ctx.note("--soak: watching " + o.object() + "'s counters for " + soak.get().window().toSeconds() + " s after the change");
                pause(soak.get().window());
                TrafficCheck.Report traffic = TrafficCheck.judge(o.trafficRule().orElse(TrafficCheck.Rule.REPORT_ONLY), baseline0, baseline1,
                        soak0, o.counters(ctx, after), soak.get().window());
                out.put("traffic", traffic.lines());
                if (traffic.failed()) {
                    // before any confirm: the change goes back the way a failed verify does
                    return failAndRestore(ctx, o, before, out, diff, plan, traffic.summary());
                }
                out.put("traffic_summary", traffic.summary());
            }
        }
        Optional<ConfirmWindow> window = ctx.optionalService(ConfirmWindow.class);
        boolean selfRestoring = window.isPresent() && o.selfRestoring(ctx);
        if (window.isPresent()) {
            if (!selfRestoring) {
                // never let --confirm-timeout look like a safety net where there is none
                ctx.warn("--confirm-timeout: " + ctx.platform() + " has no device-side undo in portpush yet; " + o.object()
                        + " was applied without one (the lockout guard still runs, and restores through the open session)");
            }
            Optional<String> locked = o.lockout(ctx);
            if (locked.isPresent()) {
                out.put("lockout", locked.get());
                if (!selfRestoring) {
                    // no device timer: the session portpush still holds is the way back
                    return failAndRestore(ctx, o, before, out, diff, plan, "lockout detected, not keeping the change (" + locked.get() + ")");
                }
                // the device's own timer takes the change back: confirming now would keep a device nobody can log in to
                return new TaskResult(Status.FAILED, name + ": lockout detected, not confirming (" + locked.get() + "); the host restores its "
                        + "previous state by itself when its confirm timer runs out (--confirm-timeout " + window.get().seconds() + " s)", out,
                        diff, plan.lines());
            }
        }
        if (commit instanceof Commit.Confirmed || window.isPresent()) {
            o.confirm(ctx, commit.comment() + " (verified)");
        }
        if (selfRestoring) {
            // a confirm that came after the device's timer ran out keeps nothing: the device took the change back
            List<String> late = o.differences(o.read(ctx));
            if (!late.isEmpty()) {
                return new TaskResult(Status.FAILED, name + ": the device's confirm timer ran out before portpush confirmed; it took "
                        + "the change back by itself (" + String.join("; ", late) + "): run again with a longer --confirm-timeout", out,
                        diff, plan.lines());
            }
        }
        out.put("device_text", o.text(after));
        out.put("verified", true);
        history.ifPresent(h -> {
            h.stage(path, o.text(after));
            h.stage(path + ".json", o.record(ctx, after));
            if (!meaning.isEmpty()) {
                // what the last change to this object meant, beside its text: each revision keeps its own
                h.stage(path + ".meaning", String.join("\n", meaning) + "\n");
            }
            backup.ifPresent(b -> h.stage(HistoryStore.path(ctx.host(), b.object()), b.text()));
        });
        journal.ifPresent(j -> j.end(ctx.host(), o.object()));
        return TaskResult.changed(name + ": " + (after.isEmpty() ? "removed" : "applied") + " and verified (" + plan.size() + " lines"
                + (plan.atomic() ? " in one transaction" : "") + ")" + (out.containsKey("traffic_summary") ? "; " + out.get("traffic_summary") : ""),
                out, UnifiedDiff.of(ctx.host() + "/" + o.object(), o.text(before),
                o.text(after)), plan.lines());
    }

    /** Reads the device and reports how it differs from the intent; never changes anything. */
    public static <S> TaskResult verify(TaskContext ctx, Enforceable<S> o, Map<String, Object> data) {
        List<String> drift = o.differences(o.read(ctx));
        if (drift.isEmpty()) {
            return TaskResult.ok(name(o) + ": no drift", data);
        }
        Map<String, Object> out = new LinkedHashMap<>(data);
        out.put("findings", drift);
        return new TaskResult(Status.FAILED, name(o) + ": drift: " + String.join("; ", drift), out, "", List.of());
    }

    private static <S> TaskResult failAndRestore(TaskContext ctx, Enforceable<S> o, Optional<S> before, Map<String, Object> data,
                                                 String diff, ChangePlan plan, String why) {
        String outcome;
        try {
            o.settle(ctx, false);
            Optional<S> now;
            try {
                now = o.read(ctx);
            } catch (TransportException e) {
                // the connection died (a timeout closes the shell): log in again and read afresh
                o.settle(ctx, true);
                now = o.read(ctx);
            }
            boolean unchanged = o.same(now, before);
            ChangePlan back = o.restore(ctx, now, before);
            if (!back.isEmpty()) {
                o.apply(ctx, back, Commit.keep("portpush restore " + o.object()));
            }
            boolean ok = o.same(o.read(ctx), before);
            if (ok) {
                // restored and verified: nothing is left half-way for the next run to find
                ctx.optionalService(Journal.class).ifPresent(j -> j.end(ctx.host(), o.object()));
                o.restored(ctx);
            }
            outcome = !ok ? "RESTORE NOT VERIFIED: the device may hold a mix of the old and the new " + o.object()
                    + "; check it with 'portpush run --check --diff' and run the playbook again or roll back"
                    : unchanged ? "the device still holds its previous state (verified)" : "the previous state was restored and verified";
        } catch (PortpushException e) {
            outcome = "COULD NOT RESTORE (" + e.getMessage() + "): the device may hold part of the change to " + o.object()
                    + "; when it is reachable again run the same playbook with --check --diff to see its state, then run it again"
                    + " or roll back";
        }
        return new TaskResult(Status.FAILED, name(o) + ": " + why + "; " + outcome, data, diff, plan.lines());
    }

    private static String name(Enforceable<?> o) {
        String obj = o.object();
        return obj.substring(obj.indexOf('/') + 1);
    }

    private static void pause(java.time.Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            // the run is being stopped: the next device read ends it the usual way
            Thread.currentThread().interrupt();
        }
    }

    private static String user() {
        return System.getProperty("user.name", "portpush");
    }
}

package io.portpush.core.change;

import io.portpush.core.device.Commit;
import io.portpush.core.runner.TaskContext;
import java.util.Optional;

/**
 * The device side of an {@link Enforceable} on a host that loads each plan as one script over an
 * exec channel (Linux {@code nft -f}): the host takes the script whole or not at all, so a refusal
 * leaves nothing pending, and there is no prompt a line could be typed at.
 */
public abstract class ScriptEnforceable<S> implements Enforceable<S> {
    /** Loads {@code script} as one transaction; a refusal throws and leaves the host as it was. */
    protected abstract void load(TaskContext ctx, String script);

    @Override
    public void preflight(TaskContext ctx, ChangePlan plan) {
        // rendered from the validated model and loaded as one file: no line is typed at a prompt
    }

    @Override
    public void apply(TaskContext ctx, ChangePlan plan, Commit commit) {
        load(ctx, plan.script());
    }

    @Override
    public void confirm(TaskContext ctx, String comment) {
        // no confirmed commit on a script-loading host (yet)
    }

    @Override
    public void settle(TaskContext ctx, boolean fresh) {
        // a refused transaction leaves nothing pending
    }

    @Override
    public Optional<Backup> backup(TaskContext ctx) {
        return Optional.empty();
    }
}

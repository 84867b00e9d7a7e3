package io.portpush.core.change;

import io.portpush.core.device.Commit;
import io.portpush.core.device.DeviceSession;
import io.portpush.core.error.PortpushException;
import io.portpush.core.runner.TaskContext;
import java.util.Optional;

/**
 * The device side of an {@link Enforceable} on a platform with a CLI (or a NETCONF channel behind
 * a {@link DeviceSession}): plans are typed through the session's transaction, confirmed and
 * discarded with the platform's own commands, and the running configuration is the backup.
 */
public abstract class CliEnforceable<S> implements Enforceable<S> {
    @Override
    public void preflight(TaskContext ctx, ChangePlan plan) {
        ctx.session().preflight(plan.lines());
    }

    @Override
    public void apply(TaskContext ctx, ChangePlan plan, Commit commit) {
        ctx.session().apply(plan.lines(), commit);
    }

    @Override
    public boolean needsUndoLines(TaskContext ctx) {
        return ctx.session().dialect().runsGivenUndo();
    }

    @Override
    public boolean selfRestoring(TaskContext ctx) {
        return ctx.session().dialect().undoesUnconfirmed();
    }

    /**
     * A new SSH login to the CLI, privileged mode and the session setup as the run's own session
     * did them, then {@code show version} through it.
     */
    @Override
    public Optional<String> lockout(TaskContext ctx) {
        io.portpush.core.device.Dialect d = ctx.session().dialect();
        if (ctx.connection().api() == io.portpush.core.inventory.HostConnection.Api.NETCONF) {
            // a NETCONF host has no CLI shell to open: the full SSH login (authentication) is the proof
            try (io.portpush.core.transport.SshConnection fresh = ctx.newLogin()) {
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of("a new SSH login failed: " + e.getMessage());
            }
        }
        try (io.portpush.core.transport.SshConnection fresh = ctx.newLogin();
             io.portpush.core.device.DeviceSession s = io.portpush.core.device.DeviceSession.open(ctx.host(), fresh, d,
                     ctx.connection().enableSecret(), ctx.options().commandTimeout(), line -> { })) {
            s.show("show version");
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("a new SSH login failed: " + e.getMessage());
        }
    }

    @Override
    public void confirm(TaskContext ctx, String comment) {
        ctx.session().confirm(comment);
    }

    /** A timer armed on configuration entry (IOS revert timer) stands down once portpush restored the old state itself. */
    @Override
    public void restored(TaskContext ctx) {
        DeviceSession s = ctx.session();
        if (s.timerArmed()) {
            s.confirm("portpush restored the previous state");
        }
    }

    @Override
    public void settle(TaskContext ctx, boolean fresh) {
        if (fresh) {
            ctx.reopenSession();
            return;
        }
        DeviceSession s = ctx.session();
        try {
            s.discard();
        } catch (PortpushException e) {
            s = ctx.reopenSession();
        }
        if (!s.connection().isConnected()) {
            ctx.reopenSession();
        }
    }

    @Override
    public Optional<Backup> backup(TaskContext ctx) {
        DeviceSession s = ctx.session();
        // hashes and keys masked in the platform's forms, then every secret value of the run
        return Optional.of(new Backup("backup/running-config",
                s.dialect().maskSecrets(ctx.redactor().redact(s.show(s.dialect().runningConfigCommand())))));
    }
}

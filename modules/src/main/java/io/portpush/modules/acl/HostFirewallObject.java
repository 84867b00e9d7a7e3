package io.portpush.modules.acl;

import io.portpush.core.change.ChangePlan;
import io.portpush.core.change.ScriptEnforceable;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AclJson;
import io.portpush.core.policy.DeviceAcl;
import io.portpush.core.policy.HostFirewallDriver;
import io.portpush.core.runner.TaskContext;
import java.util.List;
import java.util.Optional;

/**
 * A host firewall's chain (Linux nftables) as the enforcement engine sees it: every plan is one
 * script the host loads whole or not at all, so a refusal leaves it untouched and a restore is
 * the previous chain rendered again.
 */
final class HostFirewallObject extends ScriptEnforceable<DeviceAcl> {
    private final HostFirewallDriver driver;
    private final String name;
    private final Optional<AclIntent> intent;

    /** The playbook's {@code traffic_check:}; empty: a soak only reports. */
    private final Optional<io.portpush.core.change.TrafficCheck.Rule> trafficRule;

    HostFirewallObject(HostFirewallDriver driver, String name, Optional<AclIntent> intent) {
        this(driver, name, intent, Optional.empty());
    }

    HostFirewallObject(HostFirewallDriver driver, String name, Optional<AclIntent> intent,
                       Optional<io.portpush.core.change.TrafficCheck.Rule> trafficRule) {
        this.driver = driver;
        this.name = name;
        this.intent = intent;
        this.trafficRule = trafficRule;
    }

    @Override
    public String object() {
        return "acl/" + name;
    }

    @Override
    public Optional<DeviceAcl> read(TaskContext ctx) {
        return driver.read(ctx.ssh(), name, ctx.options().commandTimeout());
    }

    @Override
    public List<io.portpush.core.change.TrafficCheck.Counter> counters(TaskContext ctx, Optional<DeviceAcl> state) {
        return state.isEmpty() ? List.of() : AclObject.label(state.get().entries(), driver.counters(ctx.ssh(), name, ctx.options().commandTimeout()),
                intent);
    }

    @Override
    public Optional<io.portpush.core.change.TrafficCheck.Rule> trafficRule() {
        return trafficRule;
    }

    @Override
    public List<String> differences(Optional<DeviceAcl> device) {
        if (intent.isEmpty()) {
            return device.isPresent() ? List.of("the chain " + name + " is still on the host") : List.of();
        }
        return AclModule.verify(device, intent.get());
    }

    @Override
    public boolean same(Optional<DeviceAcl> a, Optional<DeviceAcl> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return AclEntries.sameEntries(a.get().entries(), b.get().entries());
    }

    @Override
    public ChangePlan plan(TaskContext ctx, Optional<DeviceAcl> current) {
        if (differences(current).isEmpty()) {
            return ChangePlan.lines(List.of());
        }
        return ChangePlan.script(intent.map(i -> driver.render(i, ctx.templates())).orElse(driver.removal(name)));
    }

    @Override
    public ChangePlan restore(TaskContext ctx, Optional<DeviceAcl> now, Optional<DeviceAcl> before) {
        if (same(now, before)) {
            return ChangePlan.lines(List.of());
        }
        return ChangePlan.script(before.map(b -> driver.render(new AclIntent(name, b.entries(), b.bindings(), true), ctx.templates()))
                .orElse(driver.removal(name)));
    }

    @Override
    public String text(Optional<DeviceAcl> state) {
        return state.map(DeviceAcl::text).orElse("");
    }

    @Override
    public String intendedText(TaskContext ctx) {
        return intent.map(i -> driver.render(i, ctx.templates())).orElse("");
    }

    @Override
    public String record(TaskContext ctx, Optional<DeviceAcl> state) {
        return state.map(b -> AclJson.write(ctx.platform(), name, b.entries(), b.bindings())).orElse(AclJson.absent(ctx.platform(), name));
    }

    @Override
    public List<String> meaning(TaskContext ctx, Optional<DeviceAcl> before) {
        return AclMeanings.of(ctx, before, intent);
    }

    @Override
    public String inSync() {
        return intent.map(i -> name + ": the host already enforces the intent (" + AclEntries.flatten(i.entries()).size() + " entries)")
                .orElse(name + " is already absent, as in the chosen revision");
    }

    /** The armed host-side timer of a confirm window: its restore file; the pid file beside it. */
    private String armed;

    /**
     * With a {@link io.portpush.core.change.ConfirmWindow}: before loading, save what portpush owns on
     * the host as a restore script and start a detached timer ({@code setsid}, so it outlives this
     * SSH session and portpush itself; no systemd or at needed) that loads it when the window ends.
     * {@link #confirm} stops it.
     */
    @Override
    public void apply(TaskContext ctx, ChangePlan plan, io.portpush.core.device.Commit commit) {
        Optional<io.portpush.core.change.ConfirmWindow> window = ctx.optionalService(io.portpush.core.change.ConfirmWindow.class);
        if (window.isPresent() && armed == null) {
            // a timer still pending from an earlier run would take this change back when it fires
            io.portpush.core.transport.SshConnection.ExecResult pending = ctx.ssh().exec("ls " + TIMERS + "*.pid", null,
                    ctx.options().commandTimeout());
            if (pending.status() == 0 && !pending.stdout().isBlank()) {
                throw new io.portpush.core.device.DeviceCommandException(ctx.host(), "confirm window", "a confirm window of an earlier run is "
                        + "still pending on this host (" + pending.stdout().strip() + "); when its timer runs out the host loads that run's "
                        + "restore point, which would undo this change: wait for it, or end it on the host, then run again");
            }
            String restore = driver.snapshot(ctx.ssh(), ctx.options().commandTimeout()).orElseThrow(() -> new io.portpush.core.device
                    .DeviceCommandException(ctx.host(), "confirm window", "this host's driver cannot save a restore point"));
            String file = TIMERS + java.util.UUID.randomUUID() + ".restore";
            exec(ctx, "umask 077 && cat > " + file, restore);
            // wait until the detached shell has written its pid: confirm must be able to stop it from the first moment
            exec(ctx, "setsid -f sh -c 'echo $$ > " + file + ".pid; sleep " + window.get().seconds() + "; " + driver.loadFile(file)
                    + "; rm -f " + file + " " + file + ".pid' < /dev/null > /dev/null 2>&1; for i in $(seq 100); do [ -s " + file
                    + ".pid ] && exit 0; sleep 0.05; done; exit 1", null);
            armed = file;
        }
        super.apply(ctx, plan, commit);
    }

    /** Where the host-side timers keep their restore points and pid files. */
    private static final String TIMERS = "/run/portpush-confirm-";

    @Override
    public void confirm(TaskContext ctx, String comment) {
        if (armed == null) {
            return;
        }
        // the timer's shell leads its own process group: end it and its sleep before it loads the restore point;
        // no pid file means it already ran out and loaded it, and the change is gone: never report that as kept
        io.portpush.core.transport.SshConnection.ExecResult r = ctx.ssh().exec("test -s " + armed + ".pid && kill -TERM -- -$(cat " + armed
                + ".pid) && rm -f " + armed + " " + armed + ".pid", null, ctx.options().commandTimeout());
        String file = armed;
        armed = null;
        if (r.status() != 0) {
            throw new io.portpush.core.device.DeviceCommandException(ctx.host(), "confirm", "the confirm window ran out before portpush "
                    + "confirmed (" + file + "): the host has loaded its restore point, so the change is not kept; run again with a longer "
                    + "--confirm-timeout");
        }
    }

    /** portpush put the previous state back itself: the timer has nothing left to do. */
    @Override
    public void restored(TaskContext ctx) {
        if (armed != null) {
            ctx.ssh().exec("test -s " + armed + ".pid && kill -TERM -- -$(cat " + armed + ".pid); rm -f " + armed + " " + armed + ".pid", null,
                    ctx.options().commandTimeout());
            armed = null;
        }
    }

    @Override
    public boolean selfRestoring(TaskContext ctx) {
        return armed != null;
    }

    @Override
    public Optional<String> lockout(TaskContext ctx) {
        try (io.portpush.core.transport.SshConnection fresh = ctx.newLogin()) {
            io.portpush.core.transport.SshConnection.ExecResult r = fresh.exec(driver.probe(), null, ctx.options().commandTimeout());
            return r.status() == 0 ? Optional.empty() : Optional.of("a new login ran '" + driver.probe() + "' and it failed: " + r.stderr().strip());
        } catch (RuntimeException e) {
            return Optional.of("a new SSH login failed: " + e.getMessage());
        }
    }

    private static void exec(TaskContext ctx, String command, String stdin) {
        io.portpush.core.transport.SshConnection.ExecResult r = ctx.ssh().exec(command, stdin, ctx.options().commandTimeout());
        if (r.status() != 0) {
            throw new io.portpush.core.device.DeviceCommandException(ctx.host(), command, r.stderr().strip());
        }
    }

    @Override
    protected void load(TaskContext ctx, String script) {
        driver.apply(ctx.ssh(), script, ctx.options().commandTimeout());
    }

    @Override
    public Optional<Backup> backup(TaskContext ctx) {
        return Optional.of(new Backup("backup/ruleset",
                ctx.redactor().redact(ctx.ssh().exec("nft list ruleset", null, ctx.options().commandTimeout()).stdout())));
    }
}

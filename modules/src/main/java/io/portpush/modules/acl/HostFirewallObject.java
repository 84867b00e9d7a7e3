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

    HostFirewallObject(HostFirewallDriver driver, String name, Optional<AclIntent> intent) {
        this.driver = driver;
        this.name = name;
        this.intent = intent;
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

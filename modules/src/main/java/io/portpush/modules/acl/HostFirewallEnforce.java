package io.portpush.modules.acl;

import io.portpush.core.device.DeviceCommandException;
import io.portpush.core.diff.UnifiedDiff;
import io.portpush.core.history.HistoryStore;
import io.portpush.core.history.Journal;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AclJson;
import io.portpush.core.policy.DeviceAcl;
import io.portpush.core.policy.HostFirewallDriver;
import io.portpush.core.runner.RunOptions;
import io.portpush.core.runner.Status;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskResult;
import io.portpush.core.transport.SshConnection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The acl steps for host firewalls (Linux nftables): read, compare, one atomic script, read
 * again, and on a mismatch the previous chain put back by another atomic script.
 */
final class HostFirewallEnforce {
    private HostFirewallEnforce() {
    }

    static TaskResult enforce(TaskContext ctx, HostFirewallDriver driver, AclIntent intent) {
        SshConnection c = ctx.ssh();
        Duration t = ctx.options().commandTimeout();
        String name = intent.name();
        Optional<DeviceAcl> before = driver.read(c, name, t);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("acl", name);
        List<String> drift = AclModule.verify(before, intent);
        if (ctx.options().mode() == RunOptions.Mode.VERIFY) {
            if (drift.isEmpty()) {
                return TaskResult.ok(name + ": no drift", data);
            }
            data.put("findings", drift);
            return new TaskResult(Status.FAILED, name + ": drift: " + String.join("; ", drift), data, "", List.of());
        }
        if (drift.isEmpty()) {
            return TaskResult.ok(name + ": the host already enforces the intent (" + AclEntries.flatten(intent.entries()).size()
                    + " entries)", data);
        }
        String script = driver.render(intent, ctx.templates());
        String diff = UnifiedDiff.of(ctx.host() + "/acl/" + name, before.map(DeviceAcl::text).orElse(""), script);
        List<String> commands = script.lines().filter(l -> !l.isBlank()).toList();
        if (ctx.check()) {
            return TaskResult.changed(name + ": would apply one nft transaction of " + commands.size() + " lines (check mode: nothing sent)",
                    data, diff, commands);
        }
        String object = "acl/" + name;
        String path = HistoryStore.path(ctx.host(), object);
        Optional<Journal> journal = ctx.optionalService(Journal.class);
        Optional<HistoryStore> history = ctx.optionalService(HistoryStore.class);
        String rulesetBefore = ctx.redactor().redact(c.exec("nft list ruleset", null, t).stdout());
        journal.ifPresent(j -> j.begin(ctx.host(), object, before.map(DeviceAcl::text).orElse("(no " + object + ")")));
        history.ifPresent(h -> h.baseline(path + ".json", before.map(b -> AclJson.write(ctx.platform(), name, b.entries(), b.bindings()))
                .orElse(AclJson.absent(ctx.platform(), name)), "baseline " + ctx.host() + " " + object
                + ": the state found before portpush's first change", AclModule.user()));
        try {
            driver.apply(c, script, t);
        } catch (DeviceCommandException e) {
            journal.ifPresent(j -> j.end(ctx.host(), object));
            return new TaskResult(Status.FAILED, e.getMessage() + "; nft applies a transaction whole or not at all: the host is unchanged",
                    data, diff, commands);
        }
        Optional<DeviceAcl> after = driver.read(c, name, t);
        List<String> wrong = AclModule.verify(after, intent);
        if (!wrong.isEmpty()) {
            String back = before.map(b -> driver.render(new AclIntent(name, b.entries(), b.bindings(), true), ctx.templates()))
                    .orElse(driver.removal(name));
            driver.apply(c, back, t);
            Optional<DeviceAcl> check = driver.read(c, name, t);
            boolean ok = before.isPresent() ? check.isPresent() && AclEntries.sameEntries(check.get().entries(), before.get().entries())
                    : check.isEmpty();
            if (ok) {
                journal.ifPresent(j -> j.end(ctx.host(), object));
            }
            return new TaskResult(Status.FAILED, "verify failed: " + String.join("; ", wrong) + "; "
                    + (ok ? "the previous chain was restored and verified" : "RESTORE NOT VERIFIED: check the host"), data, diff, commands);
        }
        history.ifPresent(h -> {
            h.stage(path, after.get().text());
            h.stage(path + ".json", AclJson.write(ctx.platform(), name, after.get().entries(), after.get().bindings()));
            h.stage(HistoryStore.path(ctx.host(), "backup/ruleset"), rulesetBefore);
        });
        journal.ifPresent(j -> j.end(ctx.host(), object));
        data.put("verified", true);
        return TaskResult.changed(name + ": applied in one nft transaction and verified", data,
                UnifiedDiff.of(ctx.host() + "/acl/" + name, before.map(DeviceAcl::text).orElse(""), after.get().text()), commands);
    }

    /** Rolling back to "did not exist": the chain goes, in one transaction. */
    static TaskResult remove(TaskContext ctx, HostFirewallDriver driver, String name) {
        SshConnection c = ctx.ssh();
        Duration t = ctx.options().commandTimeout();
        Optional<DeviceAcl> before = driver.read(c, name, t);
        if (before.isEmpty()) {
            return TaskResult.ok(name + " is already absent, as in the chosen revision");
        }
        String script = driver.removal(name);
        String diff = UnifiedDiff.of(ctx.host() + "/acl/" + name, before.get().text(), "");
        if (ctx.check()) {
            return TaskResult.changed(name + ": would remove the chain (check mode: nothing sent)", Map.of(), diff, script.lines().toList());
        }
        driver.apply(c, script, t);
        if (driver.read(c, name, t).isPresent()) {
            return TaskResult.failed(name + ": removal applied but the chain is still there");
        }
        ctx.optionalService(HistoryStore.class).ifPresent(h -> {
            h.stage(HistoryStore.path(ctx.host(), "acl/" + name) + ".json", AclJson.absent(ctx.platform(), name));
            h.stage(HistoryStore.path(ctx.host(), "acl/" + name), "");
        });
        return TaskResult.changed(name + ": chain removed (verified), as in the chosen revision", Map.of(), diff, script.lines().toList());
    }
}

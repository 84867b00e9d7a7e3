package io.portpush.modules.acl;

import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.device.DeviceCommandException;
import io.portpush.core.device.DeviceSession;
import io.portpush.core.device.Dialect;
import io.portpush.core.diff.UnifiedDiff;
import io.portpush.core.error.PortpushException;
import io.portpush.core.history.HistoryStore;
import io.portpush.core.history.Journal;
import io.portpush.core.policy.AclDriver;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AclIntentBuilder;
import io.portpush.core.policy.AclJson;
import io.portpush.core.policy.AclLint;
import io.portpush.core.policy.AclSpec;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.DeviceAcl;
import io.portpush.core.policy.IntentException;
import io.portpush.core.runner.ModuleArgs;
import io.portpush.core.runner.RunOptions;
import io.portpush.core.runner.Status;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskModule;
import io.portpush.core.runner.TaskResult;
import io.portpush.core.transport.TransportException;
import io.portpush.platform.Platforms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code acl}: makes a device enforce the ACL a playbook describes with catalogue port groups.
 * Builds the vendor-neutral intent, lints it, reads the device, plans the platform's commands,
 * and (unless in check mode) applies them, reads the device again and compares entry by entry
 * and binding by binding. Any refusal, disconnect or mismatch restores the state read before
 * the change, and says whether that restore was verified.
 */
public final class AclModule implements TaskModule {
    @Override
    public String name() {
        return "acl";
    }

    @Override
    public boolean needsConnection() {
        return true;
    }

    @Override
    public boolean audits() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TaskResult run(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, null, AclSpecReader.KEYS);
        AclDriver driver = Platforms.of(ctx.platform()).flatMap(io.portpush.core.platform.Platform::acl).orElse(null);
        io.portpush.core.policy.HostFirewallDriver host = Platforms.of(ctx.platform()).flatMap(io.portpush.core.platform.Platform::hostFirewall).orElse(null);
        AclSpec spec = AclSpecReader.read(a);
        AclIntent intent = intent(ctx, a, spec);
        List<AclLint.Finding> lint = AclLint.check(intent.entries());
        if (ctx.options().mode() == RunOptions.Mode.LINT) {
            Map<String, Object> found = new LinkedHashMap<>();
            found.put("findings", lint.stream().map(AclLint.Finding::toString).toList());
            // the catalogue's own caveats (the seed's contradictions, what it does not list) inform; they do not fail lint
            List<String> notes = catalogueNotes(ctx, spec);
            found.put("notes", notes);
            String noted = notes.isEmpty() ? "" : "; note: " + String.join("; note: ", notes);
            return lint.isEmpty()
                    ? new TaskResult(Status.OK, intent.name() + ": " + AclEntries.flatten(intent.entries()).size()
                    + " entries, no finding" + noted, found, "", List.of())
                    : new TaskResult(Status.FAILED, intent.name() + ": " + lint.size() + " finding(s): " + lint.stream()
                    .map(AclLint.Finding::toString).reduce((x, y) -> x + "; " + y).orElse("") + noted, found, "", List.of());
        }
        lint.stream().filter(f -> !f.kind().equals("broad")).forEach(f -> ctx.warn("acl " + intent.name() + ": lint " + f));
        if (host != null) {
            return HostFirewallEnforce.enforce(ctx, host, intent);
        }
        return enforce(ctx, driver, intent, lint, strategy(ctx, a), a.integer("confirm_minutes", 5));
    }

    @Override
    public void validate(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, null, AclSpecReader.KEYS);
        intent(ctx, a, AclSpecReader.read(a));
        strategy(ctx, a);
    }

    /**
     * The task's {@code strategy}, or the platform's default; one the platform does not support is an
     * input error naming the field (Junos loads a whole filter into a candidate: {@code in-place}
     * would mean nothing there, so it is refused rather than ignored).
     */
    static io.portpush.core.platform.AclStrategy strategy(TaskContext ctx, ModuleArgs a) {
        io.portpush.core.platform.Capabilities caps = Platforms.of(ctx.platform()).map(io.portpush.core.platform.Platform::capabilities)
                .orElseThrow(() -> a.error("", "acl is not supported on platform " + ctx.platform() + " of host " + ctx.host()));
        if (!a.has("strategy")) {
            return caps.defaultStrategy();
        }
        String word = a.string("strategy", "");
        io.portpush.core.platform.AclStrategy s = io.portpush.core.platform.AclStrategy.of(word).orElseThrow();
        if (!caps.strategies().contains(s)) {
            throw a.error("strategy", ctx.platform() + " (host " + ctx.host() + ") does not support strategy " + word + "; it supports "
                    + String.join(", ", caps.strategies().stream().map(io.portpush.core.platform.AclStrategy::word).toList()));
        }
        return s;
    }

    /** What the catalogue says about the flows the task's rules name: ambiguous rows and known gaps of their groups. */
    static List<String> catalogueNotes(TaskContext ctx, AclSpec spec) {
        Catalogue catalogue = ctx.service(Catalogue.class);
        java.util.Set<io.portpush.core.catalogue.Flow> flows = new java.util.LinkedHashSet<>();
        for (AclSpec.Rule rule : spec.rules()) {
            for (String ref : rule.literal() == null ? rule.refs() : List.<String>of()) {
                flows.addAll(catalogue.resolveForPolicy(ref, rule.includeOptional()));
            }
        }
        return catalogue.notesFor(flows);
    }

    /** The intent of the task's arguments for this host: catalogue, roles and platform, no connection. */
    private static AclIntent intent(TaskContext ctx, ModuleArgs a, AclSpec spec) {
        AclDriver driver = Platforms.of(ctx.platform()).flatMap(io.portpush.core.platform.Platform::acl).orElse(null);
        io.portpush.core.policy.HostFirewallDriver host = Platforms.of(ctx.platform()).flatMap(io.portpush.core.platform.Platform::hostFirewall).orElse(null);
        if (driver == null && host == null) {
            throw a.error("", "acl is not supported on platform " + ctx.platform() + " of host " + ctx.host());
        }
        Map<String, AddressSet> roles = RoleBindings.read(ctx, a);
        try {
            return new AclIntentBuilder(ctx.service(Catalogue.class), roles).build(spec, driver != null ? driver.stateful() : host.stateful());
        } catch (IntentException | io.portpush.core.error.NotFoundException e) {
            throw a.error("rules", e.getMessage());
        }
    }

    /**
     * Makes the device hold {@code intent}: read, plan, apply, verify, record; restore on any
     * failure. Shared by {@code acl} and {@code rollback}.
     */
    static TaskResult enforce(TaskContext ctx, AclDriver driver, AclIntent intent, List<AclLint.Finding> lint,
                              io.portpush.core.platform.AclStrategy strategy,
                              int confirmMinutes) {
        DeviceSession s = ctx.session();
        Optional<DeviceAcl> before = driver.read(s, intent.name());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("acl", intent.name());
        data.put("entries", AclEntries.flatten(intent.entries()).stream().map(e -> e.describe()).toList());
        data.put("lint", lint.stream().map(AclLint.Finding::toString).toList());
        before.ifPresent(b -> data.put("device_lint", AclLint.check(b.entries()).stream().map(AclLint.Finding::toString).toList()));
        if (ctx.options().mode() == RunOptions.Mode.VERIFY) {
            List<String> drift = verify(before, intent);
            if (!drift.isEmpty() && before.isPresent()) {
                drift = verify(before, intent, driver.hits(s, intent.name())); // the same findings, with the device's counters
            }
            if (drift.isEmpty()) {
                return TaskResult.ok(intent.name() + ": no drift (" + AclEntries.flatten(intent.entries()).size() + " entries, "
                        + intent.bindings().size() + " bindings)", data);
            }
            data.put("findings", drift);
            return new TaskResult(Status.FAILED, intent.name() + ": drift: " + String.join("; ", drift), data, "", List.of());
        }
        // planning renders templates: only a run that may change the device needs it
        List<String> plan = driver.plan(before, intent, ctx.templates(), strategy);
        if (plan.isEmpty()) {
            return TaskResult.ok(intent.name() + ": the device already enforces the intent (" + AclEntries.flatten(intent.entries()).size()
                    + " entries, " + intent.bindings().size() + " bindings)", data);
        }
        s.preflight(plan);
        String rendered = driver.render(intent, ctx.templates());
        String diff = UnifiedDiff.of(ctx.host() + "/acl/" + intent.name(), before.map(DeviceAcl::text).orElse(""), rendered);
        data.put("rendered", rendered);
        if (ctx.check()) {
            return TaskResult.changed(intent.name() + ": would send " + plan.size() + " lines (check mode: nothing sent)", data, diff, plan);
        }
        Dialect d = s.dialect();
        String comment = "portpush acl " + intent.name();
        String object = "acl/" + intent.name();
        Optional<Journal> journal = ctx.optionalService(Journal.class);
        Optional<HistoryStore> history = ctx.optionalService(HistoryStore.class);
        String path = HistoryStore.path(ctx.host(), object);
        String runningBefore = d.maskSecrets(ctx.redactor().redact(s.show(d.runningConfigCommand())));
        journal.ifPresent(j -> j.begin(ctx.host(), object, before.map(DeviceAcl::text).orElse("(no " + object + ")")));
        // the state before portpush's first change becomes a revision one can roll back to
        history.ifPresent(h -> {
            h.baseline(path + ".json", before.map(b -> AclJson.write(ctx.platform(), intent.name(), b.entries(), b.bindings()))
                    .orElse(AclJson.absent(ctx.platform(), intent.name())), "baseline " + ctx.host() + " " + object
                    + ": the state found before portpush's first change", user());
        });
        try {
            s.enterConfig();
            for (String line : plan) {
                s.config(line);
            }
            for (String c : d.commitConfirmed(confirmMinutes, comment)) {
                s.config(c);
            }
            s.exitConfig();
        } catch (DeviceCommandException | TransportException e) {
            return failAndRestore(ctx, driver, intent, before, data, diff, plan, e.getMessage());
        }
        Optional<DeviceAcl> after;
        try {
            after = driver.read(s, intent.name());
        } catch (PortpushException e) {
            return failAndRestore(ctx, driver, intent, before, data, diff, plan, "verify could not read the device: " + e.getMessage());
        }
        List<String> drift = verify(after, intent);
        if (!drift.isEmpty()) {
            return failAndRestore(ctx, driver, intent, before, data, diff, plan, "verify failed, the device does not show what was sent: "
                    + String.join("; ", drift));
        }
        s.confirm(comment + " (verified)");
        data.put("device_text", after.map(DeviceAcl::text).orElse(""));
        DeviceAcl now = after.get();
        history.ifPresent(h -> {
            h.stage(path, now.text());
            h.stage(path + ".json", AclJson.write(ctx.platform(), intent.name(), now.entries(), now.bindings()));
            h.stage(HistoryStore.path(ctx.host(), "backup/running-config"), runningBefore);
        });
        journal.ifPresent(j -> j.end(ctx.host(), object));
        data.put("verified", true);
        return TaskResult.changed(intent.name() + ": applied and verified (" + plan.size() + " lines)", data,
                UnifiedDiff.of(ctx.host() + "/acl/" + intent.name(), before.map(DeviceAcl::text).orElse(""),
                        after.map(DeviceAcl::text).orElse("")), plan);
    }

    /** Removes the ACL and its bindings (rolling back to "did not exist"), verified by reading again. */
    static TaskResult remove(TaskContext ctx, AclDriver driver, String name) {
        DeviceSession s = ctx.session();
        Optional<DeviceAcl> before = driver.read(s, name);
        if (before.isEmpty()) {
            return TaskResult.ok(name + " is already absent, as in the chosen revision");
        }
        List<String> plan = driver.restore(before, Optional.empty(), name, ctx.templates());
        String diff = UnifiedDiff.of(ctx.host() + "/acl/" + name, before.get().text(), "");
        if (ctx.check()) {
            return TaskResult.changed(name + ": would remove it (check mode: nothing sent)", Map.of(), diff, plan);
        }
        s.enterConfig();
        for (String line : plan) {
            s.config(line);
        }
        for (String c : s.dialect().commit("portpush rollback " + name)) {
            s.config(c);
        }
        s.exitConfig();
        if (driver.read(s, name).isPresent()) {
            return new TaskResult(Status.FAILED, name + ": removal sent but the device still shows the ACL", Map.of(), diff, plan);
        }
        ctx.optionalService(HistoryStore.class).ifPresent(h -> h.stage(HistoryStore.path(ctx.host(), "acl/" + name) + ".json",
                AclJson.absent(ctx.platform(), name)));
        ctx.optionalService(HistoryStore.class).ifPresent(h -> h.stage(HistoryStore.path(ctx.host(), "acl/" + name), ""));
        return TaskResult.changed(name + ": removed (verified), as in the chosen revision", Map.of(), diff, plan);
    }

    static String user() {
        return System.getProperty("user.name", "portpush");
    }

    /** Differences between what the device holds and the intent: entries in order, then bindings. */
    static List<String> verify(Optional<DeviceAcl> device, AclIntent intent) {
        return verify(device, intent, Map.of());
    }

    static List<String> verify(Optional<DeviceAcl> device, AclIntent intent, Map<io.portpush.core.policy.AclEntry, Long> hits) {
        if (device.isEmpty()) {
            return List.of("the ACL " + intent.name() + " is missing");
        }
        List<String> out = new ArrayList<>(AclEntries.differences(device.get().entries(), intent.entries(), hits));
        if (!new HashSet<>(device.get().bindings()).equals(new HashSet<>(intent.bindings()))) {
            out.add("bound to " + device.get().bindings() + ", intent wants " + intent.bindings());
        }
        return out;
    }

    private static TaskResult failAndRestore(TaskContext ctx, AclDriver driver, AclIntent intent, Optional<DeviceAcl> before,
                                      Map<String, Object> data, String diff, List<String> plan, String why) {
        String outcome;
        try {
            DeviceSession s = ctx.session();
            try {
                if (s.inConfig()) {
                    for (String c : s.dialect().discard()) {
                        s.config(c);
                    }
                    s.exitConfig();
                }
            } catch (PortpushException e) {
                s = ctx.reopenSession();
            }
            if (!s.connection().isConnected()) {
                s = ctx.reopenSession();
            }
            Optional<DeviceAcl> now;
            try {
                now = driver.read(s, intent.name());
            } catch (TransportException e) {
                // the shell died (a timeout closes it): log in again and read afresh
                s = ctx.reopenSession();
                now = driver.read(s, intent.name());
            }
            boolean unchanged = before.isPresent()
                    ? now.isPresent() && AclEntries.sameEntries(now.get().entries(), before.get().entries())
                    && new HashSet<>(now.get().bindings()).equals(new HashSet<>(before.get().bindings()))
                    : now.isEmpty();
            List<String> back = new ArrayList<>(unchanged ? List.of() : driver.restore(now, before, intent.name(), ctx.templates()));
            back.addAll(driver.cleanup(intent.name()));
            if (!back.isEmpty()) {
                s.enterConfig();
                for (String line : back) {
                    s.config(line);
                }
                for (String c : s.dialect().commit("portpush restore " + intent.name())) {
                    s.config(c);
                }
                s.exitConfig();
            }
            Optional<DeviceAcl> check = driver.read(s, intent.name());
            boolean ok = before.isPresent() ? check.isPresent() && AclEntries.sameEntries(check.get().entries(), before.get().entries())
                    && new HashSet<>(check.get().bindings()).equals(new HashSet<>(before.get().bindings())) : check.isEmpty();
            if (ok) {
                ctx.optionalService(Journal.class).ifPresent(j -> j.end(ctx.host(), "acl/" + intent.name()));
            }
            outcome = !ok ? "RESTORE NOT VERIFIED: the device may hold a mix of old and new entries; check it with "
                    + "'portpush run --check --diff' and run the playbook again or roll back"
                    : unchanged ? "the device still holds its previous state (verified)" : "the previous state was restored and verified";
        } catch (PortpushException e) {
            outcome = "COULD NOT RESTORE (" + e.getMessage() + "): the device may hold part of the change to " + intent.name()
                    + "; when it is reachable again run the same playbook with --check --diff to see its state, then run it again"
                    + " or roll back";
        }
        return new TaskResult(Status.FAILED, why + "; " + outcome, data, diff, plan);
    }
}

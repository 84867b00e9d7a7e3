package io.portpush.modules.acl;

import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.change.Enforcement;
import io.portpush.core.device.Commit;
import io.portpush.core.platform.AclStrategy;
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
            HostFirewallObject chain = new HostFirewallObject(host, intent.name(), Optional.of(intent));
            return ctx.options().mode() == RunOptions.Mode.VERIFY ? Enforcement.verify(ctx, chain, Map.of("acl", intent.name()))
                    : Enforcement.enforce(ctx, chain, Commit.keep("portpush acl " + intent.name()), Map.of("acl", intent.name()));
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
        return Enforcement.enforce(ctx, new AclObject(driver, intent.name(), Optional.of(intent), strategy), before,
                Commit.confirmed(confirmMinutes, "portpush acl " + intent.name()), data);
    }

    /** Removes the ACL and its bindings (rolling back to "did not exist"), verified by reading again. */
    static TaskResult remove(TaskContext ctx, AclDriver driver, String name) {
        return Enforcement.enforce(ctx, new AclObject(driver, name, Optional.empty(), AclStrategy.REPLACE),
                Commit.keep("portpush rollback " + name), Map.of());
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
}

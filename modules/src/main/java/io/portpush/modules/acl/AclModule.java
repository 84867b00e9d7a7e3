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
        AclIntent whole = intent(ctx, a, spec);
        // the routing table is read only where placement decides something: placement: auto, audit, explain
        boolean placing = a.has("placement") || ctx.optionalService(io.portpush.core.meaning.AuditRequest.class).isPresent()
                || ctx.optionalService(io.portpush.core.meaning.ExplainRequest.class).isPresent();
        Optional<io.portpush.core.placement.Placement> placement = placement(ctx, a, placing);
        Optional<PlacedAcls> placed = placed(ctx, a, whole, placement);
        Optional<io.portpush.core.meaning.AuditRequest> audit = ctx.optionalService(io.portpush.core.meaning.AuditRequest.class);
        if (audit.isPresent()) {
            return AclAudit.audit(ctx, a, audit.get(), spec, whole, placed, placement, whole.stateful(), name -> host != null
                    ? host.read(ctx.ssh(), name, ctx.options().commandTimeout()) : driver.read(ctx.session(), name),
                    host != null ? host::filtersTransit : b -> false, () -> boundLists(ctx));
        }
        if (placed.isEmpty()) {
            return one(ctx, a, spec, whole, placement, driver, host);
        }
        List<TaskResult> results = new ArrayList<>();
        for (AclIntent intent : placed.get().acls()) {
            results.add(one(ctx, a, spec, intent, placement, driver, host));
        }
        return combined(whole.name(), placed.get(), results);
    }

    /** {@code placement: auto}: the lists the host needs where it sits; empty when the task binds its list itself. */
    static Optional<PlacedAcls> placed(TaskContext ctx, ModuleArgs a, AclIntent whole, Optional<io.portpush.core.placement.Placement> placement) {
        if (!a.has("placement")) {
            return Optional.empty();
        }
        String how = a.string("placement", "");
        if (!how.equals("auto")) {
            throw a.error("placement", "placement is 'auto' (one list per interface, from the host's zones), not '" + how + "'");
        }
        if (Platforms.of(ctx.platform()).map(io.portpush.core.platform.Platform::exec).orElse(false)) {
            throw a.error("placement", "placement: auto writes per-interface lists; " + ctx.platform() + " (host " + ctx.host()
                    + ") filters in chains, which placement does not build yet: bind the chain with bind:");
        }
        if (!whole.bindings().isEmpty()) {
            throw a.error("bind", "give bind or placement: auto, not both (placement decides where each list is bound)");
        }
        if (placement.isEmpty()) {
            throw a.error("placement", "placement: auto needs zones: in the variables of host " + ctx.host()
                    + (readsPlacement(ctx) ? "" : ", or a run that reads the device's routing table (its platform "
                    + ctx.platform() + " has no route reader, or this command does not connect)")
                    + " (zones: {outside: {interface: GigabitEthernet1, addresses: [0.0.0.0/0]}, inside: {interface: GigabitEthernet2, roles: [imp-node]}})");
        }
        Map<String, String> names = new LinkedHashMap<>();
        if (a.has("names")) {
            if (!(a.raw("names") instanceof Map<?, ?> m)) {
                throw a.error("names", "names maps a zone to its list's name: {outside: EDGE-IN}");
            }
            m.forEach((k, v) -> {
                String n = String.valueOf(v);
                if (!n.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
                    throw a.error("names." + k, "'" + n + "' is not a list name (a letter, then letters, digits, _ . -)");
                }
                names.put(String.valueOf(k), n);
            });
        }
        return Optional.of(PlacedAcls.of(whole, placement.get(), names));
    }

    /** The placed lists' results as one task result: worst status, every diff and command, the plan's notes first. */
    private static TaskResult combined(String name, PlacedAcls placed, List<TaskResult> results) {
        Status status = Status.OK;
        List<String> msgs = new ArrayList<>();
        StringBuilder diff = new StringBuilder();
        List<String> commands = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> meaning = new ArrayList<>();
        List<String> explain = new ArrayList<>();
        java.util.Set<String> flows = new java.util.LinkedHashSet<>();
        data.put("acls", placed.acls().stream().map(AclIntent::name).toList());
        data.put("placement", placed.notes());
        for (int i = 0; i < results.size(); i++) {
            TaskResult r = results.get(i);
            String acl = placed.acls().get(i).name();
            status = r.status() == Status.FAILED || status == Status.FAILED ? Status.FAILED
                    : r.status() == Status.CHANGED || status == Status.CHANGED ? Status.CHANGED : status;
            msgs.add(r.msg());
            diff.append(r.diff());
            commands.addAll(r.commands());
            if (r.data().get("meaning") instanceof List<?> l) {
                l.forEach(x -> meaning.add(acl + ": " + x));
            }
            if (r.data().get("explain") instanceof List<?> l) {
                l.forEach(x -> explain.add(String.valueOf(x)));
            }
            if (r.data().get("flows") instanceof List<?> l) {
                l.forEach(x -> flows.add(String.valueOf(x)));
            }
            data.put(acl, r.data());
        }
        if (!meaning.isEmpty()) {
            data.put("meaning", meaning);
        }
        if (!explain.isEmpty()) {
            data.put("explain", explain);
        }
        data.put("flows", List.copyOf(flows));
        String notes = placed.notes().isEmpty() ? "" : " (placement: " + String.join("; ", placed.notes()) + ")";
        return new TaskResult(status, name + " placed as " + placed.acls().size() + " lists: " + String.join("; ", msgs) + notes, data,
                diff.toString(), commands);
    }

    /** One list on one host: lint, explain, verify or enforce. */
    private TaskResult one(TaskContext ctx, ModuleArgs a, AclSpec spec, AclIntent intent, Optional<io.portpush.core.placement.Placement> placement,
                           AclDriver driver, io.portpush.core.policy.HostFirewallDriver host) {
        List<AclLint.Finding> lint = new ArrayList<>(AclLint.check(intent.entries()));
        placement.ifPresent(p -> intent.bindings().forEach(b -> lint.addAll(p.neverMatching(AclEntries.flatten(intent.entries()), b))));
        Optional<io.portpush.core.meaning.ExplainRequest> explain = ctx.optionalService(io.portpush.core.meaning.ExplainRequest.class);
        if (explain.isPresent()) {
            return AclExplain.explain(ctx, a, explain.get(), intent, placement, () -> host != null
                    ? host.read(ctx.ssh(), intent.name(), ctx.options().commandTimeout()) : driver.read(ctx.session(), intent.name()));
        }
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
            HostFirewallObject chain = new HostFirewallObject(host, intent.name(), Optional.of(intent), trafficRule(a));
            return ctx.options().mode() == RunOptions.Mode.VERIFY ? Enforcement.verify(ctx, chain, Map.of("acl", intent.name()))
                    : Enforcement.enforce(ctx, chain, Commit.keep("portpush acl " + intent.name()), Map.of("acl", intent.name()));
        }
        // --confirm-timeout sets the device's own timer where it has one (Junos commit confirmed takes whole minutes)
        int minutes = ctx.optionalService(io.portpush.core.change.ConfirmWindow.class)
                .map(io.portpush.core.change.ConfirmWindow::minutes).orElse(a.integer("confirm_minutes", 5));
        return enforce(ctx, driver, intent, lint, strategy(ctx, a), minutes, placement, trafficRule(a));
    }

    private static final java.util.Set<String> TRAFFIC_KEYS = java.util.Set.of("default_deny_rate_increase", "intended_flows_must_hit");

    /** {@code traffic_check: {default_deny_rate_increase: 5x, intended_flows_must_hit: true}}; judged with {@code --soak}. */
    static Optional<io.portpush.core.change.TrafficCheck.Rule> trafficRule(ModuleArgs a) {
        if (!a.has("traffic_check")) {
            return Optional.empty();
        }
        Map<String, Object> m = a.map("traffic_check");
        for (String k : m.keySet()) {
            if (!TRAFFIC_KEYS.contains(k)) {
                throw a.error("traffic_check." + k, "unknown key '" + k + "'" + io.portpush.core.error.DidYouMean.hint(k, TRAFFIC_KEYS)
                        + " (default_deny_rate_increase, intended_flows_must_hit)");
            }
        }
        double factor = 0;
        if (m.get("default_deny_rate_increase") != null) {
            factor = io.portpush.core.change.TrafficCheck.factor(String.valueOf(m.get("default_deny_rate_increase"))).orElseThrow(() ->
                    a.error("traffic_check.default_deny_rate_increase", "'" + m.get("default_deny_rate_increase")
                            + "' is not a factor: write how many times the default entry's rate may grow, as 5x"));
        }
        Object hit = m.get("intended_flows_must_hit");
        if (hit != null && !(hit instanceof Boolean)) {
            throw a.error("traffic_check.intended_flows_must_hit", "true or false, not '" + hit + "'");
        }
        return Optional.of(new io.portpush.core.change.TrafficCheck.Rule(factor, Boolean.TRUE.equals(hit)));
    }

    /** Where the host's interfaces face ({@code zones} in its variables), when the inventory says. */
    static Optional<io.portpush.core.placement.Placement> placement(TaskContext ctx, ModuleArgs a) {
        try {
            return io.portpush.core.placement.Placement.fromVars(ctx.vars(), RoleBindings.read(ctx, a));
        } catch (IllegalArgumentException e) {
            throw a.error("zones", e.getMessage() + " (host " + ctx.host() + ")");
        }
    }

    /**
     * The inventory's zones, else (when {@code read} and the platform has a route reader, and the
     * run connects) the device's own routing table: one zone per interface.
     */
    static Optional<io.portpush.core.placement.Placement> placement(TaskContext ctx, ModuleArgs a, boolean read) {
        Optional<io.portpush.core.placement.Placement> stated = placement(ctx, a);
        if (stated.isPresent() || !read || ctx.options().mode() == RunOptions.Mode.LINT) {
            return stated;
        }
        Optional<io.portpush.core.platform.Platform> platform = Platforms.of(ctx.platform());
        Optional<String> command = platform.flatMap(io.portpush.core.platform.Platform::routeCommand);
        if (command.isEmpty()) {
            return stated;
        }
        String output;
        if (platform.get().exec()) {
            io.portpush.core.transport.SshConnection.ExecResult r = ctx.ssh().exec(command.get(), "", ctx.options().commandTimeout());
            if (r.status() != 0) {
                throw a.error("zones", ctx.host() + ": '" + command.get() + "' failed (" + r.stderr().strip() + "); give zones: in the inventory");
            }
            output = r.stdout();
        } else {
            output = ctx.session().show(command.get());
        }
        List<io.portpush.core.placement.Route> routes = platform.get().readRoutes(command.get(), output).orElse(List.of());
        if (routes.isEmpty()) {
            throw a.error("zones", ctx.host() + ": '" + command.get() + "' gave no route portpush could read, so it cannot tell which "
                    + "interface faces which addresses; give zones: in the inventory for this host");
        }
        return Optional.of(io.portpush.core.placement.Placement.fromRoutes(routes));
    }

    /** The names of every list bound on the device's interfaces, where the platform can say ({@code show ip interface}). */
    private static List<String> boundLists(TaskContext ctx) {
        Optional<io.portpush.core.platform.Platform> platform = Platforms.of(ctx.platform());
        Optional<String> command = platform.flatMap(io.portpush.core.platform.Platform::bindingsCommand);
        if (command.isEmpty() || platform.get().exec()) {
            return List.of();
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        platform.get().readInterfaces(command.get(), ctx.session().show(command.get())).orElse(Map.of()).values()
                .forEach(l -> l.forEach(b -> {
                    String[] f = b.split(" ", 2);
                    if (f.length == 2 && (f[0].equals("in") || f[0].equals("out"))) {
                        out.add(f[1]);
                    }
                }));
        return List.copyOf(out);
    }

    /** Whether placement can come from the device when the inventory gives no zones. */
    private static boolean readsPlacement(TaskContext ctx) {
        return ctx.options().mode() != RunOptions.Mode.LINT
                && Platforms.of(ctx.platform()).flatMap(io.portpush.core.platform.Platform::routeCommand).isPresent();
    }

    @Override
    public void validate(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, null, AclSpecReader.KEYS);
        AclIntent whole = intent(ctx, a, AclSpecReader.read(a));
        strategy(ctx, a);
        Optional<io.portpush.core.placement.Placement> zones = placement(ctx, a);
        if (zones.isPresent() || !readsPlacement(ctx)) {
            placed(ctx, a, whole, zones);
        }
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
                              io.portpush.core.platform.AclStrategy strategy, int confirmMinutes) {
        return enforce(ctx, driver, intent, lint, strategy, confirmMinutes, Optional.empty());
    }

    static TaskResult enforce(TaskContext ctx, AclDriver driver, AclIntent intent, List<AclLint.Finding> lint,
                              io.portpush.core.platform.AclStrategy strategy, int confirmMinutes,
                              Optional<io.portpush.core.placement.Placement> placement) {
        return enforce(ctx, driver, intent, lint, strategy, confirmMinutes, placement, Optional.empty());
    }

    static TaskResult enforce(TaskContext ctx, AclDriver driver, AclIntent intent, List<AclLint.Finding> lint,
                              io.portpush.core.platform.AclStrategy strategy, int confirmMinutes,
                              Optional<io.portpush.core.placement.Placement> placement,
                              Optional<io.portpush.core.change.TrafficCheck.Rule> traffic) {
        DeviceSession s = ctx.session();
        Optional<DeviceAcl> before = driver.read(s, intent.name());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("acl", intent.name());
        data.put("entries", AclEntries.flatten(intent.entries()).stream().map(e -> e.describe()).toList());
        data.put("lint", lint.stream().map(AclLint.Finding::toString).toList());
        // the catalogue flows the list is made of, named before any line in a review
        data.put("flows", AclEntries.flatten(intent.entries()).stream().map(io.portpush.core.policy.AclEntry::origin)
                .filter(java.util.Objects::nonNull).map(o -> o.startsWith("return:") ? o.substring("return:".length()) : o)
                .filter(o -> !o.equals("literal") && !o.equals("default") && !o.equals("unrecognised")).distinct().toList());
        before.ifPresent(b -> {
            List<AclLint.Finding> found = new ArrayList<>(AclLint.check(b.entries()));
            // what the device holds, where it is bound, against where its addresses sit
            placement.ifPresent(p -> b.bindings().forEach(x -> found.addAll(p.neverMatching(b.entries(), x))));
            data.put("device_lint", found.stream().map(AclLint.Finding::toString).toList());
        });
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
        return Enforcement.enforce(ctx, new AclObject(driver, intent.name(), Optional.of(intent), strategy, traffic), before,
                io.portpush.core.change.ConfirmWindow.commit(ctx.optionalService(io.portpush.core.change.ConfirmWindow.class), confirmMinutes,
                        "portpush acl " + intent.name()), data);
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

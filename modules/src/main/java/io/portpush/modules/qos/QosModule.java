package io.portpush.modules.qos;

import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.device.DeviceCommandException;
import io.portpush.core.device.DeviceSession;
import io.portpush.core.diff.UnifiedDiff;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AclIntentBuilder;
import io.portpush.core.policy.AclSpec;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.IntentException;
import io.portpush.core.policy.QosDriver;
import io.portpush.core.policy.QosIntent;
import io.portpush.core.policy.QosJson;
import io.portpush.core.runner.ModuleArgs;
import io.portpush.core.runner.RunOptions;
import io.portpush.core.runner.Status;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskModule;
import io.portpush.core.runner.TaskResult;
import io.portpush.core.transport.TransportException;
import io.portpush.platform.Platforms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code qos}: DSCP marking per catalogue group (SIP signalling and XMPP as CS3, management as
 * CS2: the mapping is the playbook's). Rendered as MQC on IOS and filter actions on Junos, read
 * back and compared class by class; ASA answers with a clear "not supported" result.
 */
public final class QosModule implements TaskModule {
    private static final Set<String> DSCP = Set.of("default", "ef", "af11", "af12", "af13", "af21", "af22", "af23", "af31", "af32",
            "af33", "af41", "af42", "af43", "cs0", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cs7");

    @Override
    public String name() {
        return "qos";
    }

    @Override
    public boolean needsConnection() {
        return true;
    }

    @Override
    public boolean audits() {
        return true;
    }

    /**
     * Puts the device back as it was read before the change (Junos: discard and let commit
     * confirmed roll back; IOS: the previous policy re-applied, or everything created removed).
     */
    private static String restore(TaskContext ctx, QosDriver driver, QosIntent intent, Optional<QosIntent> before, List<String> classNames) {
        try {
            DeviceSession s = ctx.session();
            try {
                if (s.inConfig()) {
                    for (String c : s.dialect().discard()) {
                        s.config(c);
                    }
                    s.exitConfig();
                }
            } catch (RuntimeException e) {
                s = ctx.reopenSession();
            }
            Optional<QosIntent> now;
            try {
                now = driver.read(s, intent.name(), classNames);
            } catch (TransportException e) {
                s = ctx.reopenSession();
                now = driver.read(s, intent.name(), classNames);
            }
            boolean same = before.isPresent() ? now.isPresent() && before.get().differences(now.get()).isEmpty() : now.isEmpty();
            if (!same) {
                List<String> back = before.isPresent() ? driver.plan(now, before.get(), ctx.templates()) : driver.removal(intent);
                s.enterConfig();
                for (String l : back) {
                    s.config(l);
                }
                for (String c : s.dialect().commit("portpush qos restore " + intent.name())) {
                    s.config(c);
                }
                s.exitConfig();
            }
            Optional<QosIntent> check = driver.read(s, intent.name(), classNames);
            boolean ok = before.isPresent() ? check.isPresent() && before.get().differences(check.get()).isEmpty() : check.isEmpty();
            if (ok) {
                // restored and verified: nothing is left half-way for the next run to find
                ctx.optionalService(io.portpush.core.history.Journal.class).ifPresent(j -> j.end(ctx.host(), "qos/" + intent.name()));
            }
            return ok ? (same ? "the device still holds its previous state (verified)" : "the previous state was restored and verified")
                    : "RESTORE NOT VERIFIED: check the device";
        } catch (RuntimeException e) {
            return "COULD NOT RESTORE (" + e.getMessage() + "): check the device when it is reachable";
        }
    }

    /** Linux: read, compare, one atomic nft transaction, read again (the whole chain is replaced, so nothing is half-done). */
    private static TaskResult linux(TaskContext ctx, QosIntent intent) {
        io.portpush.platform.nftables.NftablesQos nft = new io.portpush.platform.nftables.NftablesQos();
        java.time.Duration t = ctx.options().commandTimeout();
        Optional<QosIntent> before = nft.read(ctx.ssh(), intent.name(), t);
        List<String> drift = before.map(intent::differences).orElse(List.of("policy " + intent.name() + " is missing"));
        Map<String, Object> data = new LinkedHashMap<>();
        if (ctx.options().mode() == RunOptions.Mode.VERIFY) {
            data.put("findings", drift);
            return drift.isEmpty() ? TaskResult.ok(intent.name() + ": no drift")
                    : new TaskResult(Status.FAILED, intent.name() + ": drift: " + String.join("; ", drift), data, "", List.of());
        }
        if (drift.isEmpty()) {
            return TaskResult.ok(intent.name() + ": the host already marks as intended");
        }
        String script = nft.render(intent, ctx.templates());
        List<String> lines = script.lines().filter(l -> !l.isBlank()).toList();
        String diff = UnifiedDiff.of(ctx.host() + "/qos/" + intent.name(), before.map(QosIntent::text).orElse(""), script);
        if (ctx.check()) {
            return TaskResult.changed(intent.name() + ": would apply one nft transaction (check mode: nothing sent)", data, diff, lines);
        }
        String path = io.portpush.core.history.HistoryStore.path(ctx.host(), "qos/" + intent.name());
        Optional<io.portpush.core.history.HistoryStore> history = ctx.optionalService(io.portpush.core.history.HistoryStore.class);
        history.ifPresent(h -> baseline(ctx, h, before, intent.name()));
        nft.apply(ctx.ssh(), script, t);
        Optional<QosIntent> read = nft.read(ctx.ssh(), intent.name(), t);
        List<String> after = read.map(intent::differences).orElse(List.of("policy missing"));
        if (!after.isEmpty()) {
            return new TaskResult(Status.FAILED, intent.name() + ": verify failed: " + String.join("; ", after), data, diff, lines);
        }
        history.ifPresent(h -> {
            h.stage(path, read.get().text());
            h.stage(path + ".json", QosJson.write(ctx.platform(), read.get()));
        });
        return TaskResult.changed(intent.name() + ": applied in one nft transaction and verified", data, diff, lines);
    }

    /** The state before portpush's first change to the policy becomes a revision one can roll back to. */
    private static void baseline(TaskContext ctx, io.portpush.core.history.HistoryStore h, Optional<QosIntent> before, String name) {
        h.baseline(io.portpush.core.history.HistoryStore.path(ctx.host(), "qos/" + name) + ".json",
                before.map(b -> QosJson.write(ctx.platform(), b)).orElse(QosJson.absent(ctx.platform(), name)),
                "baseline " + ctx.host() + " qos/" + name + ": the state found before portpush's first change",
                System.getProperty("user.name", "portpush"));
    }

    /**
     * {@code rollback --object qos/NAME}: the recorded policy through the same path as a forward
     * change; a revision that records "no policy" removes what the latest revision holds.
     */
    public static TaskResult rollback(TaskContext ctx, String name, String json) {
        Optional<io.portpush.core.platform.Platform> platform = Platforms.of(ctx.platform());
        QosDriver driver = platform.flatMap(io.portpush.core.platform.Platform::qos).orElse(null);
        boolean linux = platform.map(io.portpush.core.platform.Platform::exec).orElse(false);
        if (driver == null && !linux) {
            return TaskResult.failed("rollback of qos is not supported on platform " + ctx.platform());
        }
        if (!QosJson.isAbsent(json)) {
            QosIntent intent = QosJson.read(json);
            return linux ? linux(ctx, intent) : enforce(ctx, driver, intent);
        }
        if (linux) {
            return TaskResult.failed("qos/" + name + ": rolling a Linux host back to no policy is not built; remove the table with nft");
        }
        io.portpush.core.history.HistoryStore history = ctx.optionalService(io.portpush.core.history.HistoryStore.class).orElseThrow();
        String path = io.portpush.core.history.HistoryStore.path(ctx.host(), "qos/" + name);
        Optional<QosIntent> latest = history.log(path + ".json").stream().findFirst().flatMap(r -> history.read(r.id(), path + ".json"))
                .filter(j -> !QosJson.isAbsent(j)).map(QosJson::read);
        DeviceSession s = ctx.session();
        List<String> classNames = latest.map(l -> l.classes().stream().map(QosIntent.QosClass::name).toList()).orElse(List.of());
        Optional<QosIntent> now = latest.isEmpty() ? Optional.empty() : driver.read(s, name, classNames);
        if (now.isEmpty()) {
            return TaskResult.ok(name + ": the device has no such policy, as the revision records");
        }
        List<String> lines = driver.removal(latest.get());
        String diff = UnifiedDiff.of(ctx.host() + "/qos/" + name, now.get().text(), "");
        if (ctx.check()) {
            return TaskResult.changed(name + ": would remove the policy (" + lines.size() + " lines; check mode: nothing sent)", Map.of(),
                    diff, lines);
        }
        s.preflight(lines);
        try {
            s.enterConfig();
            for (String l : lines) {
                s.config(l);
            }
            for (String c : s.dialect().commit("portpush rollback qos " + name)) {
                s.config(c);
            }
            s.exitConfig();
        } catch (DeviceCommandException | TransportException e) {
            return TaskResult.failed(name + ": " + e.getMessage() + "; " + restore(ctx, driver, latest.get(), now, classNames));
        }
        if (driver.read(s, name, classNames).isPresent()) {
            return TaskResult.failed(name + ": the policy is still on the device after its removal; " + restore(ctx, driver, latest.get(), now,
                    classNames));
        }
        history.stage(path, "");
        history.stage(path + ".json", QosJson.absent(ctx.platform(), name));
        return TaskResult.changed(name + ": removed, as before portpush created it (verified)", Map.of(), diff, lines);
    }

    private static final Set<String> KEYS = Set.of("name", "bind", "classes", "roles", "force");

    @Override
    public void validate(TaskContext ctx, Object raw) {
        intent(ctx, ModuleArgs.of(ctx, raw, null, KEYS));
    }

    /** The marking intent of the task's arguments (catalogue, roles), without connecting. */
    @SuppressWarnings("unchecked")
    private static QosIntent intent(TaskContext ctx, ModuleArgs a) {
        String name = a.required("name");
        Map<String, AddressSet> roles = io.portpush.modules.acl.RoleBindings.read(ctx, a);
        List<QosIntent.QosClass> classes = new ArrayList<>();
        List<Object> rawClasses = a.list("classes");
        if (rawClasses.isEmpty()) {
            throw a.error("classes", "give at least one class: {name: IMP-SIGNALLING, match: [sip-proxy], dscp: cs3}");
        }
        for (int i = 0; i < rawClasses.size(); i++) {
            if (!(rawClasses.get(i) instanceof Map<?, ?> cm) || !cm.containsKey("name") || !cm.containsKey("match") || !cm.containsKey("dscp")) {
                throw a.error("classes[" + i + "]", "a class is {name: NAME, match: [catalogue refs], dscp: cs3}");
            }
            String dscp = String.valueOf(cm.get("dscp")).toLowerCase(Locale.ROOT);
            if (!DSCP.contains(dscp) && !dscp.matches("\\d{1,2}")) {
                throw a.error("classes[" + i + "].dscp", "'" + dscp + "' is not a DSCP name (ef, af11..af43, cs0..cs7, default) or 0..63");
            }
            Object match = cm.get("match");
            List<String> refs = (match instanceof List<?> l ? l : List.of(match)).stream().map(String::valueOf).toList();
            AclSpec spec = new AclSpec("QOS-" + cm.get("name"), List.of(new AclSpec.Rule(Action.PERMIT, refs, null, false, null, null)),
                    List.of(), Action.DENY, false, AclSpec.ReturnTraffic.NONE, a.bool("force", false), Map.of());
            AclIntent acl;
            try {
                acl = new AclIntentBuilder(ctx.service(Catalogue.class), roles).build(spec, true);
            } catch (IntentException | io.portpush.core.error.NotFoundException e) {
                throw a.error("classes[" + i + "].match", e.getMessage());
            }
            List<AclEntry> matches = acl.entries().subList(0, acl.entries().size() - 1); // no default in a class
            classes.add(new QosIntent.QosClass(String.valueOf(cm.get("name")), matches, dscp));
        }
        List<Binding> bindings = new ArrayList<>();
        List<Object> rawBind = a.list("bind");
        for (int i = 0; i < rawBind.size(); i++) {
            if (!(rawBind.get(i) instanceof Map<?, ?> m) || !m.containsKey("interface")) {
                throw a.error("bind[" + i + "]", "each binding is {interface: NAME, direction: in|out}");
            }
            Map<String, Object> bm = (Map<String, Object>) rawBind.get(i);
            bindings.add(new Binding(String.valueOf(bm.get("interface")), "in".equals(String.valueOf(bm.getOrDefault("direction", "out")))
                    ? Binding.Direction.IN : Binding.Direction.OUT));
        }
        return new QosIntent(name, classes, bindings, "");
    }

    @Override
    public TaskResult run(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, null, KEYS);
        Optional<io.portpush.core.platform.Platform> platform = Platforms.of(ctx.platform());
        QosDriver driver = platform.flatMap(io.portpush.core.platform.Platform::qos).orElse(null);
        // a Linux host marks with nftables over its exec channel
        boolean linux = platform.map(io.portpush.core.platform.Platform::exec).orElse(false);
        if (driver == null && !linux) {
            String why = platform.map(p -> p.capabilities().noQos()).filter(w -> !w.isEmpty()).orElse("portpush has no QoS driver for it");
            return TaskResult.failed("qos: DSCP marking is not supported on platform " + ctx.platform() + " (" + why + ")");
        }
        QosIntent intent = intent(ctx, a);
        if (ctx.options().mode() == RunOptions.Mode.LINT) {
            // lint never connects
            return TaskResult.ok(intent.name() + ": " + intent.classes().size() + " classes, no finding");
        }
        return linux ? linux(ctx, intent) : enforce(ctx, driver, intent);
    }

    /**
     * Makes the device mark as {@code intent} says: read, plan, apply with the platform's commit,
     * verify, confirm, record in history (baseline first); restore on any failure. Shared by
     * {@code qos} and {@code rollback --object qos/NAME}.
     */
    static TaskResult enforce(TaskContext ctx, QosDriver driver, QosIntent intent) {
        String name = intent.name();
        List<QosIntent.QosClass> classes = intent.classes();
        DeviceSession s = ctx.session();
        List<String> classNames = classes.stream().map(QosIntent.QosClass::name).toList();
        Optional<QosIntent> before = driver.read(s, name, classNames);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("classes", classNames);
        if (ctx.options().mode() == RunOptions.Mode.VERIFY) {
            List<String> drift = before.map(intent::differences).orElse(List.of("policy " + name + " is missing"));
            if (drift.isEmpty()) {
                return TaskResult.ok(name + ": no drift", data);
            }
            data.put("findings", drift);
            return new TaskResult(Status.FAILED, name + ": drift: " + String.join("; ", drift), data, "", List.of());
        }
        List<String> plan = driver.plan(before, intent, ctx.templates());
        if (plan.isEmpty()) {
            return TaskResult.ok(name + ": the device already marks as intended (" + classes.size() + " classes)", data);
        }
        s.preflight(plan);
        String diff = UnifiedDiff.of(ctx.host() + "/qos/" + name, before.map(QosIntent::text).orElse(""),
                driver.render(intent, ctx.templates()));
        if (ctx.check()) {
            return TaskResult.changed(name + ": would send " + plan.size() + " lines (check mode: nothing sent)", data, diff, plan);
        }
        String object = "qos/" + name;
        String path = io.portpush.core.history.HistoryStore.path(ctx.host(), object);
        Optional<io.portpush.core.history.Journal> journal = ctx.optionalService(io.portpush.core.history.Journal.class);
        Optional<io.portpush.core.history.HistoryStore> history = ctx.optionalService(io.portpush.core.history.HistoryStore.class);
        journal.ifPresent(j -> j.begin(ctx.host(), object, before.map(QosIntent::text).orElse("(no " + object + ")")));
        // the state before portpush's first change becomes a revision one can roll back to
        history.ifPresent(h -> baseline(ctx, h, before, name));
        try {
            s.enterConfig();
            for (String l : plan) {
                s.config(l);
            }
            for (String c : s.dialect().commitConfirmed(5, "portpush qos " + name)) {
                s.config(c);
            }
            s.exitConfig();
            Optional<QosIntent> after = driver.read(s, name, classNames);
            List<String> drift = after.map(intent::differences).orElse(List.of("policy " + name + " is missing"));
            if (!drift.isEmpty()) {
                return new TaskResult(Status.FAILED, name + ": verify failed: " + String.join("; ", drift) + "; "
                        + restore(ctx, driver, intent, before, classNames), data, diff, plan);
            }
            s.confirm("portpush qos " + name + " (verified)");
            data.put("verified", true);
            QosIntent now = after.get();
            history.ifPresent(h -> {
                h.stage(path, now.text());
                h.stage(path + ".json", QosJson.write(ctx.platform(), now));
            });
            journal.ifPresent(j -> j.end(ctx.host(), object));
            return TaskResult.changed(name + ": applied and verified (" + plan.size() + " lines)", data,
                    UnifiedDiff.of(ctx.host() + "/qos/" + name, before.map(QosIntent::text).orElse(""), after.get().text()), plan);
        } catch (DeviceCommandException | TransportException e) {
            return new TaskResult(Status.FAILED, name + ": " + e.getMessage() + "; " + restore(ctx, driver, intent, before, classNames),
                    data, diff, plan);
        }
    }
}

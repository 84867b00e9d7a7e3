package io.portpush.modules.qos;

import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.change.Enforcement;
import io.portpush.core.device.Commit;
import io.portpush.core.policy.HostQosDriver;
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
     * {@code rollback --object qos/NAME}: the recorded policy through the same path as a forward
     * change; a revision that records "no policy" removes what the latest revision holds.
     */
    public static TaskResult rollback(TaskContext ctx, String name, String json) {
        Optional<io.portpush.core.platform.Platform> platform = Platforms.of(ctx.platform());
        QosDriver driver = platform.flatMap(io.portpush.core.platform.Platform::qos).orElse(null);
        Optional<HostQosDriver> host = platform.flatMap(io.portpush.core.platform.Platform::hostQos);
        if (driver == null && host.isEmpty()) {
            return TaskResult.failed("rollback of qos is not supported on platform " + ctx.platform());
        }
        Commit commit = Commit.keep("portpush rollback qos/" + name);
        if (!QosJson.isAbsent(json)) {
            QosIntent intent = QosJson.read(json);
            return Enforcement.enforce(ctx, host.isPresent() ? new HostQosObject(host.get(), intent) : QosObject.of(driver, intent), commit,
                    Map.of());
        }
        if (host.isPresent()) {
            return TaskResult.failed("qos/" + name + ": rolling a Linux host back to no policy is not built; remove the table with nft");
        }
        // the policy did not exist before portpush created it: the latest revision says what to remove
        io.portpush.core.history.HistoryStore history = ctx.optionalService(io.portpush.core.history.HistoryStore.class).orElseThrow();
        String path = io.portpush.core.history.HistoryStore.path(ctx.host(), "qos/" + name);
        Optional<QosIntent> latest = history.log(path + ".json").stream().findFirst().flatMap(r -> history.read(r.id(), path + ".json"))
                .filter(j -> !QosJson.isAbsent(j)).map(QosJson::read);
        if (latest.isEmpty()) {
            return TaskResult.ok(name + ": the history records no policy to remove");
        }
        return Enforcement.enforce(ctx, new QosObject(driver, name, Optional.empty(), latest.get()), commit, Map.of());
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
        Optional<HostQosDriver> host = platform.flatMap(io.portpush.core.platform.Platform::hostQos);
        if (driver == null && host.isEmpty()) {
            String why = platform.map(p -> p.capabilities().noQos()).filter(w -> !w.isEmpty()).orElse("portpush has no QoS driver for it");
            return TaskResult.failed("qos: DSCP marking is not supported on platform " + ctx.platform() + " (" + why + ")");
        }
        QosIntent intent = intent(ctx, a);
        if (ctx.options().mode() == RunOptions.Mode.LINT) {
            // lint never connects
            return TaskResult.ok(intent.name() + ": " + intent.classes().size() + " classes, no finding");
        }
        io.portpush.core.change.Enforceable<QosIntent> policy = host.isPresent() ? new HostQosObject(host.get(), intent)
                : QosObject.of(driver, intent);
        Map<String, Object> data = Map.of("classes", intent.classes().stream().map(QosIntent.QosClass::name).toList());
        if (ctx.options().mode() == RunOptions.Mode.VERIFY) {
            return Enforcement.verify(ctx, policy, data);
        }
        return Enforcement.enforce(ctx, policy, io.portpush.core.change.ConfirmWindow.commit(
                ctx.optionalService(io.portpush.core.change.ConfirmWindow.class), 5, "portpush qos " + intent.name()), data);
    }
}

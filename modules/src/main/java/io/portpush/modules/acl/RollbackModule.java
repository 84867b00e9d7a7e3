package io.portpush.modules.acl;

import io.portpush.core.history.HistoryStore;
import io.portpush.core.policy.AclDriver;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AclJson;
import io.portpush.core.runner.ModuleArgs;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskModule;
import io.portpush.core.runner.TaskResult;
import io.portpush.platform.Platforms;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code rollback}: puts an object of a device back to a revision from history
 * ({@code to: previous}, or a revision id), through the same read / plan / apply / verify /
 * restore path as a forward change, so check mode and diffs work for it too; the rollback is
 * recorded as a new revision.
 */
public final class RollbackModule implements TaskModule {
    @Override
    public String name() {
        return "rollback";
    }

    @Override
    public boolean needsConnection() {
        return true;
    }

    @Override
    public void validate(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, null, Set.of("object", "to", "strategy"));
        a.required("object");
    }

    @Override
    public TaskResult run(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, null, Set.of("object", "to", "strategy"));
        String object = a.required("object");
        if (!object.matches("(acl|qos)/[A-Za-z][A-Za-z0-9_.-]*")) {
            throw a.error("object", "object is acl/NAME or qos/NAME (the kinds portpush records)");
        }
        String to = a.string("to", "previous");
        HistoryStore history = ctx.optionalService(HistoryStore.class)
                .orElseThrow(() -> a.error("object", "rollback needs the history (run through 'portpush run' or 'portpush rollback')"));
        String path = HistoryStore.path(ctx.host(), object) + ".json";
        // previous: one step back from now, further with each rollback; baseline: as found before portpush's first change
        Optional<String> rev = switch (to) {
            case "previous" -> history.previousRevision(path).map(HistoryStore.Revision::id);
            case "baseline" -> history.baselineRevision(path).map(HistoryStore.Revision::id);
            default -> Optional.of(history.resolve(to));
        };
        Optional<String> json = rev.flatMap(r -> history.read(r, path));
        if (json.isEmpty()) {
            return TaskResult.failed("the history has no " + (to.equals("previous") ? "previous revision" : "revision " + to) + " of "
                    + object + " for " + ctx.host() + " (see 'portpush history " + ctx.host() + " --object " + object + "')");
        }
        TaskResult r = restore(ctx, a, object, json.get());
        if (r.status() == io.portpush.core.runner.Status.CHANGED) {
            // the next 'previous' steps back from the revision restored here
            history.annotate("restored " + path + " from " + rev.get());
        }
        return r;
    }

    private static TaskResult restore(TaskContext ctx, ModuleArgs a, String object, String jsonText) {
        if (object.startsWith("qos/")) {
            return io.portpush.modules.qos.QosModule.rollback(ctx, object.substring(4), jsonText);
        }
        Optional<String> json = Optional.of(jsonText);
        String name = object.substring(4);
        io.portpush.core.policy.HostFirewallDriver host = Platforms.of(ctx.platform()).flatMap(io.portpush.core.platform.Platform::hostFirewall).orElse(null);
        if (host != null) {
            Optional<AclIntent> intent = AclJson.isAbsent(json.get()) ? Optional.empty() : Optional.of(AclJson.read(json.get(), true));
            return io.portpush.core.change.Enforcement.enforce(ctx, new HostFirewallObject(host, name, intent),
                    io.portpush.core.device.Commit.keep("portpush rollback " + name), java.util.Map.of());
        }
        AclDriver driver = Platforms.of(ctx.platform()).flatMap(io.portpush.core.platform.Platform::acl).orElse(null);
        if (driver == null) {
            return TaskResult.failed("rollback of acl is not supported on platform " + ctx.platform());
        }
        if (AclJson.isAbsent(json.get())) {
            // the ACL did not exist before portpush created it: going back means removing it
            return AclModule.remove(ctx, driver, name);
        }
        AclIntent intent = AclJson.read(json.get(), driver.stateful());
        return AclModule.enforce(ctx, driver, intent, List.of(), AclModule.strategy(ctx, a), 5);
    }
}

package io.portpush.modules.acl;

import io.portpush.core.runner.ModuleArgs;
import io.portpush.core.runner.RunOptions;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskModule;
import io.portpush.core.runner.TaskResult;
import io.portpush.modules.qos.QosModule;
import java.util.Set;

/**
 * {@code verify}: a read-only audit inside a play, {@code verify: {acl: {...}}} or
 * {@code verify: {qos: {...}}} with the same arguments as the policy task; the host fails with
 * the drift listed entry by entry, and nothing is ever sent to the device.
 */
public final class VerifyModule implements TaskModule {
    @Override
    public String name() {
        return "verify";
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
    public void validate(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, null, Set.of("acl", "qos"));
    }

    @Override
    public TaskResult run(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, null, Set.of("acl", "qos"));
        if (a.has("acl") == a.has("qos")) {
            throw a.error("acl", "verify takes exactly one of acl: or qos: with the policy's arguments");
        }
        TaskContext audit = ctx.withMode(RunOptions.Mode.VERIFY);
        return a.has("acl") ? new AclModule().run(audit, a.raw("acl")) : new QosModule().run(audit, a.raw("qos"));
    }
}

package io.portpush.modules.local;

import io.portpush.core.runner.ModuleArgs;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskModule;
import io.portpush.core.runner.TaskResult;
import java.util.Set;

/** {@code assert}: every expression of {@code that} must hold, or the host fails with {@code fail_msg}. */
public final class AssertModule implements TaskModule {
    @Override
    public String name() {
        return "assert";
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public TaskResult run(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, "that", Set.of("that", "fail_msg", "success_msg", "msg"));
        for (String cond : a.strings("that")) {
            if (!ctx.templates().condition(cond, ctx.vars(), a.where())) {
                return TaskResult.failed(a.string("fail_msg", a.string("msg", "Assertion failed: " + cond)));
            }
        }
        return TaskResult.ok(a.string("success_msg", "All assertions passed"));
    }
}

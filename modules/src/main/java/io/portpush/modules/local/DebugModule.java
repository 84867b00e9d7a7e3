package io.portpush.modules.local;

import io.portpush.core.runner.ModuleArgs;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskModule;
import io.portpush.core.runner.TaskResult;
import java.util.Map;
import java.util.Set;

/** {@code debug}: prints a message or a variable's value (secrets redacted). */
public final class DebugModule implements TaskModule {
    @Override
    public String name() {
        return "debug";
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public TaskResult run(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, "msg", Set.of("msg", "var"));
        if (a.has("var")) {
            String name = a.string("var", "");
            Object v = ctx.templates().evaluate(name, ctx.vars(), a.where());
            return TaskResult.ok(name + ": " + show(v), Map.of(name, v == null ? "" : v));
        }
        return TaskResult.ok(a.string("msg", "Hello world!"));
    }

    /** Lists and mappings as JSON (what Ansible's debug shows), not Java's toString. */
    static String show(Object v) {
        if (v instanceof Map<?, ?> || v instanceof java.util.List<?>) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(v);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return String.valueOf(v);
            }
        }
        return String.valueOf(v);
    }
}

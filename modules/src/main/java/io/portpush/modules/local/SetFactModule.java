package io.portpush.modules.local;

import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskModule;
import io.portpush.core.runner.TaskResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code set_fact}: sets host variables for the rest of the play (above play and task vars). */
public final class SetFactModule implements TaskModule {
    @Override
    public String name() {
        return "set_fact";
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public TaskResult run(TaskContext ctx, Object raw) {
        if (!(raw instanceof Map<?, ?> m) || m.isEmpty()) {
            return TaskResult.failed(ctx.task().where() + ": set_fact takes a mapping of names to values");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        m.forEach((k, v) -> facts.put(String.valueOf(k), v));
        return TaskResult.ok("set " + String.join(", ", facts.keySet()), facts);
    }
}

package io.portpush.modules.command;

import io.portpush.core.device.DeviceSession;
import io.portpush.core.runner.ModuleArgs;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskModule;
import io.portpush.core.runner.TaskResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code command}: runs show commands and registers their output ({@code stdout},
 * {@code stdout_lines}). Refuses configuration commands: those belong to {@code config}, which
 * knows how to apply and restore them.
 */
public final class CommandModule implements TaskModule {
    @Override
    public String name() {
        return "command";
    }

    @Override
    public boolean needsConnection() {
        return true;
    }

    @Override
    public void validate(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, "commands", Set.of("commands", "wait_for"));
        if (a.strings("commands").isEmpty()) {
            throw a.error("commands", "give at least one command");
        }
    }

    @Override
    public TaskResult run(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, "commands", Set.of("commands", "wait_for"));
        List<String> commands = a.strings("commands");
        if (commands.isEmpty()) {
            throw a.error("commands", "give at least one command");
        }
        for (String c : commands) {
            String w = c.strip().toLowerCase(java.util.Locale.ROOT);
            if (w.startsWith("conf") || w.startsWith("set ") || w.startsWith("delete ") || w.startsWith("commit")
                    || w.startsWith("wr") || w.startsWith("copy ") || w.startsWith("reload") || w.startsWith("request ")) {
                throw a.error("commands", "'" + c + "' changes the device; use the config module for changes");
            }
        }
        List<String> out = new ArrayList<>();
        if (io.portpush.platform.Platforms.of(ctx.platform()).map(io.portpush.core.platform.Platform::exec).orElse(false)) {
            for (String c : commands) {
                var r = ctx.ssh().exec(c, null, ctx.options().commandTimeout());
                if (r.status() != 0) {
                    return TaskResult.failed("'" + c + "' exited " + r.status() + ": " + r.stderr().strip());
                }
                out.add(r.stdout());
            }
        } else {
            DeviceSession s = ctx.session();
            for (String c : commands) {
                out.add(s.show(c));
            }
        }
        List<List<String>> lines = out.stream().map(o -> o.lines().toList()).toList();
        for (String cond : a.strings("wait_for")) {
            Map<String, Object> v = new LinkedHashMap<>(ctx.vars());
            v.put("result", out);
            if (!ctx.templates().condition(cond, v, a.where())) {
                return TaskResult.failed("wait_for condition not met: " + cond);
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stdout", out);
        data.put("stdout_lines", lines);
        // where a parser exists, the output also comes as data: parsed[i] for commands[i] (null when none)
        List<Object> parsed = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            parsed.add(io.portpush.platform.Platforms.parse(ctx.platform(), commands.get(i), out.get(i)).orElse(null));
        }
        data.put("parsed", parsed);
        return TaskResult.ok(commands.size() + " command" + (commands.size() == 1 ? "" : "s"), data);
    }
}

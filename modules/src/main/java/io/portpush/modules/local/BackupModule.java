package io.portpush.modules.local;

import io.portpush.core.device.DeviceSession;
import io.portpush.core.runner.ModuleArgs;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskModule;
import io.portpush.core.runner.TaskResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

/** {@code backup}: saves the device's running configuration to a local file (read-only on the device). */
public final class BackupModule implements TaskModule {
    @Override
    public String name() {
        return "backup";
    }

    @Override
    public boolean needsConnection() {
        return true;
    }

    @Override
    public TaskResult run(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw == null || raw instanceof Map<?, ?> m && m.isEmpty() ? Map.of() : raw, "dir",
                Set.of("dir", "filename"));
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
        Path dir = ctx.projectDir().resolve(a.string("dir", ctx.options().stateDir().resolve("backups").toString()));
        Path file = dir.resolve(a.string("filename", ctx.host() + "_" + stamp + ".cfg"));
        DeviceSession s = ctx.session();
        String running = ctx.redactor().redact(s.show(s.dialect().runningConfigCommand()));
        try {
            Files.createDirectories(dir);
            Files.writeString(file, running, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TaskResult.ok("saved " + running.lines().count() + " lines to " + file, Map.of("backup_path", file.toString()));
    }
}

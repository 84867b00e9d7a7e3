package io.portpush.modules.local;

import io.portpush.core.diff.UnifiedDiff;
import io.portpush.core.runner.ModuleArgs;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskModule;
import io.portpush.core.runner.TaskResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code template}: renders a template to a local file; changed only when the content differs. */
public final class TemplateModule implements TaskModule {
    @Override
    public String name() {
        return "template";
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public TaskResult run(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, null, Set.of("src", "dest"));
        String text = ctx.templates().render(ctx.templates().load(a.required("src")), ctx.vars(), a.where());
        Path dest = ctx.projectDir().resolve(a.required("dest"));
        try {
            String old = Files.exists(dest) ? Files.readString(dest, StandardCharsets.UTF_8) : "";
            if (old.equals(text)) {
                return TaskResult.ok(dest + " is up to date");
            }
            String diff = UnifiedDiff.of(dest.getFileName().toString(), old, text);
            if (!ctx.check()) {
                Files.createDirectories(dest.toAbsolutePath().getParent());
                Files.writeString(dest, text, StandardCharsets.UTF_8);
            }
            return TaskResult.changed((ctx.check() ? "would write " : "wrote ") + dest, Map.of("dest", dest.toString()), diff, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

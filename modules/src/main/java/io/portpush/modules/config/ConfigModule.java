package io.portpush.modules.config;

import io.portpush.core.device.DeviceCommandException;
import io.portpush.core.device.Commit;
import io.portpush.core.device.DeviceSession;
import io.portpush.core.device.Dialect;
import io.portpush.core.diff.UnifiedDiff;
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
 * {@code config}: pushes configuration lines (given, or rendered from a template) in config
 * mode, idempotently: lines the running configuration already holds are not sent, and nothing
 * is sent when it holds them all. Afterwards the running configuration is read again and every
 * line must be there. When the device refuses a line, the lines already sent are taken back
 * (Junos: the candidate is discarded; IOS/ASA: each applied line is negated, last first).
 */
public final class ConfigModule implements TaskModule {
    /** A line with the parent lines it lives under. */
    record Entry(List<String> parents, String line) {
    }

    @Override
    public String name() {
        return "config";
    }

    @Override
    public boolean needsConnection() {
        return true;
    }

    @Override
    public void validate(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, "lines", Set.of("lines", "parents", "src", "save", "comment"));
        if (a.has("src")) {
            ctx.templates().load(a.required("src"));
        } else if (a.strings("lines").isEmpty()) {
            throw a.error("lines", "give lines or src");
        }
        a.bool("save", false);
    }

    @Override
    public TaskResult run(TaskContext ctx, Object raw) {
        ModuleArgs a = ModuleArgs.of(ctx, raw, "lines", Set.of("lines", "parents", "src", "save", "comment"));
        List<Entry> wanted = new ArrayList<>();
        if (a.has("src")) {
            String text = ctx.templates().render(ctx.templates().load(a.required("src")), ctx.vars(), a.where());
            wanted.addAll(fromIndented(text));
        }
        List<String> parents = a.strings("parents");
        for (String l : a.strings("lines")) {
            wanted.add(new Entry(parents, l.strip()));
        }
        if (wanted.isEmpty()) {
            throw a.error("lines", "give lines or src");
        }
        DeviceSession s = ctx.session();
        Dialect d = s.dialect();
        String before = s.show(d.runningConfigCommand());
        List<Entry> missing = wanted.stream().filter(e -> !d.hasLine(before, e.parents(), e.line())).toList();
        if (missing.isEmpty()) {
            return TaskResult.ok("the running configuration already holds all " + wanted.size() + " lines");
        }
        List<String> commands = commands(missing);
        s.preflight(commands);
        String predicted = predict(before, missing);
        // the running configuration holds hashes and keys: a diff shows them masked in the platform's forms
        String diff = UnifiedDiff.of(ctx.host() + "/running-config", d.maskSecrets(before), d.maskSecrets(predicted));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("commands", commands);
        if (ctx.check()) {
            return TaskResult.changed("would send " + commands.size() + " lines (check mode: nothing sent)", data, diff, commands);
        }
        int mark = s.configSent().size();
        try {
            s.apply(commands, Commit.keep(a.string("comment", "portpush: " + ctx.task().title())));
        } catch (DeviceCommandException e) {
            // what the device took before it refused (the refused line is the last one sent)
            List<String> sent = s.configSent();
            List<String> applied = sent.subList(mark, Math.max(mark, sent.size() - 1)).stream().filter(commands::contains).toList();
            String undo = undo(s, d, applied);
            return new TaskResult(io.portpush.core.runner.Status.FAILED, e.getMessage() + "; " + undo, data, diff, applied);
        }
        String after = s.show(d.runningConfigCommand());
        List<Entry> absent = wanted.stream().filter(e -> !d.hasLine(after, e.parents(), e.line())).toList();
        if (!absent.isEmpty()) {
            // never saved: the startup configuration keeps the last state that was proven
            return new TaskResult(io.portpush.core.runner.Status.FAILED, "the device accepted the lines but its running configuration "
                    + "does not show: " + absent.stream().map(Entry::line).toList() + " (not saved)", data, diff, commands);
        }
        // saved only once the running configuration shows every line
        if (a.bool("save", false)) {
            for (String c : d.save()) {
                s.show(c);
            }
            data.put("saved", true);
        }
        return TaskResult.changed("sent " + commands.size() + " lines", data, UnifiedDiff.of(ctx.host() + "/running-config",
                d.maskSecrets(before), d.maskSecrets(after)), commands);
    }

    /** Takes back what was sent before a refusal; says what it did. */
    private static String undo(DeviceSession s, Dialect d, List<String> applied) {
        try {
            if (!d.discard().isEmpty()) {
                s.discard();
                return "the candidate configuration was discarded; the device is unchanged";
            }
            List<String> negations = new ArrayList<>();
            for (int i = applied.size() - 1; i >= 0; i--) {
                String c = applied.get(i);
                if (!c.startsWith(" ") && !isModeLine(c)) {
                    negations.add(c.startsWith("no ") ? c.substring(3) : "no " + c);
                }
            }
            for (String n : negations) {
                s.config(n);
            }
            s.exitConfig();
            return negations.isEmpty() ? "nothing had been applied" : "the " + negations.size() + " lines applied before it were taken back";
        } catch (RuntimeException e) {
            return "taking back the applied lines failed too (" + e.getMessage() + "): check the device";
        }
    }

    private static boolean isModeLine(String c) {
        return c.startsWith("interface ") || c.startsWith("ip access-list ") || c.startsWith("class-map ")
                || c.startsWith("policy-map ") || c.startsWith("object-group ");
    }

    /** Lines of an indented snippet, each with the lines above it that it is indented under. */
    static List<Entry> fromIndented(String text) {
        List<Entry> out = new ArrayList<>();
        List<String> stack = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        for (String raw : text.lines().toList()) {
            if (raw.isBlank() || raw.strip().equals("!")) {
                continue;
            }
            int ind = raw.length() - raw.stripLeading().length();
            while (!indents.isEmpty() && indents.get(indents.size() - 1) >= ind) {
                indents.remove(indents.size() - 1);
                stack.remove(stack.size() - 1);
            }
            out.add(new Entry(List.copyOf(stack), raw.strip()));
            stack.add(raw.strip());
            indents.add(ind);
        }
        return out;
    }

    /** The commands to send: each missing line after its parents (parents sent once per run of lines). */
    static List<String> commands(List<Entry> missing) {
        List<String> out = new ArrayList<>();
        List<String> current = List.of();
        for (Entry e : missing) {
            if (!e.parents().equals(current)) {
                if (!current.isEmpty() && !e.parents().isEmpty()) {
                    out.add("exit");
                }
                for (int i = 0; i < e.parents().size(); i++) {
                    out.add(" ".repeat(i) + e.parents().get(i));
                }
                current = e.parents();
            }
            out.add(" ".repeat(e.parents().size()) + e.line());
        }
        return out.stream().map(String::strip).toList();
    }

    /** The running configuration as it will read after the change (for the diff). */
    static String predict(String running, List<Entry> missing) {
        List<String> lines = new ArrayList<>(running.lines().toList());
        for (Entry e : missing) {
            int at = lines.size();
            int depth = 0;
            int from = 0;
            boolean found = true;
            for (String p : e.parents()) {
                int idx = -1;
                for (int i = from; i < lines.size(); i++) {
                    if (lines.get(i).strip().equals(p.strip())) {
                        idx = i;
                        break;
                    }
                }
                if (idx < 0) {
                    found = false;
                    break;
                }
                depth++;
                from = idx + 1;
            }
            if (found && !e.parents().isEmpty()) {
                at = from;
                while (at < lines.size() && lines.get(at).startsWith(" ".repeat(depth)) && !lines.get(at).isBlank()) {
                    at++;
                }
                lines.add(at, " ".repeat(depth) + e.line());
            } else {
                int end = lines.size();
                if (end > 0 && lines.get(end - 1).strip().equals("end")) {
                    end--;
                }
                List<String> block = new ArrayList<>();
                for (int i = 0; i < e.parents().size(); i++) {
                    block.add(" ".repeat(i) + e.parents().get(i));
                }
                block.add(" ".repeat(e.parents().size()) + e.line());
                lines.addAll(end, block);
            }
        }
        return String.join("\n", lines) + "\n";
    }
}

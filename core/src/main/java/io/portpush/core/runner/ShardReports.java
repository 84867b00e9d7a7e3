package io.portpush.core.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portpush.core.error.InputProblem;
import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.inventory.Shard;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON reports of a split run's shards ({@code run --shard K/N --report shard-K.json}) read
 * back and made into one report, as the run would have written it unsplit: every task's results
 * on every host, one recap, the warnings once each. What the shards cannot show together is an
 * error: a host in two reports, a check run beside a real one, shards of different splits; a
 * missing shard is a warning the merged report carries.
 */
public final class ShardReports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShardReports() {
    }

    /** One shard's report file, read. */
    public record Part(String file, RunReport report) {
    }

    /** Reads a JSON report that {@code portpush run --report FILE.json} (or {@code --json}) wrote. */
    public static Part read(String file, String text) {
        JsonNode doc;
        try {
            doc = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidInputException(List.of(new InputProblem(new SourceLocation(file, line, ""), "not JSON ("
                    + e.getOriginalMessage() + "); give the files portpush run --report FILE.json wrote")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (doc == null || !doc.isObject() || !doc.path("run_id").isTextual() || !doc.path("tasks").isArray() || !doc.path("recap").isObject()) {
            throw bad(file, "", "not a portpush run report (it needs run_id, tasks and recap)");
        }
        Shard shard = Shard.ALL;
        if (doc.has("shard")) {
            try {
                shard = Shard.parse(doc.path("shard").asText());
            } catch (IllegalArgumentException e) {
                throw bad(file, "shard", e.getMessage());
            }
        }
        Instant started;
        try {
            started = Instant.parse(doc.path("started").asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw bad(file, "started", "'" + doc.path("started").asText() + "' is not a time");
        }
        RunReport r = new RunReport(doc.path("run_id").asText(), doc.path("check").asBoolean(), shard, started);
        int ti = 0;
        for (JsonNode t : doc.path("tasks")) {
            Map<String, TaskResult> results = new LinkedHashMap<>();
            var hosts = t.path("hosts").fields();
            while (hosts.hasNext()) {
                var e = hosts.next();
                JsonNode h = e.getValue();
                Status status;
                try {
                    status = Status.valueOf(h.path("status").asText().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    throw bad(file, "tasks[" + ti + "].hosts." + e.getKey() + ".status", "'" + h.path("status").asText() + "' is no status");
                }
                List<String> commands = new ArrayList<>();
                h.path("commands").forEach(c -> commands.add(c.asText()));
                @SuppressWarnings("unchecked")
                Map<String, Object> data = h.has("data") ? JSON.convertValue(h.get("data"), Map.class) : Map.of();
                results.put(e.getKey(), new TaskResult(status, h.path("msg").asText(""), data, h.path("diff").asText(""), commands));
            }
            r.add(new RunReport.TaskRecord(t.path("play").asText(), t.path("task").asText(), t.path("where").asText(), results));
            ti++;
        }
        var recap = doc.path("recap").fields();
        while (recap.hasNext()) {
            var e = recap.next();
            RunReport.Counts c = new RunReport.Counts();
            JsonNode n = e.getValue();
            c.ok = n.path("ok").asInt();
            c.changed = n.path("changed").asInt();
            c.unreachable = n.path("unreachable").asInt();
            c.failed = n.path("failed").asInt();
            c.skipped = n.path("skipped").asInt();
            c.ignored = n.path("ignored").asInt();
            r.recap(e.getKey(), c);
            if (n.has("elapsed_ms")) {
                r.spent(e.getKey(), n.path("elapsed_ms").asLong() * 1_000_000L);
            }
        }
        doc.path("warnings").forEach(w -> r.warn(w.asText()));
        return new Part(file, r);
    }

    /**
     * The shards' reports as one.
     *
     * @param hostOrder hosts in the order to list them (the inventory's); hosts it does not name follow, by name
     */
    public static RunReport merge(List<Part> parts, List<String> hostOrder) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no report to merge");
        }
        List<InputProblem> problems = new ArrayList<>();
        boolean check = parts.get(0).report().check();
        int count = parts.get(0).report().shard().count();
        Map<Integer, String> seen = new LinkedHashMap<>();
        Map<String, String> hostFile = new LinkedHashMap<>();
        for (Part p : parts) {
            RunReport r = p.report();
            if (r.check() != check) {
                problems.add(problem(p.file(), "check", "a " + (r.check() ? "check" : "real") + " run beside " + (check ? "check" : "real")
                        + " runs in " + parts.get(0).file() + ": merge the reports of one run"));
            }
            if (r.shard().count() != count) {
                problems.add(problem(p.file(), "shard", "shard " + r.shard() + " beside shards of " + count + " in " + parts.get(0).file()
                        + ": merge the reports of one split"));
            } else if (seen.containsKey(r.shard().index()) && count > 1) {
                problems.add(problem(p.file(), "shard", "shard " + r.shard() + " again (also " + seen.get(r.shard().index()) + ")"));
            }
            seen.putIfAbsent(r.shard().index(), p.file());
            for (String h : r.recap().keySet()) {
                String before = hostFile.putIfAbsent(h, p.file());
                if (before != null) {
                    problems.add(problem(p.file(), "recap." + h, "host " + h + " is in " + before + " too: a host belongs to one shard "
                            + "(were both runs given the same N in --shard K/N?)"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Integer> rank = new LinkedHashMap<>();
        hostOrder.forEach(h -> rank.putIfAbsent(h, rank.size()));
        Comparator<String> order = Comparator.<String>comparingInt(h -> rank.getOrDefault(h, Integer.MAX_VALUE)).thenComparing(h -> h);
        Set<String> ids = new LinkedHashSet<>();
        parts.forEach(p -> ids.add(p.report().runId()));
        Instant started = parts.stream().map(p -> p.report().started()).min(Comparator.naturalOrder()).orElseThrow();
        RunReport merged = new RunReport(String.join("+", ids), check, Shard.ALL, started);
        // tasks in the order the shards ran them; a task only some shards ran still comes once
        Map<List<String>, Map<String, TaskResult>> tasks = new LinkedHashMap<>();
        for (Part p : parts) {
            for (RunReport.TaskRecord t : p.report().tasks()) {
                tasks.computeIfAbsent(List.of(t.play(), t.task(), t.where()), k -> new LinkedHashMap<>()).putAll(t.results());
            }
        }
        tasks.forEach((k, results) -> {
            Map<String, TaskResult> sorted = new LinkedHashMap<>();
            results.keySet().stream().sorted(order).forEach(h -> sorted.put(h, results.get(h)));
            merged.add(new RunReport.TaskRecord(k.get(0), k.get(1), k.get(2), sorted));
        });
        Map<String, RunReport.Counts> recap = new LinkedHashMap<>();
        parts.forEach(p -> recap.putAll(p.report().recap()));
        recap.keySet().stream().sorted(order).forEach(h -> merged.recap(h, recap.get(h)));
        parts.forEach(p -> p.report().elapsed().forEach((h, d) -> merged.spent(h, d.toNanos())));
        Set<String> warnings = new LinkedHashSet<>();
        parts.forEach(p -> warnings.addAll(p.report().warnings()));
        if (count > 1 && seen.size() < count) {
            List<String> missing = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                if (!seen.containsKey(k)) {
                    missing.add(k + "/" + count);
                }
            }
            warnings.add("this report covers " + seen.size() + " of " + count + " shards: no report of shard " + String.join(", ", missing));
        }
        warnings.forEach(merged::warn);
        return merged;
    }

    private static InputProblem problem(String file, String field, String message) {
        return new InputProblem(new SourceLocation(file, 0, field), message);
    }

    private static InvalidInputException bad(String file, String field, String message) {
        return new InvalidInputException(List.of(problem(file, field, message)));
    }
}

package io.portpush.core.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine-readable report of a run: every task on every host, the recap and warnings. */
public final class RunReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunReportJson() {
    }

    public static Map<String, Object> tree(RunReport r) {
        return tree(r, h -> Map.of());
    }

    /**
     * With {@code vars} (each host's variables), every task also lists its {@code groups}: the
     * hosts whose change is the same, as reviews show them ({@link io.portpush.core.review.ChangeGroups}).
     */
    public static Map<String, Object> tree(RunReport r, java.util.function.Function<String, Map<String, Object>> vars) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run_id", r.runId());
        doc.put("started", r.started().toString());
        doc.put("check", r.check());
        if (r.shard().count() > 1) {
            doc.put("shard", r.shard().toString());
        }
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (RunReport.TaskRecord t : r.tasks()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("play", t.play());
            tm.put("task", t.task());
            tm.put("where", t.where());
            Map<String, Object> hosts = new LinkedHashMap<>();
            t.results().forEach((h, res) -> {
                Map<String, Object> hm = new LinkedHashMap<>();
                hm.put("status", res.status().word());
                hm.put("changed", res.status() == Status.CHANGED);
                hm.put("msg", res.msg());
                if (!res.diff().isEmpty()) {
                    hm.put("diff", res.diff());
                }
                if (!res.commands().isEmpty()) {
                    hm.put("commands", res.commands());
                }
                if (!res.data().isEmpty()) {
                    hm.put("data", res.data());
                }
                hosts.put(h, hm);
            });
            tm.put("hosts", hosts);
            List<Map<String, Object>> groups = new ArrayList<>();
            for (io.portpush.core.review.ChangeGroups.Group g : io.portpush.core.review.ChangeGroups.of(t.results(), vars)) {
                Map<String, Object> gm = new LinkedHashMap<>();
                gm.put("hosts", g.hosts());
                gm.put("status", g.status().word());
                gm.put("diff", g.diff());
                gm.put("commands", g.commands());
                gm.put("meaning", g.meaning());
                groups.add(gm);
            }
            tm.put("groups", groups);
            tasks.add(tm);
        }
        doc.put("tasks", tasks);
        Map<String, Object> recap = new LinkedHashMap<>();
        Map<String, java.time.Duration> elapsed = r.elapsed();
        r.recap().forEach((h, c) -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("ok", c.ok);
            cm.put("changed", c.changed);
            cm.put("unreachable", c.unreachable);
            cm.put("failed", c.failed);
            cm.put("skipped", c.skipped);
            cm.put("ignored", c.ignored);
            if (elapsed.containsKey(h)) {
                cm.put("elapsed_ms", elapsed.get(h).toMillis());
            }
            recap.put(h, cm);
        });
        doc.put("recap", recap);
        doc.put("warnings", r.warnings());
        doc.put("exit_code", r.exitCode());
        return doc;
    }

    public static String write(RunReport r, Redactor redactor) {
        return write(r, redactor, h -> Map.of());
    }

    public static String write(RunReport r, Redactor redactor, java.util.function.Function<String, Map<String, Object>> vars) {
        try {
            return redactor.redact(JSON.writeValueAsString(tree(r, vars))) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

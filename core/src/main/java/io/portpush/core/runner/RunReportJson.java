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
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run_id", r.runId());
        doc.put("started", r.started().toString());
        doc.put("check", r.check());
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
            tasks.add(tm);
        }
        doc.put("tasks", tasks);
        Map<String, Object> recap = new LinkedHashMap<>();
        r.recap().forEach((h, c) -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("ok", c.ok);
            cm.put("changed", c.changed);
            cm.put("unreachable", c.unreachable);
            cm.put("failed", c.failed);
            cm.put("skipped", c.skipped);
            cm.put("ignored", c.ignored);
            recap.put(h, cm);
        });
        doc.put("recap", recap);
        doc.put("warnings", r.warnings());
        doc.put("exit_code", r.exitCode());
        return doc;
    }

    public static String write(RunReport r, Redactor redactor) {
        try {
            return redactor.redact(JSON.writeValueAsString(tree(r))) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

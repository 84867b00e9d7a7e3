package io.portpush.cli.run;

import io.portpush.core.runner.Redactor;
import io.portpush.core.runner.RunReport;
import io.portpush.core.runner.Status;
import io.portpush.core.runner.TaskResult;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page for a change review board: the run's summary, a table of hosts
 * with a filter box, the changes grouped, each device's diffs in colour, the catalogue reachability of an audit, the commands that were (or would be) sent, lint findings, and the hosts that
 * could not be reached. No external files (one inline script for the filter, the page reads
 * without it); secrets redacted.
 */
final class HtmlReport {
    private HtmlReport() {
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String write(RunReport report, Redactor redactor, String title) {
        return write(report, redactor, title, h -> Map.of(), null);
    }

    /** Hosts named inline before the rest of a long list is folded. */
    static final int NAMED = 10;

    /** Past this many hosts a host that shares its group's change shows the group's text, not its own again. */
    static final int SCALE = 50;

    private static void hostLinks(StringBuilder h, List<String> hosts) {
        hosts.subList(0, Math.min(NAMED, hosts.size())).forEach(x -> h.append("<a href=\"#host-").append(esc(x)).append("\">").append(esc(x)).append("</a> "));
        if (hosts.size() > NAMED) {
            h.append("<details class=\"more\"><summary>and ").append(hosts.size() - NAMED).append(" more</summary>");
            hosts.subList(NAMED, hosts.size()).forEach(x -> h.append("<a href=\"#host-").append(esc(x)).append("\">").append(esc(x)).append("</a> "));
            h.append("</details>");
        }
    }

    private static String title(RunReport.TaskRecord t) {
        return t.play().isEmpty() ? esc(t.task()) : esc(t.play()) + " / " + esc(t.task());
    }

    /** The line diff in colour, escaped. */
    private static void diff(StringBuilder h, String diff) {
        h.append("<pre class=\"diff\">");
        for (String line : diff.lines().toList()) {
            String c = line.startsWith("+") && !line.startsWith("+++") ? "add" : line.startsWith("-") && !line.startsWith("---")
                    ? "del" : line.startsWith("@@") ? "hunk" : "";
            h.append(c.isEmpty() ? esc(line) : "<span class=\"" + c + "\">" + esc(line) + "</span>").append('\n');
        }
        h.append("</pre>\n");
    }

    private static void meaning(StringBuilder h, List<?> meaning, Redactor redactor) {
        h.append("<p>Meaning:</p>\n<ul class=\"meaning\">");
        meaning.forEach(m -> {
            String text = String.valueOf(m);
            // opens and closes stand out before anyone reads a line of the diff
            String way = text.matches("(?s)(.*: )?(opens|may open)\\b.*") ? " class=\"opens\""
                    : text.matches("(?s)(.*: )?(closes|may close)\\b.*") ? " class=\"closes\"" : "";
            h.append("<li").append(way).append(">").append(esc(redactor.redact(text))).append("</li>");
        });
        h.append("</ul>\n");
    }

    /**
     * With {@code vars} (each host's variables) the page opens with the changes grouped: hosts
     * whose change is the same once their own values are named are one group, the hosts that
     * differ first, each group's meaning shown and its diff and commands folded ({@code details}),
     * each host linked to its own section below.
     */
    static String write(RunReport report, Redactor redactor, String title, java.util.function.Function<String, Map<String, Object>> vars,
                        String summaryLine) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}pre{background:#f6f8fa;padding:8px;overflow-x:auto}")
                .append(".add{color:#116329;background:#dafbe1}.del{color:#82071e;background:#ffebe9}.hunk{color:#6639ba}")
                .append(".meaning li{padding-left:6px;margin:2px 0}.meaning li.opens{border-left:8px solid #1f883d}")
                .append(".meaning li.closes{border-left:8px solid #d1242f}")
                .append(".ok{color:#116329}.changed{color:#9a6700}.failed,.unreachable{color:#cf222e;font-weight:bold}.skipped{color:#57606a}")
                .append("\n</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p>Run <code>").append(esc(report.runId())).append("</code>, started ").append(esc(report.started().toString()))
                .append(report.check() ? ", <strong>check mode: nothing was sent to any device</strong>" : "").append(".</p>\n");
        if (summaryLine != null) {
            h.append("<p id=\"summary\"><strong>").append(esc(redactor.redact(summaryLine))).append("</strong></p>\n");
        }
        // the totals first: at 1,000 hosts a row per host is not the first thing a board reads
        Map<String, Integer> totals = new java.util.LinkedHashMap<>();
        for (String w : List.of("changed", "ok", "failed", "unreachable", "skipped")) {
            totals.put(w, 0);
        }
        report.recap().values().forEach(c -> totals.merge(c.unreachable > 0 ? "unreachable" : c.failed > 0 ? "failed" : c.changed > 0 ? "changed"
                : c.ok > 0 ? "ok" : "skipped", 1, Integer::sum));
        // the paste line says the totals; without it, a table does (the meaning stays on the first screen either way)
        if (summaryLine == null) {
            h.append("<table id=\"totals\"><tr><th>hosts</th>");
            totals.keySet().forEach(w -> h.append("<th class=\"").append(w).append("\">").append(w).append("</th>"));
            h.append("</tr>\n<tr><td>").append(report.recap().size()).append("</td>");
            totals.values().forEach(n -> h.append("<td>").append(n).append("</td>"));
            h.append("</tr></table>\n");
        }
        List<String> unreachable = report.recap().entrySet().stream().filter(e -> e.getValue().unreachable > 0).map(Map.Entry::getKey).toList();
        if (!unreachable.isEmpty()) {
            h.append("<p>Unreachable hosts: <span id=\"unreachable\">");
            hostLinks(h, unreachable);
            h.append("</span></p>\n");
        }
        for (String w : report.warnings()) {
            h.append("<p class=\"failed\">warning: ").append(esc(redactor.redact(w))).append("</p>\n");
        }
        // every task's groups, numbered once: the host table links to them, the sections below use them
        // a list, not a map: two runs of one task with the same results are still two tasks
        List<Map.Entry<RunReport.TaskRecord, List<io.portpush.core.review.ChangeGroups.Group>>> grouped = report.tasks().stream()
                .map(t -> Map.entry(t, io.portpush.core.review.ChangeGroups.of(t.results(), vars))).toList();
        // every group on one line, so that the first screen holds the whole review, however many hosts (one group needs no index)
        int groupCount = grouped.stream().mapToInt(e -> e.getValue().size()).sum();
        if (groupCount > 1) {
            h.append("<table id=\"overview\"><tr><th>group</th><th>task</th><th>status</th><th>hosts</th><th>change</th><th>first hosts</th></tr>\n");
            int number = 0;
            for (Map.Entry<RunReport.TaskRecord, List<io.portpush.core.review.ChangeGroups.Group>> e : grouped) {
                for (io.portpush.core.review.ChangeGroups.Group g : e.getValue()) {
                    number++;
                    List<String> first = g.hosts().subList(0, Math.min(3, g.hosts().size()));
                    h.append("<tr><td><a href=\"#group-").append(number).append("\">group ").append(number).append("</a></td><td>").append(esc(e.getKey().task()))
                            .append("</td><td class=\"").append(g.status().word()).append("\">").append(g.status().word()).append("</td><td>")
                            .append(g.hosts().size()).append("</td><td>").append(esc(redactor.redact(g.facts().isEmpty() ? g.message() : g.facts().get(0))))
                            .append("</td><td>").append(esc(String.join(", ", first))).append(g.hosts().size() > first.size() ? ", ..." : "")
                            .append("</td></tr>\n");
                }
            }
            h.append("</table>\n");
        }
        h.append("<p><input id=\"filter\" type=\"search\" placeholder=\"filter: host, status or group\" size=\"40\"></p>\n");
        h.append("<h2>Changes, grouped</h2>\n");
        int k = 0;
        for (Map.Entry<RunReport.TaskRecord, List<io.portpush.core.review.ChangeGroups.Group>> e : grouped) {
            RunReport.TaskRecord t = e.getKey();
            List<io.portpush.core.review.ChangeGroups.Group> groups = e.getValue();
            if (groups.isEmpty()) {
                continue;
            }
            h.append("<h3>").append(title(t)).append("</h3>\n");
            for (io.portpush.core.review.ChangeGroups.Group g : groups) {
                String cls = g.status().word();
                h.append("<div class=\"group\" id=\"group-").append(++k).append("\"><h4>group ").append(k).append(": <span class=\"").append(cls).append("\">").append(g.hosts().size())
                        .append(g.hosts().size() == 1 ? " host" : " hosts").append(", ").append(cls).append("</span>: ");
                hostLinks(h, g.hosts());
                h.append("</h4>\n<p>").append(esc(redactor.redact(g.message()))).append("</p>\n");
                if (!g.facts().isEmpty()) {
                    h.append("<ul class=\"facts\">");
                    g.facts().forEach(f -> h.append("<li>").append(esc(redactor.redact(f))).append("</li>"));
                    h.append("</ul>\n");
                }
                if (!g.meaning().isEmpty()) {
                    meaning(h, g.meaning(), redactor);
                }
                if (!g.diff().isEmpty() || !g.commands().isEmpty()) {
                    h.append("<details><summary>diff and commands</summary>\n");
                    if (!g.diff().isEmpty()) {
                        diff(h, redactor.redact(g.diff()));
                    }
                    if (!g.commands().isEmpty()) {
                        h.append("<pre class=\"commands\">");
                        g.commands().forEach(c -> h.append(esc(redactor.redact(c))).append('\n'));
                        h.append("</pre>\n");
                    }
                    h.append("</details>\n");
                }
                h.append("</div>\n");
            }
        }
        // the meaning comes first on the page; the table of every host (long at scale) after the groups
        h.append("<h2>Hosts</h2>\n<table id=\"hosts\"><tr><th>host</th><th>task</th><th>status</th><th>group</th></tr>\n");
        int n = 0;
        // per task, each host's group number and its group (hosts in sync have none)
        List<Map<String, Map.Entry<Integer, io.portpush.core.review.ChangeGroups.Group>>> groupOf = new java.util.ArrayList<>();
        for (Map.Entry<RunReport.TaskRecord, List<io.portpush.core.review.ChangeGroups.Group>> e : grouped) {
            Map<String, Map.Entry<Integer, io.portpush.core.review.ChangeGroups.Group>> of = new java.util.HashMap<>();
            for (io.portpush.core.review.ChangeGroups.Group g : e.getValue()) {
                n++;
                for (String x : g.hosts()) {
                    of.put(x, Map.entry(n, g));
                }
            }
            groupOf.add(of);
            for (Map.Entry<String, TaskResult> r : e.getKey().results().entrySet()) {
                String x = r.getKey();
                Map.Entry<Integer, io.portpush.core.review.ChangeGroups.Group> g = of.get(x);
                String word = r.getValue().status().word();
                h.append("<tr class=\"row\"><td><a href=\"#host-").append(esc(x)).append("\">").append(esc(x)).append("</a></td><td>")
                        .append(esc(e.getKey().task())).append("</td><td class=\"").append(word).append("\">").append(word).append("</td><td>");
                if (g != null) {
                    h.append("<a href=\"#group-").append(g.getKey()).append("\">group ").append(g.getKey()).append(" (")
                            .append(g.getValue().hosts().size()).append(g.getValue().hosts().size() == 1 ? " host" : " hosts").append(")</a>");
                } else {
                    h.append("nothing to change");
                }
                h.append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
        // the filter: rows, groups and device sections whose text holds what is typed stay; the page works without it
        h.append("<script>document.getElementById('filter').addEventListener('input',function(){var q=this.value.toLowerCase();")
                .append("document.querySelectorAll('tr.row,div.group,div.host').forEach(function(e){")
                .append("e.style.display=!q||e.textContent.toLowerCase().indexOf(q)>=0?'':'none';});});</script>\n");
        h.append("<h2>Devices</h2>\n");
        boolean atScale = report.recap().size() > SCALE;
        java.util.Set<String> anchored = new java.util.HashSet<>();
        for (int ti = 0; ti < report.tasks().size(); ti++) {
            RunReport.TaskRecord t = report.tasks().get(ti);
            h.append("<h3>").append(title(t)).append("</h3>\n");
            for (Map.Entry<String, TaskResult> e : t.results().entrySet()) {
                TaskResult r = e.getValue();
                String cls = r.status().word();
                // one anchor per host: its first task's section
                String id = anchored.add(e.getKey()) ? " id=\"host-" + esc(e.getKey()) + "\"" : "";
                h.append("<div class=\"host\"").append(id).append(" data-host=\"").append(esc(e.getKey())).append("\"><h4>").append(esc(e.getKey()))
                        .append(": <span class=\"").append(cls).append("\">").append(cls).append("</span></h4>\n");
                h.append("<p>").append(esc(redactor.redact(r.msg()))).append("</p>\n");
                Map.Entry<Integer, io.portpush.core.review.ChangeGroups.Group> g = groupOf.get(ti).get(e.getKey());
                if (g != null && g.getValue().hosts().size() > 1) {
                    Map<String, String> values = g.getValue().values().getOrDefault(e.getKey(), Map.of());
                    h.append("<p>Its change: <a href=\"#group-").append(g.getKey()).append("\">group ").append(g.getKey()).append("</a>, shared with ")
                            .append(g.getValue().hosts().size() - 1).append(g.getValue().hosts().size() == 2 ? " other host" : " other hosts");
                    if (!values.isEmpty()) {
                        h.append(", with this host's values: ");
                        h.append(esc(redactor.redact(String.join(", ", values.entrySet().stream().map(v -> v.getKey() + " = " + v.getValue()).toList()))));
                    }
                    h.append(".</p>\n");
                    if (atScale) {
                        h.append("</div>\n");
                        continue; // the group holds the text once; a thousand copies of it help nobody
                    }
                }
                if (r.data().get("meaning") instanceof List<?> meaning && !meaning.isEmpty()) {
                    meaning(h, meaning, redactor);
                }
                if (r.data().get("audit") instanceof List<?> audit && !audit.isEmpty()) {
                    h.append("<table class=\"audit\"><tr><th>flow</th><th>roles</th><th>path</th><th>intent</th><th>device</th>")
                            .append("<th>status</th><th>why</th></tr>\n");
                    for (Object o : audit) {
                        Map<?, ?> row = (Map<?, ?>) o;
                        String status = String.valueOf(row.get("status"));
                        if (status.equals("does not cross")) {
                            continue;
                        }
                        h.append("<tr><td>").append(esc(String.valueOf(row.get("flow")))).append("</td><td>")
                                .append(esc(String.valueOf(row.get("roles")))).append("</td><td>").append(esc(String.valueOf(row.get("path"))))
                                .append("</td><td>").append(esc(String.valueOf(row.get("intent")))).append("</td><td>")
                                .append(esc(String.valueOf(row.get("device")))).append("</td><td class=\"")
                                .append(Boolean.TRUE.equals(row.get("finding")) ? "failed" : status.equals("ok") ? "ok" : "skipped").append("\">")
                                .append(esc(status)).append("</td><td>").append(esc(redactor.redact(String.valueOf(row.get("example")))))
                                .append("</td></tr>\n");
                    }
                    h.append("</table>\n");
                }
                if (!r.diff().isEmpty() || !r.commands().isEmpty()) {
                    // folded: the group above showed it first; this is the host's own text, its values in place
                    h.append("<details><summary>this host's diff and commands</summary>\n");
                    if (!r.diff().isEmpty()) {
                        diff(h, redactor.redact(r.diff()));
                    }
                    if (!r.commands().isEmpty()) {
                        h.append("<p>").append(r.status() == Status.CHANGED && report.check() ? "Commands a real run would send:" : "Commands sent:")
                                .append("</p>\n<pre class=\"commands\">");
                        r.commands().forEach(c -> h.append(esc(redactor.redact(c))).append('\n'));
                        h.append("</pre>\n");
                    }
                    h.append("</details>\n");
                }
                for (String key : List.of("lint", "device_lint", "findings")) {
                    if (r.data().get(key) instanceof List<?> l && !l.isEmpty()) {
                        h.append("<p>").append(key.replace('_', ' ')).append(":</p>\n<ul class=\"lint\">");
                        l.forEach(x -> h.append("<li>").append(esc(redactor.redact(String.valueOf(x)))).append("</li>"));
                        h.append("</ul>\n");
                    }
                }
                h.append("</div>\n");
            }
        }
        h.append("<h2>Recap per host</h2>\n<table id=\"recap\"><tr><th>host</th><th>ok</th><th>changed</th><th>unreachable</th><th>failed</th>")
                .append("<th>skipped</th></tr>\n");
        report.recap().forEach((host, c) -> h.append("<tr class=\"row\"><td>").append(esc(host)).append("</td><td>").append(c.ok).append("</td><td>")
                .append(c.changed).append("</td><td>").append(c.unreachable).append("</td><td>").append(c.failed).append("</td><td>")
                .append(c.skipped).append("</td></tr>\n"));
        h.append("</table>\n");
        h.append("</body></html>\n");
        return h.toString();
    }
}

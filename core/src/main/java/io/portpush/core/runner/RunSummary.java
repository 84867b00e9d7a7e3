package io.portpush.core.runner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one line every run ends with, for pasting into a change ticket: hosts changed, ok, failed
 * and unreachable; how many distinct changes the changed hosts got (per task, the groups of
 * {@link io.portpush.core.review.ChangeGroups}: the same lines once each host's own name and
 * values are taken out); what was verified; where the report and the history revision are.
 */
public final class RunSummary {
    private RunSummary() {
    }

    /**
     * @param reports the report files written
     * @param revision the history revision the run recorded, if any
     */
    public static String line(RunReport report, List<String> reports, Optional<String> revision,
                              java.util.function.Function<String, Map<String, Object>> vars) {
        Map<String, Status> worst = new LinkedHashMap<>();
        report.recap().keySet().forEach(h -> worst.put(h, Status.OK));
        int distinct = 0;
        int verified = 0;
        for (RunReport.TaskRecord t : report.tasks()) {
            for (Map.Entry<String, TaskResult> e : t.results().entrySet()) {
                TaskResult r = e.getValue();
                worst.merge(e.getKey(), r.status(), RunSummary::worse);
                if (Boolean.TRUE.equals(r.data().get("verified"))) {
                    verified++;
                }
            }
            distinct += (int) io.portpush.core.review.ChangeGroups.of(t.results(), vars).stream().filter(g -> g.status() == Status.CHANGED).count();
        }
        long changed = worst.values().stream().filter(s -> s == Status.CHANGED).count();
        long failed = worst.values().stream().filter(s -> s == Status.FAILED).count();
        long unreachable = worst.values().stream().filter(s -> s == Status.UNREACHABLE).count();
        long ok = worst.size() - changed - failed - unreachable;
        StringBuilder sb = new StringBuilder("summary: ").append(worst.size()).append(worst.size() == 1 ? " host: " : " hosts: ")
                .append(changed).append(report.check() ? " would change, " : " changed, ").append(ok).append(" ok, ").append(failed)
                .append(" failed, ").append(unreachable).append(" unreachable");
        if (changed > 0) {
            sb.append("; ").append(distinct).append(distinct == 1 ? " distinct change" : " distinct changes");
        }
        if (!report.check()) {
            sb.append("; ").append(verified).append(verified == 1 ? " change verified from its device" : " changes verified from their devices");
        } else {
            sb.append("; check mode, nothing sent");
        }
        if (!reports.isEmpty()) {
            sb.append("; report ").append(String.join(", ", reports));
        }
        revision.ifPresent(r -> sb.append("; history revision ").append(r));
        sb.append("; run ").append(report.runId());
        return sb.toString();
    }

    private static Status worse(Status a, Status b) {
        List<Status> order = List.of(Status.SKIPPED, Status.OK, Status.CHANGED, Status.FAILED, Status.UNREACHABLE);
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }
}

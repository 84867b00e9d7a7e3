package io.portpush.core.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
    private static TaskResult changed(String host) {
        return new TaskResult(Status.CHANGED, "applied", Map.of("verified", true), "--- " + host + "/acl/EDGE",
                List.of("ip access-list extended EDGE", " remark " + host + " edge", " 10 permit tcp any any eq 5222"));
    }

    private static RunReport report(boolean check, Map<String, TaskResult> results) {
        RunReport r = new RunReport("20261202T000000Z-1", check);
        r.add(new RunReport.TaskRecord("play", "acl", "", results));
        results.forEach((h, res) -> r.count(h, res, false));
        return r;
    }

    @Test
    void hostsWithTheSameChangeButTheirNameCountOnceAndEveryOutcomeIsCounted() {
        Map<String, TaskResult> results = new LinkedHashMap<>();
        results.put("r1", changed("r1"));
        results.put("r2", changed("r2"));
        results.put("r3", new TaskResult(Status.CHANGED, "applied", Map.of("verified", true), "",
                List.of("ip access-list extended EDGE", " 10 permit tcp any any eq 5061")));
        results.put("fw1", new TaskResult(Status.FAILED, "refused", Map.of(), "", List.of()));
        results.put("mx1", new TaskResult(Status.UNREACHABLE, "timeout", Map.of(), "", List.of()));
        results.put("sw1", TaskResult.ok("in sync", Map.of()));
        String line = RunSummary.line(report(false, results), List.of("/tmp/review.html"), Optional.of("757b9b33d4"), h -> Map.of());
        assertThat(line).isEqualTo("summary: 6 hosts: 3 changed, 1 ok, 1 failed, 1 unreachable; 2 distinct changes; 3 changes verified "
                + "from their devices; report /tmp/review.html; history revision 757b9b33d4; run 20261202T000000Z-1");
    }

    @Test
    void checkModeSaysWouldChangeAndNothingSent() {
        Map<String, TaskResult> results = new LinkedHashMap<>();
        results.put("r1", new TaskResult(Status.CHANGED, "would send", Map.of(), "", List.of("x")));
        assertThat(RunSummary.line(report(true, results), List.of(), Optional.empty(), h -> Map.of()))
                .isEqualTo("summary: 1 host: 1 would change, 0 ok, 0 failed, 0 unreachable; 1 distinct change; check mode, nothing sent; "
                        + "run 20261202T000000Z-1");
    }
}

package io.portpush.core.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.error.InvalidInputException;
import io.portpush.core.inventory.Shard;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shard reports read back and merged: what the unsplit run would say, and refusals that name the file and field. */
class ShardReportsTest {
    private static RunReport shard(int k, int n, boolean check, String... hosts) {
        RunReport r = new RunReport("run-" + k, check, new Shard(k, n), Instant.parse("2026-12-03T10:0" + k + ":00Z"));
        Map<String, TaskResult> results = new java.util.LinkedHashMap<>();
        for (String h : hosts) {
            TaskResult t = h.startsWith("bad") ? TaskResult.failed("no prompt") : TaskResult.changed("acl EDGE", Map.of("verified", true),
                    "--- a\n+++ b\n+ permit tcp any any eq 5222\n", List.of("ip access-list extended EDGE", " permit tcp any any eq 5222"));
            results.put(h, t);
            r.count(h, t, false);
            r.spent(h, 1_500_000_000L + k);
        }
        r.add(new RunReport.TaskRecord("edge", "acl", "edge.yml:3", results));
        r.warn("same warning on every shard");
        return r;
    }

    private static ShardReports.Part roundTrip(String file, RunReport r) {
        return ShardReports.read(file, RunReportJson.write(r, new Redactor()));
    }

    @Test
    void mergedShardsReadAsOneRunInTheInventorysOrder() {
        RunReport merged = ShardReports.merge(List.of(roundTrip("s1.json", shard(1, 2, false, "r2", "bad4")),
                roundTrip("s0.json", shard(0, 2, false, "r3", "r1"))), List.of("r1", "r2", "r3", "bad4"));
        assertThat(merged.recap().keySet()).containsExactly("r1", "r2", "r3", "bad4");
        assertThat(merged.tasks()).hasSize(1);
        assertThat(merged.tasks().get(0).results().keySet()).containsExactly("r1", "r2", "r3", "bad4");
        assertThat(merged.tasks().get(0).results().get("r3").commands()).containsExactly("ip access-list extended EDGE",
                " permit tcp any any eq 5222");
        assertThat(merged.tasks().get(0).results().get("r3").data()).containsEntry("verified", true);
        assertThat(merged.warnings()).containsExactly("same warning on every shard");
        assertThat(merged.exitCode()).isEqualTo(2);
        assertThat(merged.started()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(merged.runId()).isEqualTo("run-1+run-0");
        assertThat(merged.shard()).isEqualTo(Shard.ALL);
        assertThat(merged.elapsed()).containsEntry("r2", java.time.Duration.ofMillis(1500)).hasSize(4);
        assertThat(RunReportJson.tree(merged)).doesNotContainKey("shard");
    }

    @Test
    void aMissingShardIsSaidAndHostsTheInventoryLacksComeLastByName() {
        RunReport merged = ShardReports.merge(List.of(roundTrip("s0.json", shard(0, 3, false, "zz", "r1"))), List.of("r1"));
        assertThat(merged.warnings()).contains("this report covers 1 of 3 shards: no report of shard 1/3, 2/3");
        assertThat(merged.recap().keySet()).containsExactly("r1", "zz");
    }

    @Test
    void reportsThatAreNotOneRunAreRefusedNamingFileAndField() {
        assertThatThrownBy(() -> ShardReports.merge(List.of(roundTrip("a.json", shard(0, 2, false, "r1")),
                roundTrip("b.json", shard(1, 2, true, "r1"))), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("b.json:?: check: a check run beside real runs in a.json")
                .hasMessageContaining("b.json:?: recap.r1: host r1 is in a.json too");
        assertThatThrownBy(() -> ShardReports.merge(List.of(roundTrip("a.json", shard(0, 2, false, "r1")),
                roundTrip("b.json", shard(0, 3, false, "r2"))), List.of()))
                .hasMessageContaining("b.json:?: shard: shard 0/3 beside shards of 2 in a.json");
        assertThatThrownBy(() -> ShardReports.read("x.json", "{\n  \"run_id\": \"a\",\n  \"tasks\": [ }"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("x.json:3").hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ShardReports.read("y.json", "{\"hosts\": []}")).hasMessageContaining("not a portpush run report");
        assertThatThrownBy(() -> ShardReports.read("z.json", "{\"run_id\":\"a\",\"started\":\"2026-12-03T10:00:00Z\",\"tasks\":[{\"hosts\":"
                + "{\"r1\":{\"status\":\"great\"}}}],\"recap\":{}}")).hasMessageContaining("z.json:?: tasks[0].hosts.r1.status: 'great' is no status");
    }
}

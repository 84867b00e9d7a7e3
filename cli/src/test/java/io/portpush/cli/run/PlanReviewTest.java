package io.portpush.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.change.PlanFile;
import io.portpush.core.change.PlannedChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan file holds the review grouped as a run's is, and keeps it through its content hash. */
class PlanReviewTest {
    @TempDir
    Path dir;

    private static PlannedChange change(String host, String iface, String extra) {
        String diff = "--- a/" + host + "/acl/EDGE\n+++ b/" + host + "/acl/EDGE\n+ip access-list extended EDGE\n" + extra
                + "+interface " + iface + "\n";
        return new PlannedChange(host, "acl/EDGE", "f".repeat(64), "", List.of("ip access-list extended EDGE", "interface " + iface), false,
                diff, List.of("opens tcp any -> any:5222"));
    }

    @Test
    void hostsWithTheSameChangeAreOneGroupInThePlanAndTheOneThatDiffersComesFirst() {
        List<PlannedChange> changes = List.of(change("r1", "Gi1", ""), change("r2", "Gi2", ""), change("r3", "Gi1", "+ permit ip host 192.0.2.9 any\n"));
        Map<String, Map<String, Object>> vars = Map.of("r1", Map.of("edge_if", "Gi1"), "r2", Map.of("edge_if", "Gi2"),
                "r3", Map.of("edge_if", "Gi1"));
        List<PlanFile.Group> groups = PlanCommands.review(changes, vars::get);
        assertThat(groups).extracting(PlanFile.Group::hosts).containsExactly(List.of("r3"), List.of("r1", "r2"));
        assertThat(groups.get(1).diff()).contains("+interface {{ edge_if }}").doesNotContain("Gi2");
        assertThat(groups.get(1).facts()).contains("2 lines added, 0 lines removed");

        Path file = dir.resolve("window.plan");
        new PlanFile("0.1.0", "2026-12-02T00:00:00Z", "neteng", new PlanFile.Run("p.yml", "inv", null, List.of(), List.of(), List.of()), changes,
                groups).write(file);
        PlanFile read = PlanFile.read(file);
        assertThat(read.groups()).isEqualTo(groups);
        assertThat(read.changes()).isEqualTo(changes);
    }

    @Test
    void aGroupEditedAfterThePlanWasWrittenIsRefusedLikeAnyOtherEdit() throws Exception {
        List<PlannedChange> changes = List.of(change("r1", "Gi1", ""), change("r2", "Gi1", ""));
        Path file = dir.resolve("window.plan");
        new PlanFile("0.1.0", "2026-12-02T00:00:00Z", "neteng", new PlanFile.Run("p.yml", "inv", null, List.of(), List.of(), List.of()), changes,
                PlanCommands.review(changes, h -> Map.of())).write(file);
        Files.writeString(file, Files.readString(file).replace("\"r2\" ]", "\"r2\", \"r9\" ]"));
        assertThat(Files.readString(file)).contains("\"r9\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlanFile.read(file)).hasMessageContaining("changed after it was written");
    }
}

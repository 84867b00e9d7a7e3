package io.portpush.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.error.NotFoundException;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history store on a real git repository: revisions, previous/baseline, scrubbing. */
class HistoryStoreTest {
    @TempDir
    Path dir;

    private static final String OBJ = "devices/r1/acl/EDGE";

    private String change(HistoryStore h, String text) {
        h.stage(OBJ, text);
        h.stage(OBJ + ".json", "{\"v\":\"" + text + "\"}");
        return h.commit("change to " + text, "tester").orElseThrow().id();
    }

    @Test
    void previousStepsBackOneRevisionMoreWithEachRollback() {
        try (HistoryStore h = HistoryStore.open(dir)) {
            h.baseline(OBJ + ".json", "{\"v\":\"base\"}", "baseline r1 acl/EDGE", "tester");
            String a = change(h, "A");
            String b = change(h, "B");
            change(h, "C");
            assertThat(h.previous(OBJ + ".json")).contains("{\"v\":\"B\"}");
            // a rollback to B, recorded as a rollback does
            h.annotate("restored " + OBJ + ".json from " + b);
            change(h, "B");
            assertThat(h.previousRevision(OBJ + ".json")).get().extracting(HistoryStore.Revision::id).isEqualTo(a);
            h.annotate("restored " + OBJ + ".json from " + a);
            change(h, "A");
            assertThat(h.previous(OBJ + ".json")).contains("{\"v\":\"base\"}");
            assertThat(h.baselineRevision(OBJ + ".json")).get().extracting(HistoryStore.Revision::subject)
                    .isEqualTo("baseline r1 acl/EDGE");
            assertThat(h.log(OBJ).get(0).message()).contains("restored " + OBJ + ".json from " + a);
        }
    }

    @Test
    void anObjectsLogIncludesItsBaselineAndCountsItsOwnFiles() {
        try (HistoryStore h = HistoryStore.open(dir)) {
            h.baseline(OBJ + ".json", "{}", "baseline r1 acl/EDGE", "tester");
            h.stage(OBJ, "x");
            h.stage(OBJ + ".json", "{\"v\":1}");
            h.stage("devices/r1/backup/running-config", "hostname r1");
            h.stage("devices/r2/acl/EDGE", "y");
            h.commit("batch", "tester");
            List<HistoryStore.Revision> obj = h.log(OBJ);
            assertThat(obj).extracting(HistoryStore.Revision::subject).containsExactly("batch", "baseline r1 acl/EDGE");
            assertThat(obj.get(0).files()).containsExactlyInAnyOrder(OBJ, OBJ + ".json");
            assertThat(h.log("devices/r1").get(0).files()).hasSize(3);
            assertThat(h.log(null).get(0).files()).hasSize(4);
        }
    }

    @Test
    void nothingStagedOrNothingChangedMakesNoRevision() {
        try (HistoryStore h = HistoryStore.open(dir)) {
            assertThat(h.commit("empty", "tester")).isEmpty();
            change(h, "A");
            h.stage(OBJ, "A");
            h.stage(OBJ + ".json", "{\"v\":\"A\"}");
            assertThat(h.commit("same again", "tester")).isEmpty();
            assertThat(h.log(null)).hasSize(1);
            assertThat(h.previous(OBJ + ".json")).isEmpty();
        }
    }

    @Test
    void everyFileAndMessageIsScrubbedBeforeItIsWritten() throws Exception {
        try (HistoryStore h = HistoryStore.open(dir, t -> t.replace("Zx81Pq", "********"))) {
            h.baseline(OBJ + ".json", "community Zx81Pq", "baseline with Zx81Pq", "tester");
            h.stage(OBJ, "snmp-server community Zx81Pq RO");
            h.annotate("note Zx81Pq");
            h.commit("change Zx81Pq", "tester");
            assertThat(h.read("HEAD", OBJ)).contains("snmp-server community ******** RO");
            try (Git git = Git.open(dir.toFile())) {
                git.log().call().forEach(c -> assertThat(c.getFullMessage()).doesNotContain("Zx81Pq").contains("********"));
            }
        }
    }

    @Test
    void anUnknownRevisionIsNotFound() {
        try (HistoryStore h = HistoryStore.open(dir)) {
            change(h, "A");
            Assertions.assertThatThrownBy(() -> h.resolve("deadbeef")).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("no revision 'deadbeef'");
            assertThat(h.resolve("HEAD")).hasSize(40);
        }
    }
}

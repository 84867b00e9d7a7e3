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

    @Test
    void aBaselineKeepsWhatWasStagedForTheNextCommit() {
        try (HistoryStore h = HistoryStore.open(dir)) {
            h.stage("devices/r1/backup/running-config", "hostname r1");
            assertThat(h.hasStaged()).isTrue();
            h.baseline(OBJ + ".json", "{}", "baseline r1 acl/EDGE", "tester");
            assertThat(h.log(null)).hasSize(1);
            assertThat(h.log(null).get(0).files()).containsExactly(OBJ + ".json");
            assertThat(h.hasStaged()).isTrue();
            h.commit("the change", "tester");
            assertThat(h.hasStaged()).isFalse();
            assertThat(h.read("HEAD", "devices/r1/backup/running-config")).contains("hostname r1");
            // a second baseline of the same file is not taken
            h.baseline(OBJ + ".json", "{\"other\":1}", "baseline again", "tester");
            assertThat(h.log(null)).hasSize(2);
            assertThat(h.read("HEAD", OBJ + ".json")).contains("{}");
            assertThat(h.dir()).isEqualTo(dir);
            assertThat(HistoryStore.path("r1", "acl/EDGE")).isEqualTo(OBJ);
        }
    }

    @Test
    void previousWithTwoRevisionsAndARollbackToTheOldest() {
        try (HistoryStore h = HistoryStore.open(dir)) {
            String a = change(h, "A");
            change(h, "B");
            assertThat(h.previousRevision(OBJ + ".json")).get().extracting(HistoryStore.Revision::id).isEqualTo(a);
            h.annotate("restored " + OBJ + ".json from " + a);
            change(h, "A");
            // the oldest revision was restored: there is nothing further back
            assertThat(h.previousRevision(OBJ + ".json")).isEmpty();
            h.annotate("restored devices/r2/acl/EDGE.json from " + a);
            change(h, "C");
            assertThat(h.previous(OBJ + ".json")).as("a note about another object does not count").contains("{\"v\":\"A\"}");
        }
    }

    @Test
    void diffBetweenRevisionsIsAUnifiedDiffLimitedToAPath() {
        try (HistoryStore h = HistoryStore.open(dir)) {
            change(h, "A");
            h.stage("devices/r2/acl/EDGE", "other");
            change(h, "B");
            String all = h.diff("HEAD~1", "HEAD", null);
            assertThat(all).contains("-A").contains("+B").contains("devices/r2/acl/EDGE");
            String one = h.diff("HEAD~1", "HEAD", OBJ);
            assertThat(one).contains("-A").contains("+B").doesNotContain("devices/r2");
        }
    }

    @Test
    void pushGoesToTheTeamRemoteOrSaysThereIsNone() throws Exception {
        Path bare = dir.resolve("team.git");
        try (Git g = Git.init().setBare(true).setDirectory(bare.toFile()).call()) {
            assertThat(g.getRepository().isBare()).isTrue();
        }
        try (HistoryStore h = HistoryStore.open(dir.resolve("h"))) {
            change(h, "A");
            assertThat(h.push()).isEqualTo("the history has no remote; nothing pushed");
            try (Git g = Git.open(dir.resolve("h").toFile())) {
                g.remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish(bare.toUri().toString())).call();
            }
            assertThat(h.push()).startsWith("history pushed to file:");
        }
        try (Git g = Git.open(bare.toFile())) {
            assertThat(g.log().all().call().iterator().next().getShortMessage()).isEqualTo("change to A");
        }
    }

    @Test
    void baselinesAskedAtOnceShareRevisionsAndEachIsCommittedBeforeItsCallerGoesOn() throws Exception {
        int hosts = 50;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(hosts);
        try (HistoryStore h = HistoryStore.open(dir)) {
            h.stage("devices/r0/acl/EDGE", "a change staged by another host: not part of any baseline");
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(hosts);
            List<java.util.concurrent.Future<Boolean>> done = new java.util.ArrayList<>();
            for (int i = 1; i <= hosts; i++) {
                String path = "devices/r" + i + "/acl/EDGE.json";
                done.add(pool.submit(() -> {
                    start.await();
                    h.baseline(path, "{\"host\":\"" + path + "\"}", "baseline " + path, "tester");
                    // committed before the caller goes on to change the device
                    return h.read("HEAD", path).isPresent();
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : done) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
            List<HistoryStore.Revision> revs = h.log(null);
            assertThat(revs.stream().mapToInt(r -> r.files().size()).sum()).isEqualTo(hosts);
            assertThat(revs.size()).as("revisions for 50 baselines asked at once").isLessThan(hosts);
            assertThat(revs).anySatisfy(r -> assertThat(r.subject()).startsWith("baseline of ").endsWith("objects: the state found before portpush's first change"));
            // the host's own staged change waits for its batch commit
            assertThat(h.read("HEAD", "devices/r0/acl/EDGE")).isEmpty();
            assertThat(h.hasStaged()).isTrue();
            // a second baseline of a recorded file is no new revision
            h.baseline("devices/r1/acl/EDGE.json", "{}", "again", "tester");
            assertThat(h.log(null)).hasSize(revs.size());
        } finally {
            pool.shutdownNow();
        }
        assertThat(git(dir, "fsck", "--strict")).doesNotContain("error");
    }

    private Path bare(String name) throws Exception {
        Path bare = dir.resolve(name);
        try (Git g = Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call()) {
            assertThat(g.getRepository().isBare()).isTrue();
        }
        return bare;
    }

    private static void record(HistoryStore h, String host, String text) {
        h.stage("devices/" + host + "/acl/EDGE", text);
        h.stage("devices/" + host + "/acl/EDGE.json", "{\"v\":\"" + text + "\"}");
        h.commit(host + " " + text, "tester").orElseThrow();
    }

    @Test
    void shardsPushingAtOnceToAnEmptyRemoteEndInOneLineWithEveryRevision() throws Exception {
        Path team = bare("team.git");
        int shards = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(shards);
        try {
            List<java.util.concurrent.Future<String>> pushed = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int s = 0; s < shards; s++) {
                int shard = s;
                pushed.add(pool.submit(() -> {
                    try (HistoryStore h = HistoryStore.open(dir.resolve("shard" + shard), t -> t)) {
                        h.remote(team.toUri().toString());
                        h.sync();
                        // each shard has its own root commit: the remote was empty when they started
                        for (int i = 0; i < 3; i++) {
                            record(h, "r" + shard + "-" + i, "A");
                        }
                        go.await();
                        return h.push();
                    }
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<String> f : pushed) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).startsWith("history pushed to file:");
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> subjects = new java.util.ArrayList<>();
        try (Git g = Git.open(team.toFile())) {
            g.log().call().forEach(c -> {
                subjects.add(c.getShortMessage());
                assertThat(c.getParentCount()).as("a line, no merges").isLessThanOrEqualTo(1);
            });
        }
        assertThat(subjects).hasSize(12);
        for (int s = 0; s < shards; s++) {
            for (int i = 0; i < 3; i++) {
                assertThat(subjects).contains("r" + s + "-" + i + " A");
            }
        }
        // any shard's history now reads the whole team's, and the repository is as git itself wants it
        Path reader = dir.resolve("reader");
        try (HistoryStore h = HistoryStore.open(reader)) {
            h.remote(team.toUri().toString());
            assertThat(h.sync()).startsWith("history up to date with file:");
            assertThat(h.read("HEAD", "devices/r3-2/acl/EDGE")).contains("A");
            assertThat(h.log("devices/r0-1/acl/EDGE")).hasSize(1);
        }
        assertThat(git(reader, "status", "--porcelain")).isEmpty();
        assertThat(git(team, "fsck", "--strict")).doesNotContain("error");
    }

    @Test
    void aRunFetchesTheTeamsRevisionsFirstAndAFailedPushIsSentNextTime() throws Exception {
        Path team = bare("team.git");
        try (HistoryStore a = HistoryStore.open(dir.resolve("a"))) {
            a.remote(team.toUri().toString());
            record(a, "r1", "A");
            assertThat(a.push()).startsWith("history pushed");
        }
        try (HistoryStore b = HistoryStore.open(dir.resolve("b"))) {
            b.remote(team.toUri().toString());
            assertThat(b.sync()).startsWith("history");
            // the baseline and previous revision of r1 are the team's
            assertThat(b.read("HEAD", "devices/r1/acl/EDGE")).contains("A");
            record(b, "r1", "B");
            assertThat(b.previous("devices/r1/acl/EDGE")).contains("A");
            b.remote(dir.resolve("gone.git").toUri().toString());
            Assertions.assertThatThrownBy(() -> b.push(2)).isInstanceOf(io.portpush.core.error.HistoryRemoteException.class)
                    .hasMessageContaining("the next --push-history sends them");
            b.remote(team.toUri().toString());
            assertThat(b.push()).startsWith("history pushed");
        }
        try (Git g = Git.open(team.toFile())) {
            assertThat(g.log().call().iterator().next().getShortMessage()).isEqualTo("r1 B");
        }
    }

    @Test
    void twoRunsThatRecordedTheSameDeviceStopTheReplayAndNameThePath() throws Exception {
        Path team = bare("team.git");
        try (HistoryStore a = HistoryStore.open(dir.resolve("a")); HistoryStore b = HistoryStore.open(dir.resolve("b"))) {
            a.remote(team.toUri().toString());
            b.remote(team.toUri().toString());
            record(a, "r1", "A");
            a.push();
            b.sync();
            record(a, "r1", "B");
            record(b, "r1", "C");
            a.push();
            Assertions.assertThatThrownBy(() -> b.push(3)).isInstanceOf(io.portpush.core.error.HistoryRemoteException.class)
                    .hasMessageContaining("devices/r1/acl/EDGE").hasMessageContaining("Two runs recorded the same device");
            // nothing of b's was lost: its own revision is still its HEAD
            assertThat(b.read("HEAD", "devices/r1/acl/EDGE")).contains("C");
        }
        try (Git g = Git.open(team.toFile())) {
            assertThat(g.log().call().iterator().next().getShortMessage()).isEqualTo("r1 B");
        }
    }

    @Test
    void aTokenInTheRemoteUrlIsUsedButNeverShown() throws Exception {
        assertThat(HistoryStore.shown("https://ci:s3cr3t-token@git.example.net/netops/history.git"))
                .isEqualTo("https://git.example.net/netops/history.git");
        try (HistoryStore h = HistoryStore.open(dir.resolve("h"))) {
            h.remote("https://ci:s3cr3t-token@127.0.0.1:1/netops/history.git");
            record(h, "r1", "A");
            Assertions.assertThatThrownBy(() -> h.push(1)).isInstanceOf(io.portpush.core.error.HistoryRemoteException.class)
                    .hasMessageContaining("https://127.0.0.1:1/netops/history.git").hasMessageNotContaining("s3cr3t-token");
            // the token is not written to disk either: git's config holds the URL without it
            assertThat(java.nio.file.Files.readString(dir.resolve("h/.git/config"))).contains("https://127.0.0.1:1/netops/history.git")
                    .doesNotContain("s3cr3t-token").doesNotContain("ci@");
            h.remote("ssh://git@git.example.net/netops/history.git");
            assertThat(java.nio.file.Files.readString(dir.resolve("h/.git/config"))).contains("ssh://git@git.example.net/netops/history.git");
        }
        assertThat(HistoryStore.secretOf("https://ci:s3cr3t-token@git.example.net/h.git")).contains("s3cr3t-token");
        assertThat(HistoryStore.secretOf("https://ghp_tokenAsUser@github.com/o/h.git")).contains("ghp_tokenAsUser");
        assertThat(HistoryStore.secretOf("ssh://git@git.example.net/h.git")).isEmpty();
    }

    private static String git(Path repo, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + out).isZero();
        return out;
    }

    /** A batch of a thousand hosts is one commit written as git writes one: real git finds it whole and the tree clean. */
    @Test
    void aBatchIsOneCommitThatGitItselfReadsAndTheWorkTreeStaysClean() throws Exception {
        try (HistoryStore h = HistoryStore.open(dir)) {
            for (int i = 0; i < 1000; i++) {
                h.stage("devices/r" + i + "/acl/EDGE", "permit tcp any any eq " + i + "\n");
                h.stage("devices/r" + i + "/acl/EDGE.json", "{\"i\":" + i + "}");
            }
            HistoryStore.Revision first = h.commit("batch 1", "tester").orElseThrow();
            assertThat(first.files()).hasSize(2000);
            // the same content again is no revision; one file changed is a revision of that file only
            for (int i = 0; i < 1000; i++) {
                h.stage("devices/r" + i + "/acl/EDGE", "permit tcp any any eq " + i + "\n");
            }
            assertThat(h.commit("nothing new", "tester")).isEmpty();
            h.stage("devices/r7/acl/EDGE", "permit tcp any any eq 22\n");
            HistoryStore.Revision second = h.commit("batch 2", "tester").orElseThrow();
            assertThat(second.files()).containsExactly("devices/r7/acl/EDGE");
            assertThat(h.read("HEAD", "devices/r7/acl/EDGE")).contains("permit tcp any any eq 22\n");
            assertThat(h.read(first.id(), "devices/r7/acl/EDGE")).contains("permit tcp any any eq 7\n");
            assertThat(Git.open(dir.toFile()).status().call().isClean()).isTrue();
        }
        if (java.nio.file.Files.isExecutable(Path.of("/usr/bin/git"))) {
            assertThat(git(dir, "status", "--porcelain")).isEmpty();
            git(dir, "fsck", "--strict");
            assertThat(git(dir, "log", "--format=%s")).isEqualTo("batch 2\nbatch 1\n");
            assertThat(git(dir, "show", "HEAD:devices/r7/acl/EDGE")).isEqualTo("permit tcp any any eq 22\n");
        }
    }
}

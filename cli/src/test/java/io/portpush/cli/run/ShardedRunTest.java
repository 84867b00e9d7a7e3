package io.portpush.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portpush.cli.CliRun;
import io.portpush.cli.LabHosts;
import io.portpush.cli.PortpushCommand;
import io.portpush.lab.LabInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run split over processes: {@code --shard K/N} in N separate JVMs against one lab and one bare
 * git remote. Together they cover every host exactly once, the team history ends with every
 * host's revision in one line, and {@code report merge} of their JSON reports equals the report
 * of the same run unsplit.
 */
class ShardedRunTest {
    @TempDir
    Path dir;

    private static final int SHARDS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HOSTS = IntStream.rangeClosed(1, 8).mapToObj(i -> "r" + i).toList();

    @Test
    void shardsCoverEveryHostOnceRecordOneHistoryAndMergeToTheUnsplitReport() throws Exception {
        try (LabHosts lab = LabHosts.start(dir, HOSTS.stream().map(h -> h + ":cisco_ios").toArray(String[]::new))) {
            StringBuilder hosts = new StringBuilder();
            for (String h : HOSTS) {
                // two interfaces, so that the review groups hosts by variable as a real fleet needs
                hosts.append("    ").append(lab.host(h, "edge_if: GigabitEthernet" + (h.compareTo("r5") < 0 ? 1 : 2))).append('\n');
            }
            Path inv = dir.resolve("inv.yml");
            Files.writeString(inv, "all:\n  vars: { " + LabHosts.CREDENTIALS + ", roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24], sip-gateway: [192.0.2.0/24] } }\n"
                    + "  hosts:\n" + hosts);
            Path play = dir.resolve("acl.yml");
            Files.writeString(play, "- hosts: all\n  tasks:\n    - name: edge ACL\n      acl: { name: EDGE, bind: [{interface: '{{ edge_if }}', direction: in}],"
                    + " rules: [{ permit: [xcp.client-access, sip-proxy.default-listener] }] }\n");
            for (int k = 0; k < SHARDS; k++) {
                Files.createDirectories(dir.resolve("s" + k));
                Files.copy(dir.resolve("state/known_hosts"), dir.resolve("s" + k + "/known_hosts"));
            }

            // the review first: the unsplit check run and the shards' check runs, merged
            CliRun full = CliRun.inState(dir.resolve("state"), "run", play.toString(), "-i", inv.toString(), "--check", "--report",
                    dir.resolve("full.json").toString());
            assertThat(full.code()).as(full.out() + full.err()).isZero();
            List<Path> checks = shards(play, inv, "check", "--check");
            CliRun merged = CliRun.of(mergeArgs(checks, inv, dir.resolve("merged-check.json")));
            assertThat(merged.code()).as(merged.out() + merged.err()).isZero();
            assertThat(merged.out()).contains("summary: 8 hosts: 8 would change");
            assertThat(comparable(dir.resolve("merged-check.json"))).isEqualTo(comparable(dir.resolve("full.json")));

            // then the change, every shard recording to one bare remote that starts empty
            Path team = dir.resolve("team.git");
            try (Git bare = Git.init().setBare(true).setInitialBranch("main").setDirectory(team.toFile()).call()) {
                assertThat(bare.getRepository().isBare()).isTrue();
            }
            List<Path> runs = shards(play, inv, "run", "--history-remote", team.toUri().toString());
            Set<String> covered = new HashSet<>();
            for (Path r : runs) {
                JsonNode recap = JSON.readTree(r.toFile()).path("recap");
                recap.fieldNames().forEachRemaining(h -> assertThat(covered.add(h)).as(h + " in one shard only").isTrue());
                recap.forEach(c -> assertThat(c.path("changed").asInt()).isEqualTo(1));
            }
            assertThat(covered).containsExactlyInAnyOrderElementsOf(HOSTS);
            for (String h : HOSTS) {
                assertThat(lab.get(h).personality().savedConfig()).as(h).contains("ip access-list extended EDGE");
            }
            try (Git clone = Git.cloneRepository().setURI(team.toUri().toString()).setDirectory(dir.resolve("read").toFile()).call()) {
                List<RevCommit> log = new ArrayList<>();
                clone.log().call().forEach(log::add);
                assertThat(log).allSatisfy(c -> assertThat(c.getParentCount()).isLessThanOrEqualTo(1));
                assertThat(log.stream().filter(c -> c.getShortMessage().contains("device(s) changed")).count()).isEqualTo(SHARDS);
                for (String h : HOSTS) {
                    assertThat(dir.resolve("read/devices/" + h + "/acl/EDGE")).exists();
                    assertThat(dir.resolve("read/devices/" + h + "/acl/EDGE.json")).exists();
                }
            }
            for (Path r : runs) {
                // the paste line names the revision as the team repository has it, after any replay
                String log = Files.readString(Path.of(r.toString().replace(".json", ".log")));
                String rev = log.replaceAll("(?s).*; history revision ([0-9a-f]{10});.*", "$1");
                try (Git g = Git.open(team.toFile())) {
                    assertThat(g.getRepository().resolve(rev)).as(log).isNotNull();
                }
            }
            CliRun all = CliRun.of(mergeArgs(runs, inv, dir.resolve("merged.json")));
            assertThat(all.code()).isZero();
            assertThat(all.out()).contains("summary: 8 hosts: 8 changed", "8 changes verified from their devices");
            // a shard's report missing is said, not hidden
            CliRun partial = CliRun.of("report", "merge", runs.get(0).toString(), runs.get(1).toString());
            assertThat(partial.out()).contains("this report covers 2 of 3 shards: no report of shard 2/3");
            // the same report twice is refused, naming the host and both files
            CliRun twice = CliRun.of("report", "merge", runs.get(0).toString(), runs.get(0).toString());
            assertThat(twice.code()).isEqualTo(5);
            assertThat(twice.err()).contains(runs.get(0).toString(), "shard 0/3 again");
        }
    }

    @Test
    void aHistoryRemoteThatCannotBeFetchedStopsTheRunBeforeAnyDeviceAndItsTokenIsNeverPrinted() throws Exception {
        try (LabHosts lab = LabHosts.start(dir, "r1:cisco_ios")) {
            Path inv = dir.resolve("inv.yml");
            Files.writeString(inv, "all:\n  vars: { " + LabHosts.CREDENTIALS + ", roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }\n"
                    + "  hosts:\n    " + lab.host("r1", "") + "\n");
            Path play = dir.resolve("acl.yml");
            Files.writeString(play, "- hosts: all\n  tasks:\n    - acl: { name: EDGE, bind: [{interface: GigabitEthernet1, direction: in}],"
                    + " rules: [{ permit: [xcp.client-access] }] }\n");
            CliRun run = CliRun.inState(dir.resolve("state"), "run", play.toString(), "-i", inv.toString(), "--history-remote",
                    "https://portpush-ci:s3cr3t-T0ken@127.0.0.1:1/netops/history.git");
            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(io.portpush.core.error.ExitCodes.HISTORY_REMOTE);
            assertThat(run.out() + run.err()).contains("cannot fetch the history from https://127.0.0.1:1/netops/history.git")
                    .doesNotContain("s3cr3t-T0ken");
            assertThat(lab.get("r1").log().entries()).as("nothing reached the device").isEmpty();
            assertThat(Files.readString(dir.resolve("state/history/.git/config"))).doesNotContain("s3cr3t-T0ken");
        }
    }

    /** Runs the shards as separate processes at once; returns their JSON reports. */
    private List<Path> shards(Path play, Path inv, String name, String... extra) throws Exception {
        List<Process> running = new ArrayList<>();
        List<Path> reports = new ArrayList<>();
        for (int k = 0; k < SHARDS; k++) {
            Path report = dir.resolve(name + "-" + k + ".json");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), PortpushCommand.class.getName(), "run", play.toString(), "-i", inv.toString(),
                    "--shard", k + "/" + SHARDS, "--state-dir", dir.resolve("s" + k).toString(), "--report", report.toString(),
                    "--timeout", String.valueOf(io.portpush.lab.TimeScale.seconds(10))));
            cmd.addAll(List.of(extra));
            running.add(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + "-" + k + ".log").toFile()).start());
            reports.add(report);
        }
        for (int k = 0; k < SHARDS; k++) {
            Process p = running.get(k);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve(name + "-" + k + ".log"))).isZero();
        }
        return reports;
    }

    private static String[] mergeArgs(List<Path> reports, Path inv, Path out) {
        List<String> a = new ArrayList<>(List.of("report", "merge"));
        reports.forEach(r -> a.add(r.toString()));
        a.addAll(List.of("-i", inv.toString(), "--report", out.toString()));
        return a.toArray(String[]::new);
    }

    /**
     * A report without what differs between any two runs (run id, start time, hosts' time) and with the order
     * hosts finished in taken out of group host lists (groups of equal rank may come in either order).
     */
    private static JsonNode comparable(Path report) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(report.toFile());
        doc.remove(List.of("run_id", "started"));
        doc.path("recap").forEach(c -> ((ObjectNode) c).remove("elapsed_ms"));
        for (JsonNode t : doc.path("tasks")) {
            List<JsonNode> groups = new ArrayList<>();
            for (JsonNode g : t.path("groups")) {
                List<String> names = new ArrayList<>();
                g.path("hosts").forEach(h -> names.add(h.asText()));
                names.sort(Comparator.naturalOrder());
                ArrayNode sorted = ((ObjectNode) g).putArray("hosts");
                names.forEach(sorted::add);
                groups.add(g);
            }
            groups.sort(Comparator.comparing(JsonNode::toString));
            ((ObjectNode) t).putArray("groups").addAll(groups);
        }
        return doc;
    }
}

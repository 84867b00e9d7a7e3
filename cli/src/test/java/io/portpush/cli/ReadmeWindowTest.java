package io.portpush.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ./portpush} line of the README's walk-throughs ("A maintenance window with
 * portpush", "Start from what your devices already have"), in order, against the lab inventory (its hosts moved to free ports, everything else as shipped:
 * group variables, the routers' traffic): each must succeed. The files a reader would have (an
 * SSH key, the board's allowed-signers file) are made here; paths in the lines are the project's.
 */
class ReadmeWindowTest {
    @TempDir
    Path dir;

    static List<String> sectionCommands(String readme, String heading) {
        int from = readme.indexOf("## " + heading + "\n");
        int to = readme.indexOf("\n## ", from + 1);
        assertThat(from).as("the README has the section").isPositive();
        List<String> out = new ArrayList<>();
        Matcher blocks = Pattern.compile("(?s)```sh\n(.*?)```").matcher(readme.substring(from, to));
        while (blocks.find()) {
            for (String line : blocks.group(1).split("\n")) {
                if (line.startsWith("./portpush ")) {
                    out.add(line.replaceFirst("\\s+#.*$", "").strip());
                }
            }
        }
        return out;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The lab inventory as shipped, its hosts moved to free ports (tests run beside a lab a person may have up). */
    private Path labInventory(Path project) throws Exception {
        Path inv = dir.resolve("lab");
        Files.createDirectories(inv.resolve("group_vars"));
        try (var files = Files.list(project.resolve("inventories/lab/group_vars"))) {
            for (Path f : files.toList()) {
                Files.copy(f, inv.resolve("group_vars").resolve(f.getFileName()));
            }
        }
        String hosts = Files.readString(project.resolve("inventories/lab/hosts.yml"));
        Matcher ports = Pattern.compile("ansible_port: \\d+").matcher(hosts);
        StringBuilder moved = new StringBuilder();
        while (ports.find()) {
            ports.appendReplacement(moved, "ansible_port: " + freePort());
        }
        ports.appendTail(moved);
        Files.writeString(inv.resolve("hosts.yml"), moved.toString());
        return inv;
    }

    @Test
    void everyCommandOfTheWalkThroughWorksOnTheLab() throws Exception {
        Path project = Path.of("..").toAbsolutePath().normalize();
        List<String> commands = sectionCommands(Files.readString(project.resolve("README.md")), "A maintenance window with portpush");
        assertThat(commands).as("plan, show, apply, history, rollback and the signed plan").hasSizeGreaterThanOrEqualTo(8);
        Path inv = labInventory(project);

        boolean signing = Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
        Path key = dir.resolve("id_ed25519");
        if (signing) {
            Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "alice@example.org", "-f", key.toString())
                    .redirectErrorStream(true).start();
            assertThat(p.waitFor()).isZero();
            Files.writeString(dir.resolve("cab_signers"), "alice@example.org namespaces=\"portpush-plan\" "
                    + Files.readString(dir.resolve("id_ed25519.pub")).strip() + "\n");
        }
        for (String command : commands) {
            if (!signing && (command.contains("--sign-with") || command.contains("--allowed-signers"))) {
                continue; // the signed plan needs ssh-keygen (openssh-client), which .ci/run installs
            }
            List<String> args = new ArrayList<>();
            for (String w : command.substring("./portpush ".length()).split("\\s+")) {
                args.add(switch (w) {
                    case "inventories/lab" -> inv.toString();
                    case "window.plan" -> dir.resolve("window.plan").toString();
                    case "~/.ssh/id_ed25519" -> key.toString();
                    case "cab_signers" -> dir.resolve("cab_signers").toString();
                    default -> w.startsWith("playbooks/") ? project.resolve(w).toString() : w;
                });
            }
            // 'show' reads a file and takes no state directory
            CliRun run = args.get(0).equals("show") ? CliRun.of(args.toArray(String[]::new)) : CliRun.inState(dir.resolve("state"), args.toArray(String[]::new));
            assertThat(run.code()).as(command + "\n" + run.out() + run.err()).isZero();
            if (command.startsWith("./portpush apply window.plan --soak")) {
                // the routers carry lab traffic: the check ran and passed there; the others say why they could not check
                assertThat(run.out()).as(run.out()).contains("changed: [r1]").contains("intended flows counted traffic during the 10 s soak");
                assertThat(run.out() + run.err()).contains("gives portpush no per-entry counters");
            }
        }
    }

    @Test
    void everyCommandOfTheAdoptionWorksOnTheLabAndTheAdoptedPlaybookChangesNothing() throws Exception {
        Path project = Path.of("..").toAbsolutePath().normalize();
        List<String> commands = sectionCommands(Files.readString(project.resolve("README.md")), "Start from what your devices already have");
        assertThat(commands).as("seed, adopt, check").hasSize(3);
        Path inv = labInventory(project);
        String last = "";
        for (String command : commands) {
            List<String> args = new ArrayList<>();
            for (String w : command.substring("./portpush ".length()).split("\\s+")) {
                args.add(switch (w) {
                    case "inventories/lab" -> inv.toString();
                    case "adopted.yml" -> dir.resolve("adopted.yml").toString();
                    default -> w.startsWith("playbooks/") ? project.resolve(w).toString() : w;
                });
            }
            CliRun run = CliRun.inState(dir.resolve("state"), args.toArray(String[]::new));
            assertThat(run.code()).as(command + "\n" + run.out() + run.err()).isZero();
            last = run.out();
            if (command.startsWith("./portpush adopt")) {
                assertThat(last).contains("r1: LEGACY adopted, no change in meaning", "fw1: LEGACY adopted, no change in meaning",
                        "mx1: LEGACY adopted, no change in meaning", "more broadly than the catalogue describes it");
                assertThat(Files.readString(dir.resolve("adopted.yml"))).contains("- xcp.client-access");
            }
        }
        assertThat(last).contains("ok: [r1]", "ok: [fw1]", "ok: [mx1]").doesNotContain("changed:");
    }
    @Test
    void everyCommandOfTheShardedRunWorksOnTheLabAndTheMergedReportHasEveryHost() throws Exception {
        Path project = Path.of("..").toAbsolutePath().normalize();
        List<String> commands = sectionCommands(Files.readString(project.resolve("README.md")), "Bigger fleets: shards, one history, one report");
        assertThat(commands).as("two shards and the merge").hasSize(3);
        Path inv = labInventory(project);
        Path team = dir.resolve("team.git");
        try (org.eclipse.jgit.api.Git bare = org.eclipse.jgit.api.Git.init().setBare(true).setInitialBranch("main").setDirectory(team.toFile()).call()) {
            assertThat(bare.getRepository().isBare()).isTrue();
        }
        String last = "";
        for (String command : commands) {
            List<String> args = new ArrayList<>();
            for (String w : command.substring("./portpush ".length()).split("\\s+")) {
                args.add(switch (w) {
                    case "inventories/lab" -> inv.toString();
                    case "\"$HISTORY_REMOTE\"" -> team.toUri().toString();
                    default -> w.matches("(shard-\\d|run)\\.(json|html)") ? dir.resolve(w).toString()
                            : w.startsWith("playbooks/") ? project.resolve(w).toString() : w;
                });
            }
            CliRun run = args.get(0).equals("report") ? CliRun.of(args.toArray(String[]::new))
                    : CliRun.inState(dir.resolve("state"), args.toArray(String[]::new));
            assertThat(run.code()).as(command + "\n" + run.out() + run.err()).isZero();
            last = run.out();
        }
        assertThat(last).contains("summary: 6 hosts: 6 changed");
        assertThat(dir.resolve("run.html")).exists();
        try (org.eclipse.jgit.api.Git bare = org.eclipse.jgit.api.Git.open(team.toFile())) {
            List<String> subjects = new ArrayList<>();
            bare.log().call().forEach(c -> subjects.add(c.getShortMessage()));
            assertThat(subjects.stream().filter(m -> m.contains("device(s) changed")).count()).isEqualTo(2);
        }
    }
}

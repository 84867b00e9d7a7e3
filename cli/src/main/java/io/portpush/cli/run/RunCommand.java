package io.portpush.cli.run;

import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.catalogue.CatalogueLoader;
import io.portpush.core.error.ExitCodes;
import io.portpush.core.history.HistoryStore;
import io.portpush.core.history.Journal;
import io.portpush.core.history.RunLock;
import io.portpush.core.runner.RunListener;
import io.portpush.core.inventory.Inventory;
import io.portpush.core.inventory.InventoryLoader;
import io.portpush.core.inventory.Targets;
import io.portpush.core.playbook.Play;
import io.portpush.core.playbook.PlaybookLoader;
import io.portpush.core.runner.Redactor;
import io.portpush.core.runner.RunOptions;
import io.portpush.core.runner.RunReport;
import io.portpush.core.runner.RunReportJson;
import io.portpush.core.runner.Runner;
import io.portpush.core.template.TemplateEngine;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import io.portpush.modules.TaskModules;
import io.portpush.platform.Platforms;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code portpush run PLAYBOOK -i INVENTORY}: runs a playbook against devices. */
@Command(name = "run", description = "Run a playbook against the hosts of an inventory.")
public class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAYBOOK", arity = "0..1", description = "The playbook (YAML list of plays).")
    Path playbook;

    // required, checked in call(): 'apply' takes it from its plan file
    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY", description = "Inventory file or directory (Ansible INI or YAML).")
    Path inventory;

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN", description = "Only hosts matching this pattern.")
    String limit;

    @Option(names = "--shard", paramLabel = "K/N", description = "Work on shard K of N (K from 0, as Kubernetes' JOB_COMPLETION_INDEX): "
            + "a stable share of the hosts, chosen by host name, so that N runs together cover every host once. A shard with no host "
            + "succeeds.")
    String shard;

    @Option(names = {"-t", "--tags"}, split = ",", description = "Only tasks with these tags.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--skip-tags", split = ",", description = "Skip tasks with these tags.")
    List<String> skipTags = new ArrayList<>();

    @Option(names = "--start-at-task", paramLabel = "NAME", description = "Start at the task with this name.")
    String startAtTask;

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS", description = "key=value, YAML/JSON, or @file.yml (repeatable; highest precedence).")
    List<String> extraVars = new ArrayList<>();

    @Option(names = {"-f", "--forks"}, defaultValue = "50", description = "Hosts worked on at once (default: ${DEFAULT-VALUE}).")
    int forks = 50;

    @Option(names = {"-C", "--check"}, description = "Dry run: read devices, compute changes, send nothing that changes them.")
    boolean check;

    @Option(names = {"-D", "--diff"}, description = "Show what changes, grouped: hosts with the same change once, the ones that differ first; its meaning, then the line diff (-v adds the commands, -vv the whole device text).")
    boolean diff;

    @Option(names = "-v", description = "More output (-v results and, with --diff, the commands; -vv each line sent and the whole device text; -vvv device answers).")
    boolean[] verbose = new boolean[0];

    @Option(names = "--json", description = "Print the JSON report on stdout instead of the human output.")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a report: FILE.html (one page for a change review board) or "
            + "FILE.json; repeat it for both.")
    List<Path> reports = new java.util.ArrayList<>();

    @Option(names = "--accept-new-host-keys", description = "Trust unknown host keys on first use and record them (changed keys are never accepted).")
    boolean acceptNew;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for a command's answer (default: ${DEFAULT-VALUE}).")
    int timeout = 30;

    @Option(names = "--connect-timeout", defaultValue = "10", description = "Seconds to wait for a connection (default: ${DEFAULT-VALUE}).")
    int connectTimeout = 10;

    @Option(names = "--host-timeout", paramLabel = "SECONDS", description = "The most one host may take over a play; its session is then closed and it fails (default: no limit).")
    Integer hostTimeout;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where history, known_hosts and the lab live (default: .portpush).")
    Path stateDir;

    @Option(names = "--catalogue", paramLabel = "PATH", description = "Extra catalogue file (repeatable).")
    List<Path> catalogues = new ArrayList<>();

    @Option(names = "--allow-empty", description = "Succeed when the plays and --limit match no host (default: exit 6, nothing run).")
    boolean allowEmpty;

    @Option(names = "--confirm-timeout", paramLabel = "TIME", description = "Apply each change so the host undoes it by itself unless "
            + "confirmed within TIME (5m, 90s): confirmed only after verify and a new SSH login succeed (lockout guard). Linux nftables hosts: "
            + "a detached host-side timer; Junos commit confirmed; IOS revert timer (needs an archive path); EOS commit timer; ASA an EEM "
            + "countdown applet.")
    String confirmTimeout;

    @Option(names = "--soak", paramLabel = "TIME", description = "Watch each changed list's hit counters for TIME before the change and TIME "
            + "after it (2m, 30s), before any confirm; the acl task's traffic_check: decides what fails (a failure restores the previous state).")
    String soak;

    @Option(names = "--push-history", description = "Share the history through its git remote: fetch the team's revisions before "
            + "the run (nothing runs if that fails: exit 8), push after it; when another run or shard pushed first, its revisions are "
            + "fetched and this run's replayed on top, up to 10 times.")
    boolean pushHistory;

    @Option(names = "--history-remote", paramLabel = "URL", description = "The team's history repository (git URL; https://user:token@... "
            + "works and the token is never printed), set as the history's remote; implies --push-history.")
    String historyRemote;

    @picocli.CommandLine.Mixin
    VaultOptions vaultOptions = new VaultOptions();

    /** The run's Ansible Vault, made once from the options (a prompt asks once). */
    private io.portpush.core.vault.Vault vault;

    protected io.portpush.core.vault.Vault vault() {
        if (vault == null) {
            vault = vaultOptions.vault(System.getenv());
        }
        return vault;
    }

    /** The plays to run; {@code rollback} builds its own. */
    protected List<Play> plays() {
        if (playbook == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'PLAYBOOK'");
        }
        TemplateEngine syntax = new TemplateEngine(List.of());
        return new PlaybookLoader(TaskModules.all().keySet(), syntax::syntaxProblems, vault()).load(playbook);
    }

    /** What ran, for the history's commit messages. */
    protected String describe() {
        return "playbook " + playbookPath();
    }

    /** The file the plays came from (for messages, templates and vars_files). */
    protected Path playbookPath() {
        return playbook == null ? Path.of("rollback.yml").toAbsolutePath() : playbook;
    }

    /** The run's redactor, once the run has started (for commands that write files after it). */
    protected Redactor redactor;

    /** Called first by {@link #call}: commands that take their run from elsewhere ({@code apply}) set it here. */
    protected void prepare() {
    }

    @Override
    public Integer call() {
        prepare();
        if (inventory == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--inventory=INVENTORY'");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path project = Path.of("").toAbsolutePath();
        Path state = stateDir == null ? project.resolve(".portpush") : stateDir.toAbsolutePath();
        Inventory inv = InventoryLoader.load(inventory, vault());
        List<Play> plays = plays();
        io.portpush.core.inventory.Shard share = shard();
        // a shard may hold none of the hosts (more shards than hosts): that share of the work is done
        Targets.check(inv, plays.stream().map(p -> new Targets.Pattern(p.hosts(), p.where().file() + ":" + p.where().line())).toList(),
                limit, allowEmpty || share.count() > 1);
        // every connection setting of every host is checked before the first host connects
        List<io.portpush.core.error.InputProblem> bad = new ArrayList<>();
        for (String h : inv.hostNames()) {
            try {
                io.portpush.core.inventory.HostConnection.of(h, inv.varsFor(h), inv.source());
            } catch (io.portpush.core.error.InvalidInputException e) {
                bad.addAll(e.problems());
            }
        }
        if (!bad.isEmpty()) {
            throw new io.portpush.core.error.InvalidInputException(bad);
        }
        Map<String, Object> extra = ExtraVars.parse(extraVars, vault());
        RunOptions options = new RunOptions(forks, limit, tags, skipTags, startAtTask, extra, mode(), diff, verbose.length, acceptNew,
                Duration.ofSeconds(connectTimeout), Duration.ofSeconds(timeout), 2, hostTimeout == null ? null : Duration.ofSeconds(hostTimeout),
                project, state, share);
        Redactor redactor = new Redactor();
        this.redactor = redactor;
        // every value a vault opened is a secret from here on, in every output
        vault().revealed().forEach(redactor::learn);
        boolean color = System.console() != null && System.getenv("NO_COLOR") == null && !json;
        // progress on stderr: a bar on a terminal, a line every 10 s in a log, nothing beside --json
        Progress progress = json ? null : new Progress(spec.commandLine().getErr(), System.console() != null, 10_000, System::currentTimeMillis);
        ConsoleListener console = new ConsoleListener(json ? new PrintWriter(PrintWriter.nullWriter()) : out, verbose.length, diff, color,
                redactor, progress);
        List<Path> templateDirs = List.of(playbookPath().toAbsolutePath().getParent().resolve("templates"), project.resolve("templates"));
        TemplateEngine templates = new TemplateEngine(templateDirs);
        TemplateFiles.check(templates, templateDirs);
        Map<Class<?>, Object> services = new HashMap<>();
        Catalogue catalogue = new CatalogueLoader().load(catalogues);
        services.put(Catalogue.class, catalogue);
        services.put(io.portpush.core.vault.Vault.class, vault());
        if (confirmTimeout != null) {
            services.put(io.portpush.core.change.ConfirmWindow.class, io.portpush.core.change.ConfirmWindow.parse(confirmTimeout).orElseThrow(() ->
                    new picocli.CommandLine.ParameterException(spec.commandLine(), "--confirm-timeout: '" + confirmTimeout
                            + "' is not a time (5m, 90s)")));
        }
        if (soak != null) {
            io.portpush.core.change.Soak s = io.portpush.core.change.Soak.parse(soak).orElseThrow(() ->
                    new picocli.CommandLine.ParameterException(spec.commandLine(), "--soak: '" + soak + "' is not a time (2m, 30s)"));
            if (services.get(io.portpush.core.change.ConfirmWindow.class) instanceof io.portpush.core.change.ConfirmWindow w
                    && s.window().compareTo(w.timeout()) >= 0) {
                // the device would take every change back while portpush is still watching it
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--soak " + soak + " must be shorter than --confirm-timeout "
                        + confirmTimeout + ": the soak runs inside the confirm window (leave time for the confirm itself)");
            }
            services.put(io.portpush.core.change.Soak.class, s);
        }
        addServices(services);
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
                + Long.toHexString(ProcessHandle.current().pid());
        RunReport result;
        HistoryRecorder recorder = null;
        sun.misc.Signal interrupted = null;
        RunOptions.Mode mode = mode();
        // runs that may change devices or read history take the lock; lint touches nothing
        try (RunLock lock = mode == RunOptions.Mode.LINT ? null : RunLock.acquire(state, runId);
             HistoryStore history = mode == RunOptions.Mode.LINT || mode == RunOptions.Mode.VERIFY ? null
                     : HistoryStore.open(state.resolve("history"), redactor::redact)) {
            if (history != null && historyRemote != null) {
                HistoryStore.secretOf(historyRemote).ifPresent(redactor::learn);
                history.remote(historyRemote);
            }
            boolean sharing = history != null && (pushHistory || historyRemote != null);
            if (sharing) {
                // the team's latest revisions first: baselines and "previous" must be theirs, not this machine's alone
                console.note(history.sync());
            }
            for (String left : Journal.leftovers(state)) {
                console.warning("a change was in flight when an earlier run stopped: " + left);
            }
            RunListener listener = console;
            if (history != null) {
                services.put(HistoryStore.class, history);
                recorder = new HistoryRecorder(console, history, runId, describe());
                listener = recorder;
            }
            if (mode == RunOptions.Mode.RUN) {
                services.put(Journal.class, new Journal(state, runId));
            }
            try (LabFleet lab = LabInventory.labHosts(inv).isEmpty() || mode == RunOptions.Mode.LINT ? null
                    : new LabFleet(state.resolve("lab"))) {
                Inventory hosts = inv;
                if (lab != null) {
                    LabInventory.start(lab, inv, state.resolve("known_hosts"));
                    hosts = inv.withHostVars(LabInventory.ports(lab, inv, state.resolve("lab")));
                }
                Inventory grouped = hosts;
                groupVars = grouped::varsFor;
                console.groupWith(groupVars);
                Runner runner = new Runner(hosts, TaskModules.all(), Platforms::dialect, options, listener, templates, redactor, services);
                try (Interrupts interrupts = Interrupts.install(runner, console::warning)) {
                    result = runner.run(plays, playbookPath(), runId);
                    interrupted = interrupts.received();
                }
            }
            if (sharing) {
                try {
                    console.note(history.push());
                    // a replay on top of another shard's revisions gives this run's revision a new id: name the one the team has
                    pushedHead = recorder == null || recorder.lastRevision().isEmpty() ? null : history.head();
                } catch (io.portpush.core.error.HistoryRemoteException e) {
                    console.warning(e.getMessage());
                    historyUnpushed = true;
                }
            }
        }
        if (!json) {
            console.recap(result);
        }
        String jsonText = RunReportJson.write(result, redactor, groupVars);
        if (json) {
            out.print(jsonText);
            out.flush();
        }
        // one line to paste into the change ticket; the HTML page opens with it too
        String pasteLine = result.recap().isEmpty() ? null : io.portpush.core.runner.RunSummary.line(result,
                reports.stream().map(r -> r.toAbsolutePath().toString()).toList(),
                pushedHead != null ? java.util.Optional.of(pushedHead) : recorder == null ? java.util.Optional.empty() : recorder.lastRevision(),
                groupVars);
        for (Path report : reports) {
            try {
                String text = report.getFileName().toString().endsWith(".html")
                        ? HtmlReport.write(result, redactor, "portpush " + describe() + (options.check() ? " (check)" : ""), groupVars, pasteLine)
                        : jsonText;
                Files.writeString(report, text, StandardCharsets.UTF_8);
                spec.commandLine().getErr().println("portpush: report written to " + report.toAbsolutePath());
                spec.commandLine().getErr().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String summary = summary(result);
        if (summary != null && !json) {
            out.println(summary);
            out.flush();
        }
        if (!json && pasteLine != null) {
            out.println(pasteLine);
            out.flush();
        }
        if (interrupted != null) {
            spec.commandLine().getErr().println("portpush: interrupted by SIG" + interrupted.getName() + "; the recap above shows where "
                    + "each host stopped (tasks not started are skipped)");
            spec.commandLine().getErr().flush();
            return Interrupts.exitCode(interrupted);
        }
        int code = exitCode(result);
        // the devices are as the recap says; only the shared record lags: a shard's Job index must not pass as done
        return code == ExitCodes.OK && historyUnpushed ? ExitCodes.HISTORY_REMOTE : code;
    }

    private boolean historyUnpushed;

    /** The history's revision once pushed (replayed revisions have new ids), or null. */
    private String pushedHead;

    private io.portpush.core.inventory.Shard shard() {
        if (shard == null) {
            return io.portpush.core.inventory.Shard.ALL;
        }
        try {
            return io.portpush.core.inventory.Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--shard: " + e.getMessage());
        }
    }

    /** Each host's variables once the inventory is read: how the review groups a change shared by many hosts. */
    protected java.util.function.Function<String, Map<String, Object>> groupVars = h -> Map.of();

    /** Run-wide services a command adds for the modules ({@code explain} adds its question). */
    protected void addServices(Map<Class<?>, Object> services) {
    }

    /** What this command may do to devices. */
    protected RunOptions.Mode mode() {
        return check ? RunOptions.Mode.CHECK : RunOptions.Mode.RUN;
    }

    /** A closing line for the person (verify and lint say what they found), or null. */
    protected String summary(RunReport result) {
        return null;
    }

    /** The process exit code for a finished run. */
    protected int exitCode(RunReport result) {
        return result.exitCode() == ExitCodes.OK ? ExitCodes.OK : result.exitCode();
    }
}

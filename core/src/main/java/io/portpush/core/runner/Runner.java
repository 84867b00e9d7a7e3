package io.portpush.core.runner;

import io.portpush.core.wire.InjectionCheck;
import io.portpush.core.wire.UnsafeLineException;
import io.portpush.core.device.DeviceSession;
import io.portpush.core.device.Dialect;
import io.portpush.core.error.PortpushException;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.inventory.HostConnection;
import io.portpush.core.inventory.Inventory;
import io.portpush.core.inventory.InventoryLoader;
import io.portpush.core.playbook.Play;
import io.portpush.core.playbook.Task;
import io.portpush.core.template.TemplateEngine;
import io.portpush.core.transport.KnownHostsVerifier;
import io.portpush.core.transport.SshConnection;
import io.portpush.core.transport.SshTarget;
import io.portpush.core.transport.TransportException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs plays against an inventory the way Ansible's linear strategy does: task by task, each
 * task on every live host of the batch in parallel ({@code forks}), a failed host dropping out
 * of the play while the others go on, {@code serial} batches and {@code max_fail_percentage}.
 * One SSH session per host, opened on first need and reused by later tasks.
 */
public final class Runner {
    private final Inventory inventory;
    private final Map<String, TaskModule> modules;
    private final Function<String, Dialect> dialects;
    private final RunOptions options;
    private final RunListener listener;
    private final TemplateEngine templates;
    private final Redactor redactor;
    private final Map<Class<?>, Object> services;

    public Runner(Inventory inventory, Map<String, TaskModule> modules, Function<String, Dialect> dialects, RunOptions options,
                  RunListener listener, TemplateEngine templates, Redactor redactor, Map<Class<?>, Object> services) {
        this.inventory = inventory;
        this.modules = modules;
        this.dialects = dialects;
        this.options = options;
        this.listener = listener;
        this.templates = templates;
        this.redactor = redactor;
        this.services = services;
        List<io.portpush.core.error.InputProblem> tooShort = new ArrayList<>();
        for (String h : inventory.hostNames()) {
            inventory.varsFor(h).forEach((k, v) -> {
                if (HostConnection.isSecretName(k) && v != null) {
                    learnSecret(redactor, String.valueOf(v), inventory.originOf(h, k).orElse(new SourceLocation(inventory.source(), 0, "")),
                            h + "." + k, tooShort);
                }
            });
        }
        options.extraVars().forEach((k, v) -> {
            if (HostConnection.isSecretName(k) && v != null) {
                learnSecret(redactor, String.valueOf(v), new SourceLocation("-e", 0, ""), k, tooShort);
            }
        });
        if (!tooShort.isEmpty()) {
            throw new io.portpush.core.error.InvalidInputException(tooShort);
        }
    }

    private static void learnSecret(Redactor redactor, String value, SourceLocation where, String field,
                                    List<io.portpush.core.error.InputProblem> problems) {
        try {
            redactor.learn(value);
        } catch (IllegalArgumentException e) {
            problems.add(new io.portpush.core.error.InputProblem(new SourceLocation(where.file(), where.line(), field), e.getMessage()));
        }
    }

    /** Why the run stops early (an interrupt), or null while it runs normally. */
    private volatile String stopping;

    /**
     * Asks the run to stop: no new task starts on any host; the tasks in progress run to their
     * end, so a change in the middle of being applied is verified or restored by its own module
     * (within the command timeout) instead of being cut off half-way.
     */
    public void stop(String reason) {
        stopping = reason;
    }

    /** Where each play variable comes from (the play being checked or run now), for messages. */
    private final Map<String, String> playVarOrigins = new ConcurrentHashMap<>();
    /** Each play's vars (with its vars_files, read once for the preflight and the run) and where each came from. */
    private final Map<Play, PlayVars> playVarsRead = new java.util.IdentityHashMap<>();

    private record PlayVars(Map<String, Object> vars, Map<String, String> origins) {
    }

    /** The play's vars and vars_files; makes {@link #playVarOrigins} say where each came from. */
    private Map<String, Object> playVars(Play play, Path base) {
        PlayVars pv = playVarsRead.computeIfAbsent(play, p -> {
            Map<String, Object> vars = new LinkedHashMap<>(p.vars());
            Map<String, String> origins = new LinkedHashMap<>();
            p.vars().keySet().forEach(k -> origins.put(k, "the vars of play '" + p.name() + "' (" + p.where().file() + ":"
                    + p.where().line() + ")"));
            for (String f : p.varsFiles()) {
                io.portpush.core.vault.Vault vault = services.get(io.portpush.core.vault.Vault.class) instanceof io.portpush.core.vault.Vault v
                        ? v : io.portpush.core.vault.Vault.none();
                Map<String, Object> fv = InventoryLoader.varsFile(base.resolve(f), vault);
                // what a vaulted vars file held is masked from here on
                vault.revealed().forEach(redactor::learn);
                vars.putAll(fv);
                fv.keySet().forEach(k -> origins.put(k, "vars file " + base.resolve(f)));
            }
            return new PlayVars(vars, origins);
        });
        playVarOrigins.clear();
        playVarOrigins.putAll(pv.origins());
        return pv.vars();
    }

    /** Per-host state during a play. */
    private final class HostRun {
        final String name;
        final Map<String, Object> facts = new ConcurrentHashMap<>();
        /** Which task set each fact (register or set_fact), for messages about a value's origin. */
        final Map<String, SourceLocation> factOrigins = new ConcurrentHashMap<>();
        DeviceSession session;
        SshConnection ssh;
        boolean failed;
        boolean unreachable;
        volatile boolean expired;
        /** Time this host has spent in its own tasks (waiting for the rest of the batch does not count). */
        long spentNanos;

        HostRun(String name) {
            this.name = name;
        }

        SshConnection ssh() {
            if (ssh == null) {
                ssh = login(options.retries());
            }
            return ssh;
        }

        /** A new SSH connection with a full login, as a fresh operator would make it (the lockout guard's). */
        SshConnection login(int retries) {
            {
                HostConnection c = connection();
                Path known = options.stateDir().resolve("known_hosts");
                List<Path> files = List.of(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"), known);
                KnownHostsVerifier v = new KnownHostsVerifier(files, options.acceptNewHostKeys(), known, knownHosts);
                String user = c.user() == null ? System.getProperty("user.name") : c.user();
                SshTarget jump = null;
                if (c.jump() != null) {
                    // [user@]host[:port]; the bastion takes the host's credentials unless it names its own user
                    String j = c.jump();
                    String ju = j.contains("@") ? j.substring(0, j.indexOf('@')) : user;
                    String hp = j.contains("@") ? j.substring(j.indexOf('@') + 1) : j;
                    int colon = hp.lastIndexOf(':');
                    String jh = colon > 0 ? hp.substring(0, colon) : hp;
                    int jp = colon > 0 ? Integer.parseInt(hp.substring(colon + 1)) : 22;
                    jump = new SshTarget(jh, jp, ju, c.password(), c.keyFile(), c.keyPassphrase(), options.connectTimeout(),
                            options.commandTimeout(), null);
                }
                SshTarget t = new SshTarget(c.address(), c.port(), user, c.password(), c.keyFile(), c.keyPassphrase(),
                        options.connectTimeout(), options.commandTimeout(), jump);
                SshConnection opened = SshConnection.open(t, v, retries, Duration.ofMillis(500));
                if (options.verbosity() >= 3) {
                    listener.received(name, "ssh " + c.address() + ":" + c.port() + ": " + opened.algorithms());
                }
                return opened;
            }
        }

        DeviceSession session() {
            if (session == null) {
                HostConnection c = connection();
                Dialect d = c.platform() == null ? null : dialects.apply(c.platform());
                if (d == null) {
                    throw new io.portpush.core.error.InvalidInputException(new SourceLocation(inventory.source(), 0, name + ".platform"),
                            "host has no CLI platform (set platform or ansible_network_os)");
                }
                io.portpush.core.device.SessionLog log = new io.portpush.core.device.SessionLog() {
                    @Override
                    public void sent(String line) {
                        listener.sent(name, redactor.redact(line));
                    }

                    @Override
                    public void received(String output) {
                        listener.received(name, redactor.redact(output));
                    }
                };
                if (c.api() == HostConnection.Api.NETCONF) {
                    io.portpush.core.device.CommandChannel ch = d.netconf(name, ssh(), options.commandTimeout())
                            .orElseThrow(() -> new io.portpush.core.error.InvalidInputException(new SourceLocation(inventory.source(), 0,
                                    name + ".ansible_connection"), "portpush has no NETCONF channel for " + c.platform()
                                    + "; it is driven over its CLI (ansible_connection: network_cli)"));
                    session = DeviceSession.over(name, ssh(), d, ch, log);
                } else {
                    session = DeviceSession.open(name, ssh(), d, c.enableSecret(), options.commandTimeout(), log);
                }
            }
            return session;
        }

        DeviceSession reopen() {
            close();
            session = null;
            ssh = null;
            return session();
        }

        private HostConnection connection;

        /** Read once per host and batch: the inventory does not change during a run. */
        HostConnection connection() {
            if (connection == null) {
                // as Ansible: extra vars (-e) win over the inventory, connection variables included
                Map<String, Object> v = new LinkedHashMap<>(inventory.varsFor(name));
                v.putAll(options.extraVars());
                connection = HostConnection.of(name, v, inventory.source());
            }
            return connection;
        }

        synchronized void close() {
            if (session != null) {
                session.close();
            } else if (ssh != null) {
                ssh.close();
            }
            session = null;
            ssh = null;
        }
    }

    /** The known_hosts files, parsed once for every connection of this run. */
    private final io.portpush.core.transport.KnownHostsCache knownHosts = new io.portpush.core.transport.KnownHostsCache();

    public RunReport run(List<Play> plays, Path playbook, String runId) {
        RunReport report = new RunReport(runId, options.check(), options.shard(), java.time.Instant.now());
        Path base = playbook.toAbsolutePath().getParent();
        preflight(plays, base);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.forks()), r -> {
            Thread t = new Thread(r, "portpush-fork");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portpush-host-timeout");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Play play : plays) {
                if (stopping != null) {
                    break;
                }
                runPlay(play, base, report, pool, deadlines);
            }
        } finally {
            pool.shutdownNow();
            deadlines.shutdownNow();
        }
        return report;
    }

    private void runPlay(Play play, Path base, RunReport report, ExecutorService pool,
                         java.util.concurrent.ScheduledExecutorService deadlines) {
        List<String> hosts = new ArrayList<>(inventory.selectOrFail(play.hosts()));
        if (options.limit() != null) {
            Set<String> lim = new LinkedHashSet<>(inventory.select(options.limit()));
            hosts.retainAll(lim);
        }
        hosts.removeIf(h -> !options.shard().holds(h));
        if (hosts.isEmpty()) {
            // as Ansible: a play that --limit leaves without hosts is skipped, and says so
            listener.warning("play '" + (play.name().isEmpty() ? play.hosts() : play.name()) + "' (" + play.where().file() + ":"
                    + play.where().line() + "): no host of '" + play.hosts() + "' is in "
                    + (options.limit() != null ? "--limit '" + options.limit() + "'" + (options.shard().count() > 1 ? " and " : "") : "")
                    + (options.shard().count() > 1 ? "shard " + options.shard() : "") + "; skipped");
            return;
        }
        listener.playStarted(play, hosts);
        hosts.forEach(report::touch);
        Map<String, Object> playVars = playVars(play, base);
        for (List<String> batch : batches(hosts, play.serial())) {
            if (stopping != null) {
                break;
            }
            Map<String, HostRun> runs = new LinkedHashMap<>();
            batch.forEach(h -> runs.put(h, new HostRun(h)));

            try {
                boolean started = options.startAtTask() == null;
                for (Task task : play.tasks()) {
                    if (stopping != null) {
                        listener.warning("not started: task '" + task.title() + "' and the rest of play '"
                                + (play.name().isEmpty() ? play.hosts() : play.name()) + "' ("
                                + stopping + ")");
                        break;
                    }
                    if (!started) {
                        if (!task.title().equals(options.startAtTask())) {
                            continue;
                        }
                        started = true;
                    }
                    if (!selectedByTags(play, task)) {
                        continue;
                    }
                    List<HostRun> live = runs.values().stream().filter(r -> !r.failed && !r.unreachable).toList();
                    if (live.isEmpty()) {
                        break;
                    }
                    listener.taskStarted(task);
                    Map<String, TaskResult> results = new ConcurrentHashMap<>();
                    List<Future<?>> futures = new ArrayList<>();
                    for (HostRun hr : live) {
                        futures.add(pool.submit(() -> {
                            // past its time a host's session is closed: what it is doing fails, later tasks do not start
                            java.util.concurrent.ScheduledFuture<?> watchdog = options.hostTimeout() == null ? null
                                    : deadlines.schedule(() -> {
                                        hr.expired = true;
                                        hr.close();
                                    }, Math.max(0, options.hostTimeout().toNanos() - hr.spentNanos), java.util.concurrent.TimeUnit.NANOSECONDS);
                            long taskStart = System.nanoTime();
                            TaskResult r = runTask(play, playVars, task, hr);
                            long took = System.nanoTime() - taskStart;
                            hr.spentNanos += took;
                            report.spent(hr.name, took);
                            if (watchdog != null) {
                                watchdog.cancel(false);
                            }
                            results.put(hr.name, r);
                            boolean ignored = r.status() == Status.FAILED && task.ignoreErrors();
                            if (r.status() == Status.FAILED && !ignored) {
                                hr.failed = true;
                            }
                            if (r.status() == Status.UNREACHABLE) {
                                hr.unreachable = true;
                            }
                            report.count(hr.name, r, ignored);
                            listener.hostResult(task, hr.name, r);
                            if (task == play.tasks().get(play.tasks().size() - 1)) {
                                // its last task of the play: the session goes now, not when the whole batch ends
                                // (a 1,000-host batch kept 1,000 sessions and their reader threads open)
                                hr.close();
                            }
                        }));
                    }
                    for (Future<?> f : futures) {
                        try {
                            f.get();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (java.util.concurrent.ExecutionException e) {
                            throw new IllegalStateException(e.getCause());
                        }
                    }
                    Map<String, TaskResult> ordered = new LinkedHashMap<>();
                    batch.stream().filter(results::containsKey).forEach(h -> ordered.put(h, results.get(h)));
                    report.add(new RunReport.TaskRecord(play.name(), task.title(), task.where().toString(), ordered));
                    listener.taskFinished(task, ordered);
                    if (tooManyFailed(play, runs)) {
                        String w = "play '" + play.name() + "': more than " + maxFail(play) + "% of the batch failed; stopping the play";
                        report.warn(w);
                        listener.warning(w);
                        listener.batchFinished(play, batch);
                        return;
                    }
                }
                listener.batchFinished(play, batch);
            } finally {
                runs.values().forEach(HostRun::close);
            }
        }
    }

    private static int maxFail(Play play) {
        return play.maxFailPercentage() == null ? 100 : play.maxFailPercentage();
    }

    private static boolean tooManyFailed(Play play, Map<String, HostRun> runs) {
        long bad = runs.values().stream().filter(r -> r.failed || r.unreachable).count();
        if (bad == 0) {
            return false;
        }
        if (play.maxFailPercentage() == null) {
            return bad == runs.size() && play.serial() != null; // Ansible: a fully failed batch ends a serial play
        }
        return bad * 100.0 / runs.size() > play.maxFailPercentage();
    }

    private boolean selectedByTags(Play play, Task task) {
        Set<String> tags = new LinkedHashSet<>(task.tags());
        tags.addAll(play.tags());
        if (!options.skipTags().isEmpty() && tags.stream().anyMatch(options.skipTags()::contains)) {
            return false;
        }
        if (options.tags().isEmpty() || options.tags().contains("all")) {
            return true;
        }
        return tags.contains("always") || tags.stream().anyMatch(options.tags()::contains);
    }

    static List<List<String>> batches(List<String> hosts, String serial) {
        if (serial == null || hosts.isEmpty()) {
            return List.of(hosts);
        }
        int size = serial.endsWith("%") ? (int) Math.max(1, Math.floor(hosts.size() * Integer.parseInt(serial.replace("%", "")) / 100.0))
                : Math.max(1, Integer.parseInt(serial));
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i += size) {
            out.add(hosts.subList(i, Math.min(hosts.size(), i + size)));
        }
        return out;
    }

    private Map<String, Object> varsFor(HostRun hr, Map<String, Object> playVars, Task task) {
        Map<String, Object> v = new LinkedHashMap<>(inventory.varsFor(hr.name));
        v.putAll(playVars);
        v.putAll(task.vars());
        v.putAll(hr.facts);
        v.putAll(options.extraVars());
        v.put("ansible_check_mode", options.check());
        String platform = hr.connection().platform();
        v.put("portpush_platform", platform == null ? "" : platform);
        v.put("portpush_check_mode", options.check());
        return v;
    }

    private TaskResult runTask(Play play, Map<String, Object> playVars, Task task, HostRun hr) {
        TaskResult r = runTaskOnce(playVars, task, hr);
        if (hr.expired && r.status() == Status.FAILED) {
            return r.withStatus(Status.FAILED, "host timeout: " + hr.name + " used its " + options.hostTimeout().toSeconds()
                    + " s (--host-timeout); " + r.msg());
        }
        return r;
    }

    private TaskResult runTaskOnce(Map<String, Object> playVars, Task task, HostRun hr) {
        if (stopping != null) {
            return TaskResult.skipped("not started on " + hr.name + ": " + stopping);
        }
        if (hr.expired) {
            return TaskResult.failed("host timeout: " + hr.name + " used its " + options.hostTimeout().toSeconds()
                    + " s (--host-timeout) before this task");
        }
        try {
            Map<String, Object> vars = varsFor(hr, playVars, task);
            TaskModule module = modules.get(task.module());
            SourceLocation where = task.where();
            List<Object> items = null;
            if (task.loop() != null) {
                Object l = templates.renderValue(task.loop(), vars, where);
                if (!(l instanceof List<?> list)) {
                    return TaskResult.failed(where + ": loop must give a list, got " + l);
                }
                items = new ArrayList<>(list);
            }
            TaskResult result;
            if (items == null) {
                result = once(task, module, vars, hr, where);
            } else {
                List<Object> per = new ArrayList<>();
                Status status = Status.SKIPPED;
                String msg = "";
                List<String> commands = new ArrayList<>();
                StringBuilder diff = new StringBuilder();
                for (Object item : items) {
                    Map<String, Object> iv = new LinkedHashMap<>(vars);
                    iv.put("item", item);
                    TaskResult r = once(task, module, iv, hr, where);
                    Map<String, Object> m = new LinkedHashMap<>(r.data());
                    m.put("item", item);
                    m.put("changed", r.status() == Status.CHANGED);
                    m.put("failed", r.status() == Status.FAILED);
                    per.add(m);
                    commands.addAll(r.commands());
                    diff.append(r.diff());
                    status = worse(status, r.status());
                    if (r.status() == Status.FAILED || r.status() == Status.UNREACHABLE) {
                        msg = r.msg();
                        break;
                    }
                }
                result = new TaskResult(status, msg.isEmpty() ? items.size() + " items" : msg, Map.of("results", per),
                        diff.toString(), commands);
            }
            if (task.register() != null) {
                Map<String, Object> reg = new LinkedHashMap<>(result.data());
                reg.put("changed", result.status() == Status.CHANGED);
                reg.put("failed", result.status() == Status.FAILED);
                reg.put("skipped", result.status() == Status.SKIPPED);
                reg.put("msg", result.msg() == null ? "" : result.msg());
                hr.facts.put(task.register(), reg);
                hr.factOrigins.put(task.register(), task.where());
            }
            if (task.module().equals("set_fact") && result.status() != Status.FAILED) {
                hr.facts.putAll(result.data());
                result.data().keySet().forEach(k -> hr.factOrigins.put(k, task.where()));
            }
            return redact(result);
        } catch (TransportException e) {
            Status s = e.midSession() ? Status.FAILED : Status.UNREACHABLE;
            return redact(new TaskResult(s, e.getMessage(), Map.of(), "", List.of()));
        } catch (PortpushException e) {
            return redact(TaskResult.failed(e.getMessage()));
        } catch (RuntimeException e) {
            return redact(TaskResult.failed("internal error in module " + task.module() + ": " + e));
        }
    }

    private static Status worse(Status a, Status b) {
        List<Status> order = List.of(Status.SKIPPED, Status.OK, Status.CHANGED, Status.FAILED, Status.UNREACHABLE);
        return order.indexOf(b) > order.indexOf(a) ? b : a;
    }

    private TaskResult once(Task task, TaskModule module, Map<String, Object> vars, HostRun hr, SourceLocation where) {
        if ((options.mode() == RunOptions.Mode.VERIFY || options.mode() == RunOptions.Mode.LINT) && !module.audits()) {
            return TaskResult.skipped(task.module() + " is not a policy module; " + options.mode().name().toLowerCase(java.util.Locale.ROOT)
                    + " skips it");
        }
        if (task.when() != null && !templates.condition(task.when(), vars, where)) {
            return TaskResult.skipped("condition false: " + task.when());
        }
        Object args = templates.renderValue(task.args(), vars, where);
        if (module.needsConnection()) {
            Optional<InjectionCheck.Injection> bad = InjectionCheck.find(task.args(), args, vars);
            if (bad.isPresent()) {
                throw injected(task, hr, bad.get());
            }
        }
        TaskContext ctx = new TaskContext(hr.name, hr.connection(), vars, task, options, templates, hr::session, hr::ssh,
                hr::reopen, listener, redactor, services).withLogin(() -> hr.login(0));
        return module.run(ctx, args);
    }

    /**
     * Checks every task's arguments for every host it will run on before anything connects:
     * rendering, values that would add a line, and each module's own {@link TaskModule#validate}.
     * All problems are reported at once (exit 5), each once with the hosts it concerns. A task whose
     * arguments need what only the run produces (a registered result, a set_fact, a loop over one)
     * is left to the run.
     */
    private void preflight(List<Play> plays, Path base) {
        Set<String> runtime = new java.util.HashSet<>();
        for (Play play : plays) {
            for (Task t : play.tasks()) {
                if (t.register() != null) {
                    runtime.add(t.register());
                }
                if (t.module().equals("set_fact") && t.args() instanceof Map<?, ?> m) {
                    m.keySet().forEach(k -> runtime.add(String.valueOf(k)));
                }
            }
        }
        Map<String, io.portpush.core.error.InputProblem> found = new LinkedHashMap<>();
        Map<String, List<String>> hostsOf = new LinkedHashMap<>();
        for (Play play : plays) {
            List<String> hosts = new ArrayList<>(inventory.select(play.hosts()));
            if (options.limit() != null) {
                hosts.retainAll(inventory.select(options.limit()));
            }
            hosts.removeIf(h -> !options.shard().holds(h));
            Map<String, Object> playVars = playVars(play, base);
            boolean started = options.startAtTask() == null;
            for (Task task : play.tasks()) {
                started = started || task.title().equals(options.startAtTask());
                TaskModule module = modules.get(task.module());
                if (!started || !selectedByTags(play, task) || module == null
                        || (options.mode() == RunOptions.Mode.VERIFY || options.mode() == RunOptions.Mode.LINT) && !module.audits()) {
                    continue;
                }
                for (String h : hosts) {
                    HostRun hr = new HostRun(h);
                    try {
                        check(task, module, hr, playVars);
                    } catch (io.portpush.core.error.InvalidInputException e) {
                        String msg = e.getMessage();
                        if (runtime.stream().anyMatch(n -> msg.contains("'" + n + "'") || msg.contains("'" + n + ".")
                                || msg.contains("'" + n + "["))) {
                            continue;
                        }
                        for (io.portpush.core.error.InputProblem p : e.problems()) {
                            io.portpush.core.error.InputProblem at = fromVariables(task, hr, p);
                            found.putIfAbsent(at.toString(), at);
                            hostsOf.computeIfAbsent(at.toString(), k -> new ArrayList<>()).add(h);
                        }
                    } catch (InjectedValue e) {
                        found.putIfAbsent(e.problem.toString(), e.problem);
                        hostsOf.computeIfAbsent(e.problem.toString(), k -> new ArrayList<>()).add(h);
                    }
                }
            }
        }
        playVarOrigins.clear();
        if (!found.isEmpty()) {
            List<io.portpush.core.error.InputProblem> out = new ArrayList<>();
            found.forEach((k, p) -> out.add(new io.portpush.core.error.InputProblem(p.where(), p.message() + " [" + hostLabel(hostsOf.get(k))
                    + "]")));
            throw new io.portpush.core.error.InvalidInputException(out);
        }
    }

    private static String hostLabel(List<String> hosts) {
        return (hosts.size() == 1 ? "host " : "hosts ") + (hosts.size() > 5 ? String.join(", ", hosts.subList(0, 5)) + " and "
                + (hosts.size() - 5) + " more" : String.join(", ", hosts));
    }

    /** One task on one host, without connecting: condition, loop, rendering, injected characters, the module's validation. */
    private void check(Task task, TaskModule module, HostRun hr, Map<String, Object> playVars) {
        Map<String, Object> vars = varsFor(hr, playVars, task);
        SourceLocation where = task.where();
        List<Object> items = new ArrayList<>();
        if (task.loop() != null) {
            Object l = templates.renderValue(task.loop(), vars, where);
            if (!(l instanceof List<?> list)) {
                return;
            }
            items.addAll(list);
        } else {
            items.add(null);
        }
        for (Object item : items) {
            Map<String, Object> iv = new LinkedHashMap<>(vars);
            if (task.loop() != null) {
                iv.put("item", item);
            }
            if (task.when() != null) {
                boolean run;
                try {
                    run = templates.condition(task.when(), iv, where);
                } catch (RuntimeException e) {
                    continue; // the condition needs what only the run knows
                }
                if (!run) {
                    continue;
                }
            }
            Object args = templates.renderValue(task.args(), iv, where);
            if (module.needsConnection()) {
                Optional<InjectionCheck.Injection> bad = InjectionCheck.find(task.args(), args, iv);
                if (bad.isPresent()) {
                    throw new InjectedValue(injection(task, hr, bad.get()));
                }
            }
            java.util.function.Supplier<DeviceSession> never = () -> {
                throw new IllegalStateException("validation never connects");
            };
            TaskContext ctx = new TaskContext(hr.name, hr.connection(), iv, task, options, templates, never, () -> {
                throw new IllegalStateException("validation never connects");
            }, never, listener, redactor, services);
            module.validate(ctx, args);
        }
    }

    /**
     * Arguments a module reads from the variable of the same name when the task does not give them
     * ({@code roles}: the catalogue roles' addresses of acl and qos, usually in group_vars).
     */
    private static final Set<String> VARIABLE_FALLBACKS = Set.of("roles");

    /**
     * A problem in such an argument is reported at the file and line that set the variable, when
     * the inventory set it.
     */
    private io.portpush.core.error.InputProblem fromVariables(Task task, HostRun hr, io.portpush.core.error.InputProblem p) {
        String field = p.where().field();
        if (!field.startsWith(task.module() + ".")) {
            return p;
        }
        String arg = field.substring(task.module().length() + 1).split("[.\\[]", 2)[0];
        boolean own = task.args() instanceof Map<?, ?> m && m.containsKey(arg);
        if (!VARIABLE_FALLBACKS.contains(arg) || own || options.extraVars().containsKey(arg) || task.vars().containsKey(arg) || playVarOrigins.containsKey(arg)) {
            return p;
        }
        return inventory.originOf(hr.name, arg).map(l -> new io.portpush.core.error.InputProblem(new SourceLocation(l.file(), l.line(),
                field.substring(task.module().length() + 1)), p.message() + " (used by the task at " + task.where().file() + ":"
                + task.where().line() + ")")).orElse(p);
    }

    /** A value that would add a line, found before connecting. */
    private static final class InjectedValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient io.portpush.core.error.InputProblem problem;

        InjectedValue(io.portpush.core.error.InputProblem problem) {
            super(problem.toString(), null, false, false);
            this.problem = problem;
        }
    }

    /** The refusal of a rendered argument, naming the variable and where it was set; nothing has been sent. */
    private UnsafeLineException injected(Task task, HostRun hr, InjectionCheck.Injection i) {
        return new UnsafeLineException(injection(task, hr, i) + " to " + hr.name + " (a value can never add a line to a device)");
    }

    private io.portpush.core.error.InputProblem injection(Task task, HostRun hr, InjectionCheck.Injection i) {
        StringBuilder m = new StringBuilder("the rendered value '" + UnsafeLineException.visible(i.value()) + "' holds "
                + i.violation().describe());
        if (!i.variables().isEmpty()) {
            String v = i.variables().get(0);
            m.append("; it comes from variable '").append(v).append("', set in ").append(originOf(hr, task, v));
        }
        m.append("; nothing was sent");
        return new io.portpush.core.error.InputProblem(new SourceLocation(task.where().file(), task.where().line(),
                task.module() + "." + i.field()), m.toString());
    }

    /** Where the value {@code name} has for this host and task was set, by the precedence {@link #varsFor} applies. */
    private String originOf(HostRun hr, Task task, String name) {
        if (options.extraVars().containsKey(name)) {
            return "the extra vars (-e)";
        }
        if (hr.factOrigins.containsKey(name)) {
            SourceLocation w = hr.factOrigins.get(name);
            return "a fact registered by the task at " + w.file() + ":" + w.line();
        }
        if (task.vars().containsKey(name)) {
            return "the vars of the task at " + task.where().file() + ":" + task.where().line();
        }
        if (playVarOrigins.containsKey(name)) {
            return playVarOrigins.get(name);
        }
        return inventory.originOf(hr.name, name).map(l -> l.file() + ":" + (l.line() > 0 ? l.line() : "?")).orElse("the inventory");
    }

    private TaskResult redact(TaskResult r) {
        return new TaskResult(r.status(), redactor.redact(r.msg()), r.data(), redactor.redact(r.diff()),
                r.commands().stream().map(redactor::redact).toList());
    }
}

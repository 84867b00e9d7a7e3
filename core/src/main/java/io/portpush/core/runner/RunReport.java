package io.portpush.core.runner;

import io.portpush.core.error.ExitCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything a run did, task by task and host by host; the source of the recap, JSON and HTML reports. */
public final class RunReport {
    /** One task's results on every host it ran on. */
    public record TaskRecord(String play, String task, String where, Map<String, TaskResult> results) {
    }

    /** Per-host counts, as in Ansible's PLAY RECAP. */
    public static final class Counts {
        public int ok;
        public int changed;
        public int unreachable;
        public int failed;
        public int skipped;
        public int ignored;
    }

    private final String runId;
    private final Instant started;
    private final io.portpush.core.inventory.Shard shard;
    private final List<TaskRecord> tasks = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Counts> recap = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Long> spent = new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean check;

    public RunReport(String runId, boolean check) {
        this(runId, check, io.portpush.core.inventory.Shard.ALL, Instant.now());
    }

    /** A run's report; {@code shard} is the share of the hosts it worked on. */
    public RunReport(String runId, boolean check, io.portpush.core.inventory.Shard shard, Instant started) {
        this.runId = runId;
        this.check = check;
        this.shard = shard;
        this.started = started;
    }

    /** The share of the hosts this run worked on ({@link io.portpush.core.inventory.Shard#ALL} unless split). */
    public io.portpush.core.inventory.Shard shard() {
        return shard;
    }

    /**
     * Time each host spent in its own tasks, from its first connect to its last recorded result
     * (waiting for the rest of a batch does not count): where a slow device shows.
     */
    public Map<String, java.time.Duration> elapsed() {
        Map<String, java.time.Duration> out = new LinkedHashMap<>();
        recap().keySet().forEach(h -> {
            Long n = spent.get(h);
            if (n != null) {
                out.put(h, java.time.Duration.ofNanos(n));
            }
        });
        return out;
    }

    void spent(String host, long nanos) {
        spent.merge(host, nanos, Long::sum);
    }

    /** Sets a host's counts as a report read back says them. */
    void recap(String host, Counts counts) {
        synchronized (recap) {
            recap.put(host, counts);
        }
    }

    public String runId() {
        return runId;
    }

    public Instant started() {
        return started;
    }

    public boolean check() {
        return check;
    }

    public List<TaskRecord> tasks() {
        return List.copyOf(tasks);
    }

    public Map<String, Counts> recap() {
        synchronized (recap) {
            return new LinkedHashMap<>(recap);
        }
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    void warn(String w) {
        warnings.add(w);
    }

    void add(TaskRecord r) {
        tasks.add(r);
    }

    void count(String host, TaskResult r, boolean ignored) {
        synchronized (recap) {
            Counts c = recap.computeIfAbsent(host, h -> new Counts());
            switch (r.status()) {
                case OK -> c.ok++;
                case CHANGED -> {
                    c.ok++;
                    c.changed++;
                }
                case FAILED -> {
                    if (ignored) {
                        c.ignored++;
                    } else {
                        c.failed++;
                    }
                }
                case UNREACHABLE -> c.unreachable++;
                case SKIPPED -> c.skipped++;
                default -> throw new IllegalStateException();
            }
        }
    }

    void touch(String host) {
        synchronized (recap) {
            recap.computeIfAbsent(host, h -> new Counts());
        }
    }

    /** 0 all ok, 2 some host failed, 4 some host unreachable (and none failed). */
    public int exitCode() {
        Map<String, Counts> r = recap();
        if (r.values().stream().anyMatch(c -> c.failed > 0)) {
            return ExitCodes.HOST_FAILED;
        }
        if (r.values().stream().anyMatch(c -> c.unreachable > 0)) {
            return ExitCodes.UNREACHABLE;
        }
        return ExitCodes.OK;
    }
}

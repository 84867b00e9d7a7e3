package io.portpush.cli.run;

import io.portpush.core.history.HistoryStore;
import io.portpush.core.playbook.Play;
import io.portpush.core.playbook.Task;
import io.portpush.core.runner.RunListener;
import io.portpush.core.runner.Status;
import io.portpush.core.runner.TaskResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forwards every event to the console and commits what the modules staged in history once per
 * batch, with a message a person can read in {@code git log}.
 */
final class HistoryRecorder implements RunListener {
    private final RunListener console;
    private final HistoryStore history;
    private final String runId;
    private final String playbook;
    private final Map<String, Status> worst = new LinkedHashMap<>();

    HistoryRecorder(RunListener console, HistoryStore history, String runId, String playbook) {
        this.console = console;
        this.history = history;
        this.runId = runId;
        this.playbook = playbook;
    }

    @Override
    public void playStarted(Play play, List<String> hosts) {
        console.playStarted(play, hosts);
    }

    @Override
    public void taskStarted(Task task) {
        console.taskStarted(task);
    }

    @Override
    public synchronized void hostResult(Task task, String host, TaskResult result) {
        Status s = result.status();
        Status w = worst.get(host);
        if (w == null || rank(s) > rank(w)) {
            worst.put(host, s);
        }
        console.hostResult(task, host, result);
    }

    @Override
    public void taskFinished(Task task, java.util.Map<String, io.portpush.core.runner.TaskResult> results) {
        console.taskFinished(task, results);
    }

    private static int rank(Status s) {
        return List.of(Status.SKIPPED, Status.OK, Status.CHANGED, Status.FAILED, Status.UNREACHABLE).indexOf(s);
    }

    @Override
    public void sent(String host, String line) {
        console.sent(host, line);
    }

    @Override
    public void received(String host, String output) {
        console.received(host, output);
    }

    @Override
    public void warning(String message) {
        console.warning(message);
    }

    @Override
    public void note(String message) {
        console.note(message);
    }

    @Override
    public synchronized void batchFinished(Play play, List<String> hosts) {
        if (!history.hasStaged()) {
            return;
        }
        long changed = hosts.stream().filter(h -> worst.get(h) == Status.CHANGED).count();
        long failed = hosts.stream().filter(h -> worst.get(h) == Status.FAILED || worst.get(h) == Status.UNREACHABLE).count();
        StringBuilder msg = new StringBuilder("portpush " + (play.name().isEmpty() ? play.hosts() : play.name()) + ": " + changed
                + " device(s) changed" + (failed > 0 ? ", " + failed + " failed" : "") + "\n\n");
        msg.append("run-id: ").append(runId).append('\n');
        msg.append("what: ").append(playbook).append('\n');
        msg.append("user: ").append(System.getProperty("user.name")).append('\n');
        msg.append("time: ").append(Instant.now()).append('\n');
        msg.append("result: ").append(failed > 0 ? "partial" : "ok").append('\n');
        for (String h : hosts) {
            msg.append("host ").append(h).append(": ").append(worst.getOrDefault(h, Status.SKIPPED).word()).append('\n');
        }
        history.commit(msg.toString(), System.getProperty("user.name", "portpush")).ifPresent(rev -> {
            lastRevision = rev.shortId();
            console.note("history: revision " + rev.shortId() + " recorded for " + String.join(", ", hosts.stream()
                    .filter(h -> worst.get(h) == Status.CHANGED).toList()) + " in " + history.dir() + " ('portpush history HOST' lists it)");
        });
    }

    private String lastRevision;

    /** The history revision this run recorded last, if it recorded one. */
    public java.util.Optional<String> lastRevision() {
        return java.util.Optional.ofNullable(lastRevision);
    }
}

package io.portpush.cli.run;

import io.portpush.core.playbook.Play;
import io.portpush.core.playbook.Task;
import io.portpush.core.runner.Redactor;
import io.portpush.core.runner.RunListener;
import io.portpush.core.runner.RunReport;
import io.portpush.core.runner.Status;
import io.portpush.core.runner.TaskResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Ansible-style console output: PLAY and TASK banners, a line per host, diffs, and the PLAY RECAP. */
public final class ConsoleListener implements RunListener {
    private final PrintWriter out;
    private final int verbosity;
    private final boolean diff;
    private final boolean color;
    private final Redactor redactor;
    private final Progress progress;
    private int hostsInPlay;

    /**
     * @param progress where the progress of large plays goes: a bar redrawn on a terminal, else
     *        periodic lines (null: none, as with --json)
     */
    public ConsoleListener(PrintWriter out, int verbosity, boolean diff, boolean color, Redactor redactor, PrintWriter progress) {
        this(out, verbosity, diff, color, redactor, progress == null ? null : new Progress(progress, color, 10_000, System::currentTimeMillis));
    }

    ConsoleListener(PrintWriter out, int verbosity, boolean diff, boolean color, Redactor redactor, Progress progress) {
        this.progress = progress;
        this.out = out;
        this.verbosity = verbosity;
        this.diff = diff;
        this.color = color;
        this.redactor = redactor;
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    private static String banner(String text) {
        return text + " " + "*".repeat(Math.max(3, 79 - text.length()));
    }

    @Override
    public synchronized void playStarted(Play play, List<String> hosts) {
        hostsInPlay = hosts.size();
        out.println();
        out.println(banner("PLAY [" + (play.name().isEmpty() ? play.hosts() : play.name()) + "]"));
        out.flush();
    }

    @Override
    public synchronized void taskStarted(Task task) {
        if (progress != null) {
            progress.start(hostsInPlay);
        }
        out.println();
        out.println(banner("TASK [" + task.title() + "]"));
        out.flush();
    }

    @Override
    public synchronized void hostResult(Task task, String host, TaskResult r) {
        String line = switch (r.status()) {
            case OK -> paint("32", "ok: [" + host + "]");
            case CHANGED -> paint("33", "changed: [" + host + "]");
            case SKIPPED -> paint("36", "skipping: [" + host + "]");
            case FAILED -> paint("31", "fatal: [" + host + "]: FAILED! => " + r.msg()) + (task.ignoreErrors() ? "\n...ignoring" : "");
            case UNREACHABLE -> paint("31", "fatal: [" + host + "]: UNREACHABLE! => " + r.msg());
        };
        boolean showMsg = verbosity >= 1 || task.module().equals("debug");
        if (showMsg && (r.status() == Status.OK || r.status() == Status.CHANGED) && r.msg() != null && !r.msg().isEmpty()) {
            line += " => " + r.msg();
        } else if (r.status() == Status.CHANGED && Boolean.TRUE.equals(r.data().get("verified"))) {
            // the proof that it landed is worth a word even without -v
            line += " (verified from the device)";
        }
        if (progress != null) {
            progress.hostDone();
        }
        out.println(redactor.redact(line));
        // the soak was asked for: its findings are the point, shown without -v
        if (r.data().get("traffic") instanceof List<?> traffic && !traffic.isEmpty()) {
            out.println("  traffic (--soak):");
            traffic.forEach(t -> out.println(redactor.redact("    " + t)));
        }
        out.flush();
    }

    /** Each host's variables, so that a change the same on many hosts but for their own values is shown once. */
    private java.util.function.Function<String, Map<String, Object>> vars = h -> Map.of();

    public void groupWith(java.util.function.Function<String, Map<String, Object>> hostVars) {
        this.vars = hostVars;
    }

    /**
     * Once every host finished the task: its changes, grouped (the hosts that differ first, each
     * change once), meaning before text, then the line diff and the commands.
     */
    @Override
    public synchronized void taskFinished(Task task, Map<String, TaskResult> results) {
        if (!diff && verbosity < 1) {
            return;
        }
        boolean many = results.size() > 1;
        for (io.portpush.core.review.ChangeGroups.Group g : io.portpush.core.review.ChangeGroups.of(results, vars)) {
            if (g.diff().isEmpty() && g.commands().isEmpty() && g.meaning().isEmpty()) {
                continue; // a failure without lines: its result line said all there is
            }
            if (many) {
                List<String> h = g.hosts();
                String who = String.join(", ", h.subList(0, Math.min(10, h.size()))) + (h.size() > 10 ? " and " + (h.size() - 10) + " more" : "");
                out.println(paint("1", "  " + (h.size() == 1 ? who + ": " + (g.status() == Status.FAILED ? "failed" : "a change of its own")
                        : h.size() + " hosts (" + who + "): the same change")));
            }
            // meaning before text: the counts, flows and lint, what the change opens and closes, then its lines
            g.facts().forEach(f -> out.println(redactor.redact("  " + f)));
            if (!g.meaning().isEmpty()) {
                out.println("  meaning:");
                g.meaning().forEach(m -> out.println(redactor.redact("    " + m)));
            }
            if (diff && !g.diff().isEmpty()) {
                for (String d : g.diff().lines().toList()) {
                    String p = d.startsWith("+") && !d.startsWith("+++") ? paint("32", d)
                            : d.startsWith("-") && !d.startsWith("---") ? paint("31", d) : d;
                    out.println(redactor.redact(p));
                }
            }
            // the commands once, with -v (the diff says what changes; the commands are how it is sent)
            if (!g.commands().isEmpty() && verbosity >= 1) {
                out.println("  commands" + (g.status() == Status.CHANGED && g.message().contains("check mode") ? " (not sent)" : "") + ":");
                g.commands().forEach(c -> out.println(redactor.redact("    " + c)));
            }
            // -vv: the whole text the device will hold, of the group's first host
            if (verbosity >= 2 && results.get(g.hosts().get(0)).data().get("rendered") instanceof String text && !text.isEmpty()) {
                out.println("  device text" + (g.hosts().size() > 1 ? " (" + g.hosts().get(0) + ")" : "") + ":");
                text.lines().forEach(l -> out.println(redactor.redact("    " + l)));
            }
        }
        out.flush();
    }

    @Override
    public synchronized void sent(String host, String line) {
        if (verbosity >= 2) {
            out.println(paint("2", "  [" + host + "] > " + line));
            out.flush();
        }
    }

    @Override
    public synchronized void received(String host, String output) {
        if (verbosity >= 3 && !output.isBlank()) {
            output.lines().forEach(l -> out.println(paint("2", "  [" + host + "] < " + l)));
            out.flush();
        }
    }

    @Override
    public synchronized void warning(String message) {
        out.println(paint("35", "[WARNING]: " + redactor.redact(message)));
        out.flush();
    }

    @Override
    public synchronized void note(String message) {
        out.println(redactor.redact(message));
        out.flush();
    }

    public synchronized void recap(RunReport report) {
        out.println();
        out.println(banner("PLAY RECAP"));
        for (Map.Entry<String, RunReport.Counts> e : report.recap().entrySet()) {
            RunReport.Counts c = e.getValue();
            String name = String.format("%-26s", e.getKey());
            String colored = c.failed > 0 || c.unreachable > 0 ? paint("31", name) : c.changed > 0 ? paint("33", name) : paint("32", name);
            out.printf("%s : ok=%-4d changed=%-4d unreachable=%-4d failed=%-4d skipped=%-4d rescued=0    ignored=%d%n", colored, c.ok,
                    c.changed, c.unreachable, c.failed, c.skipped, c.ignored);
        }
        if (report.check()) {
            out.println();
            out.println("Check mode: no command that changes a device was sent.");
        }
        out.flush();
    }
}

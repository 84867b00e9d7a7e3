package io.portpush.cli.run;

import io.portpush.core.error.ExitCodes;
import io.portpush.core.runner.RunOptions;
import io.portpush.core.runner.RunReport;
import io.portpush.core.runner.Status;
import picocli.CommandLine.Command;

/** Read-only commands over a playbook's policy tasks: {@code verify} (devices) and {@code lint} (no devices). */
public final class AuditCommands {
    private AuditCommands() {
    }

    /** Exit 3 when any policy task found something, else the run's own code. */
    static int findingsExit(RunReport r) {
        boolean found = r.tasks().stream().flatMap(t -> t.results().values().stream()).anyMatch(x -> x.status() == Status.FAILED
                && x.data().containsKey("findings"));
        if (found && r.recap().values().stream().noneMatch(c -> c.unreachable > 0)) {
            return ExitCodes.DRIFT;
        }
        return r.exitCode();
    }

    /** Policy results with findings, and how many policy results there were. */
    static String summary(String what, String none, RunReport r) {
        long audited = r.tasks().stream().flatMap(t -> t.results().values().stream()).filter(x -> x.status() != Status.SKIPPED).count();
        long found = r.tasks().stream().flatMap(t -> t.results().values().stream()).filter(x -> x.status() == Status.FAILED
                && x.data().containsKey("findings")).count();
        long hosts = r.recap().size();
        String line = found == 0 ? what + ": " + none + " (" + audited + " policy task result(s) on " + hosts + " host(s))"
                : what + ": findings in " + found + " of " + audited + " policy task result(s) on " + hosts + " host(s), listed above";
        return line + catalogueNotes(r);
    }

    /** The catalogue's caveats about the flows the tasks open, once per task rather than once per host. */
    @SuppressWarnings("unchecked")
    static String catalogueNotes(RunReport r) {
        java.util.Set<String> lines = new java.util.LinkedHashSet<>();
        for (RunReport.TaskRecord t : r.tasks()) {
            t.results().values().stream().filter(x -> x.data().get("notes") instanceof java.util.List<?>)
                    .flatMap(x -> ((java.util.List<String>) x.data().get("notes")).stream())
                    .forEach(n -> lines.add("  [" + t.task() + "] note: " + n));
        }
        return lines.isEmpty() ? "" : "\ncatalogue notes (information, not findings):\n" + String.join("\n", lines);
    }

    /** {@code portpush verify}: reads every device and compares it with the playbook's ACLs, entry by entry. */
    @Command(name = "verify", description = {"Audit devices against a playbook's ACL intent; changes nothing.",
            "Exit 0 when every device matches, 3 when drift was found (listed entry by entry), 4 when a host is unreachable."})
    public static final class Verify extends RunCommand {
        @Override
        protected RunOptions.Mode mode() {
            return RunOptions.Mode.VERIFY;
        }

        @Override
        protected String summary(RunReport result) {
            return AuditCommands.summary("verify", "no drift", result);
        }

        @Override
        protected int exitCode(RunReport result) {
            return findingsExit(result);
        }
    }

    /** {@code portpush lint}: checks the playbook's ACL intent without connecting to any device. */
    @Command(name = "lint", description = {"Check a playbook's ACLs without connecting: shadowed entries, duplicates, entries after a "
            + "catch-all, permits broader than the catalogue.", "Exit 0 when clean, 3 when something was found."})
    public static final class Lint extends RunCommand {
        @Override
        protected RunOptions.Mode mode() {
            return RunOptions.Mode.LINT;
        }

        @Override
        protected String summary(RunReport result) {
            return AuditCommands.summary("lint", "no findings", result);
        }

        @Override
        protected int exitCode(RunReport result) {
            return findingsExit(result);
        }
    }
}

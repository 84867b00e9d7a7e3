package io.portpush.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real CLI entry point in-process and captures what it prints. */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PortpushCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs with a test's own state directory and, unless given, a 5 s command timeout. */
    public static CliRun inState(Path stateDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--state-dir", stateDir.toString()));
        if (!all.contains("--timeout") && !List.of("history", "lab", "catalogue", "inventory", "lint").contains(args[0])) {
            all.addAll(List.of("--timeout", String.valueOf(io.portpush.lab.TimeScale.seconds(5))));
        }
        return of(all.toArray(String[]::new));
    }

    public int code() {
        return exitCode;
    }
}

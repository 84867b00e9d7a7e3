package io.portpush.cli.run;

import io.portpush.core.error.ExitCodes;
import io.portpush.core.error.NotFoundException;
import io.portpush.core.inventory.Inventory;
import io.portpush.core.inventory.InventoryLoader;
import io.portpush.core.runner.Redactor;
import io.portpush.core.runner.RunReport;
import io.portpush.core.runner.RunReportJson;
import io.portpush.core.runner.RunSummary;
import io.portpush.core.runner.ShardReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code portpush report ...}: work on run reports after the run. */
@Command(name = "report", description = "Work on run reports: merge the reports of a run's shards.",
        subcommands = ReportCommand.Merge.class)
public final class ReportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code portpush report merge shard-*.json --report run.html}: the shards' JSON reports as
     * one recap, one JSON and one HTML report, as the run would have written them unsplit.
     */
    @Command(name = "merge", description = "Merge the JSON reports of a split run (run --shard K/N --report shard-K.json) into one recap and "
            + "report. Exits as the unsplit run would have: 0, 2 (a host failed) or 4 (a host unreachable).")
    public static final class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "REPORT", arity = "1..*", description = "The shards' JSON reports.")
        List<Path> parts = new ArrayList<>();

        @Option(names = "--report", paramLabel = "FILE", description = "Write the merged report: FILE.html or FILE.json (repeatable).")
        List<Path> reports = new ArrayList<>();

        @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY", description = "The run's inventory: hosts listed in its order, and "
                + "changes grouped by its host variables as the run groups them (without it: by host name only).")
        Path inventory;

        @Option(names = "--json", description = "Print the merged JSON report on stdout instead of the recap.")
        boolean json;

        @picocli.CommandLine.Mixin
        VaultOptions vaultOptions = new VaultOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<ShardReports.Part> read = new ArrayList<>();
            for (Path p : parts) {
                if (!Files.isRegularFile(p)) {
                    throw new NotFoundException("no report " + p + " (give the JSON files the shards wrote with --report FILE.json)");
                }
                try {
                    read.add(ShardReports.read(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            Redactor redactor = new Redactor();
            java.util.function.Function<String, Map<String, Object>> vars = h -> Map.of();
            List<String> order = List.of();
            if (inventory != null) {
                io.portpush.core.vault.Vault vault = vaultOptions.vault(System.getenv());
                Inventory inv = InventoryLoader.load(inventory, vault);
                vault.revealed().forEach(redactor::learn);
                vars = inv::varsFor;
                order = inv.hostNames();
            }
            RunReport merged = ShardReports.merge(read, order);
            String jsonText = RunReportJson.write(merged, redactor, vars);
            String pasteLine = merged.recap().isEmpty() ? null : RunSummary.line(merged,
                    reports.stream().map(r -> r.toAbsolutePath().toString()).toList(), Optional.empty(), vars);
            for (Path report : reports) {
                String text = report.getFileName().toString().endsWith(".html")
                        ? HtmlReport.write(merged, redactor, "portpush run of " + read.size() + " shard report(s)" + (merged.check() ? " (check)" : ""),
                        vars, pasteLine)
                        : jsonText;
                try {
                    Files.writeString(report, text, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                spec.commandLine().getErr().println("portpush: report written to " + report.toAbsolutePath());
            }
            spec.commandLine().getErr().flush();
            if (json) {
                out.print(jsonText);
            } else {
                ConsoleListener console = new ConsoleListener(out, 0, false, false, redactor, (PrintWriter) null);
                merged.warnings().forEach(console::warning);
                console.recap(merged);
                if (pasteLine != null) {
                    out.println(pasteLine);
                }
            }
            out.flush();
            return merged.exitCode() == ExitCodes.OK ? ExitCodes.OK : merged.exitCode();
        }
    }
}

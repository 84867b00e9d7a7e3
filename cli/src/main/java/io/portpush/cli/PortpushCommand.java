package io.portpush.cli;

import io.portpush.cli.bench.BenchCommand;
import io.portpush.cli.catalogue.CatalogueCommand;
import io.portpush.cli.inventory.InventoryCommand;
import io.portpush.cli.lab.LabCommand;
import io.portpush.cli.run.AuditCommands;
import io.portpush.cli.run.RollbackCommand;
import io.portpush.cli.run.RunCommand;
import io.portpush.cli.history.HistoryCommand;
import io.portpush.core.error.ExitCodes;
import io.portpush.core.error.PortpushException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code portpush} command line: one subcommand per job. */
@Command(name = "portpush", mixinStandardHelpOptions = true, versionProvider = PortpushCommand.Version.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Agentless ACL and QoS pusher driven by a port catalogue.",
        subcommands = {RunCommand.class, io.portpush.cli.parse.ParseCommand.class, AuditCommands.Verify.class, AuditCommands.Lint.class, RollbackCommand.class, HistoryCommand.class, CatalogueCommand.class, InventoryCommand.class, LabCommand.class, BenchCommand.class,
                io.portpush.cli.platform.PlatformsCommand.class, io.portpush.cli.run.ExplainCommand.class, io.portpush.cli.run.AuditCommand.class,
                io.portpush.cli.run.PlanCommands.Plan.class, io.portpush.cli.run.PlanCommands.Show.class,
                io.portpush.cli.run.PlanCommands.Apply.class, io.portpush.cli.run.AdoptCommand.class, io.portpush.cli.run.ReportCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 a host failed, 3 drift found, 4 a host unreachable,",
                "5 invalid input file, 6 not found, 7 another run holds the state directory, 64 usage error,",
                "130/143 interrupted by SIGINT/SIGTERM (see the README)."})
public final class PortpushCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams; returns the exit code. Used by tests too. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new PortpushCommand());
        // '-e @vars.yml' is Ansible's syntax for a variables file, not picocli's argument file
        cl.setExpandAtFiles(false);
        // verify, lint and rollback share run's options; each help lists only those that apply
        hide(cl, "lint", "--check", "--diff", "--accept-new-host-keys", "--timeout", "--connect-timeout", "--host-timeout",
                "--push-history", "--history-remote", "--forks", "--shard");
        hide(cl, "verify", "--check", "--diff", "--push-history", "--history-remote");
        hide(cl, "rollback", "--tags", "--skip-tags", "--start-at-task");
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof PortpushException pe ? pe.exitCode() : ExitCodes.INTERNAL);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof PortpushException pe) {
                cmd.getErr().println("portpush: " + pe.getMessage().replace("\n", "\nportpush: "));
                return pe.exitCode();
            }
            cmd.getErr().println("portpush: internal error (please report it): " + e);
            e.printStackTrace(cmd.getErr());
            return ExitCodes.INTERNAL;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("portpush: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Removes options of {@code run} that mean nothing to subcommand {@code name} (its fields keep their defaults). */
    private static void hide(CommandLine root, String name, String... options) {
        CommandLine.Model.CommandSpec sub = root.getSubcommands().get(name).getCommandSpec();
        for (String o : options) {
            CommandLine.Model.OptionSpec spec = sub.findOption(o);
            if (spec != null) {
                sub.remove(spec);
            }
        }
    }

    /** Reads the version Maven wrote into the jar. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = PortpushCommand.class.getResourceAsStream("/portpush-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"portpush " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}

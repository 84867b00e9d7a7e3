package io.portpush.cli.run;

import io.portpush.core.change.ChangePlans;
import io.portpush.core.change.PlanFile;
import io.portpush.core.change.PlannedChange;
import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.runner.RunOptions;
import io.portpush.core.runner.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code portpush plan}, {@code show} and {@code apply}: a change reviewed before the window, sent exactly as reviewed in it. */
public final class PlanCommands {
    private PlanCommands() {
    }

    /** {@code portpush plan PLAYBOOK -i INV [-l ...] -o window.plan}: reads every device, writes the changes, sends nothing. */
    @Command(name = "plan", description = {"Read every device and write the changes the playbook would make to a plan file for review; "
            + "sends nothing.", "Each change keeps the fingerprint of the device state it was computed from; 'portpush apply' sends "
            + "exactly its commands, only where the device still holds that state."})
    public static final class Plan extends RunCommand {
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The plan file to write (JSON).")
        Path output;

        @Option(names = "--sign-with", paramLabel = "KEY", description = "Sign the plan with this SSH key (ssh-keygen -Y sign; a private key, "
                + "or a public key held by ssh-agent): FILE.sig beside it, checked by 'apply --allowed-signers'.")
        Path signWith;

        private final ChangePlans recorder = ChangePlans.recorder();

        @Override
        protected RunOptions.Mode mode() {
            return RunOptions.Mode.CHECK;
        }

        @Override
        protected void addServices(Map<Class<?>, Object> services) {
            services.put(ChangePlans.class, recorder);
        }

        @Override
        protected String summary(RunReport result) {
            List<PlannedChange> changes = recorder.all();
            for (PlannedChange c : changes) {
                for (String line : c.lines()) {
                    // a plan is a file people pass around: a line holding a secret is not written into it
                    if (!redactor.redact(line).equals(line)) {
                        throw new InvalidInputException(new SourceLocation(output.toString(), 0, c.host() + " " + c.object()),
                                "a planned command holds a secret; the plan was not written");
                    }
                }
            }
            List<PlannedChange> clean = changes.stream().map(c -> new PlannedChange(c.host(), c.object(), c.fingerprint(),
                    redactor.redact(c.before()), c.lines(), c.atomic(), redactor.redact(c.diff()),
                    c.meaning().stream().map(redactor::redact).toList())).toList();
            new PlanFile(version(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), System.getProperty("user.name", "portpush"),
                    new PlanFile.Run(playbookPath().toAbsolutePath().toString(), inventory.toAbsolutePath().toString(), limit, extraVars, tags,
                            skipTags, confirmTimeout), clean, review(clean, groupVars)).write(output);
            String signed = signWith == null ? "" : "; signed: " + io.portpush.core.change.PlanSignature.sign(output, signWith);
            return "\nplan: " + clean.size() + " change(s) on " + clean.stream().map(PlannedChange::host).distinct().count()
                    + " host(s) written to " + output + signed + " (review: portpush show " + output + "; send: portpush apply " + output + ")";
        }

        @Override
        protected int exitCode(RunReport result) {
            return result.exitCode();
        }
    }

    /** The plan's changes grouped as a run's review groups them, per object. */
    static List<PlanFile.Group> review(List<PlannedChange> changes, java.util.function.Function<String, Map<String, Object>> vars) {
        Map<String, Map<String, io.portpush.core.runner.TaskResult>> byObject = new java.util.LinkedHashMap<>();
        for (PlannedChange c : changes) {
            byObject.computeIfAbsent(c.object(), o -> new java.util.LinkedHashMap<>()).put(c.host(),
                    io.portpush.core.runner.TaskResult.changed(c.object(), Map.of("meaning", c.meaning()), c.diff(), c.lines()));
        }
        List<PlanFile.Group> out = new ArrayList<>();
        byObject.forEach((object, results) -> io.portpush.core.review.ChangeGroups.of(results, vars).forEach(g ->
                out.add(new PlanFile.Group(object, g.hosts(), g.diff(), g.commands(), g.meaning(), g.facts()))));
        return out;
    }

    static String version() {
        try {
            return new io.portpush.cli.PortpushCommand.Version().getVersion()[0].replace("portpush ", "");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** {@code portpush apply window.plan}: sends what was reviewed, host by host, refusing hosts whose state moved. */
    @Command(name = "apply", description = {"Send the changes of a reviewed plan file: a host whose device no longer holds the state the plan "
            + "was computed from is refused (its drift is shown) and the others go ahead; a plan edited after it was written is refused.",
            "Options of 'run' (--state-dir, --timeout, vault passwords...) may follow."})
    public static final class Apply extends RunCommand {
        @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file written by 'portpush plan'.")
        Path planFile;

        @Option(names = "--allowed-signers", paramLabel = "FILE", description = "Refuse the plan unless PLAN.sig is a valid signature of it "
                + "by a key in this OpenSSH allowed-signers file.")
        Path allowedSigners;

        private PlanFile plan;
        private String signer;

        @Override
        protected void prepare() {
            plan = PlanFile.read(planFile);
            if (allowedSigners != null) {
                signer = io.portpush.core.change.PlanSignature.verify(planFile, allowedSigners);
            }
            playbook = Path.of(plan.run().playbook());
            inventory = Path.of(plan.run().inventory());
            limit = plan.run().limit();
            extraVars = new ArrayList<>(plan.run().extraVars());
            tags = new ArrayList<>(plan.run().tags());
            skipTags = new ArrayList<>(plan.run().skipTags());
            if (confirmTimeout == null) {
                confirmTimeout = plan.run().confirmTimeout(); // the reviewed window, unless this apply names another
            }
        }

        @Override
        protected RunOptions.Mode mode() {
            return RunOptions.Mode.RUN;
        }

        @Override
        protected void addServices(Map<Class<?>, Object> services) {
            services.put(ChangePlans.class, ChangePlans.approved(plan.changes()));
        }

        @Override
        protected String summary(RunReport result) {
            return signer != null ? "\nplan signature good, signed by " + signer
                    : java.nio.file.Files.exists(io.portpush.core.change.PlanSignature.of(planFile))
                    ? "\nplan signature present but not checked: give --allowed-signers FILE to require it" : null;
        }

        @Override
        protected String describe() {
            return "apply " + planFile.toAbsolutePath() + " (plan of " + plan.created() + " by " + plan.user()
                    + (signer == null ? "" : "; signature good, signed by " + signer) + ")";
        }
    }

    /** {@code portpush show window.plan}: the plan for review, checked as apply checks it. */
    @Command(name = "show", description = "Print a plan file for review (its content hash is checked as apply checks it).")
    public static final class Show implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file.")
        Path planFile;

        @Option(names = "--allowed-signers", paramLabel = "FILE", description = "Check PLAN.sig against this OpenSSH allowed-signers file.")
        Path allowedSigners;

        @Override
        public Integer call() {
            PlanFile plan = PlanFile.read(planFile);
            String signer = allowedSigners == null ? null : io.portpush.core.change.PlanSignature.verify(planFile, allowedSigners);
            PrintWriter out = spec.commandLine().getOut();
            if (signer != null) {
                out.println("signature good: signed by " + signer);
            }
            out.println("plan " + planFile + ": written " + plan.created() + " by " + plan.user() + " with portpush " + plan.portpushVersion());
            out.println("  playbook " + plan.run().playbook() + ", inventory " + plan.run().inventory()
                    + (plan.run().limit() == null ? "" : ", limit " + plan.run().limit())
                    + (plan.run().confirmTimeout() == null ? "" : ", confirm timeout " + plan.run().confirmTimeout()));
            out.println("  " + plan.changes().size() + " change(s)" + (plan.groups().isEmpty() ? ""
                    : ", " + plan.groups().size() + " distinct (hosts with the same change are shown once, the ones that differ first)"));
            for (PlanFile.Group g : plan.groups()) {
                out.println();
                List<String> h = g.hosts();
                String who = String.join(", ", h.subList(0, Math.min(10, h.size()))) + (h.size() > 10 ? " and " + (h.size() - 10) + " more" : "");
                out.println(g.object() + ": " + (h.size() == 1 ? who + ": a change of its own" : h.size() + " hosts (" + who + "): the same change"));
                g.facts().forEach(f -> out.println("  " + f));
                if (!g.meaning().isEmpty()) {
                    out.println("  meaning:");
                    g.meaning().forEach(m -> out.println("    " + m));
                }
                g.diff().lines().forEach(l -> out.println("  " + l));
                out.println("  commands:");
                g.commands().forEach(l -> out.println("    " + l));
            }
            if (!plan.groups().isEmpty()) {
                out.println();
                out.println("each host's change is computed from the state it was read in:");
                plan.changes().forEach(c -> out.println("  " + c.host() + " " + c.object() + " " + c.fingerprint().substring(0, 12)
                        + " (" + c.lines().size() + " commands" + (c.atomic() ? ", one transaction" : "") + ")"));
                out.flush();
                return 0;
            }
            for (PlannedChange c : plan.changes()) {
                out.println();
                out.println(c.host() + " " + c.object() + " (computed from state " + c.fingerprint().substring(0, 12) + ")");
                if (!c.meaning().isEmpty()) {
                    out.println("  meaning:");
                    c.meaning().forEach(m -> out.println("    " + m));
                }
                c.diff().lines().forEach(l -> out.println("  " + l));
                out.println("  commands" + (c.atomic() ? " (one transaction)" : "") + ":");
                c.lines().forEach(l -> out.println("    " + l));
            }
            out.flush();
            return 0;
        }
    }
}

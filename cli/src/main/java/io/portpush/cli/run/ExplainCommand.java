package io.portpush.cli.run;

import io.portpush.core.error.ExitCodes;
import io.portpush.core.meaning.ExplainRequest;
import io.portpush.core.meaning.Packet;
import io.portpush.core.runner.RunOptions;
import io.portpush.core.runner.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code portpush explain PLAYBOOK -i INV -l HOST --packet "tcp 198.51.100.7:51000 -> 10.10.1.10:5222"}
 * or {@code --flow xcp.client-access}: for each ACL the playbook manages on the host and on the
 * packet's path (by the host's {@code zones}), which entry decides it, read from the device
 * ({@code --check}: from the intent, no connection). Changes nothing.
 */
@Command(name = "explain", description = {"Which entry of each ACL on a packet's path decides it, read from the device (--check: from the "
        + "playbook's intent, no connection). Changes nothing.", "The path follows the host's zones: (interface and addresses per side)."})
public final class ExplainCommand extends RunCommand {
    static final class What {
        @Option(names = "--packet", paramLabel = "PACKET", description = "A packet: \"tcp 198.51.100.7:51000 -> 10.10.1.10:5222\".")
        String packet;
        @Option(names = "--flow", paramLabel = "FLOW", description = "A catalogue flow (group.flow): sample packets between its roles' addresses.")
        String flow;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Override
    protected RunOptions.Mode mode() {
        // reading only; --check explains the intent without connecting
        return check ? RunOptions.Mode.LINT : RunOptions.Mode.VERIFY;
    }

    @Override
    protected void addServices(Map<Class<?>, Object> services) {
        if (what.packet != null) {
            try {
                Packet.parse(what.packet);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--packet: " + e.getMessage());
            }
        }
        services.put(ExplainRequest.class, new ExplainRequest(Optional.ofNullable(what.packet), Optional.ofNullable(what.flow)));
    }

    @Override
    protected String describe() {
        return "explain " + (what.packet != null ? what.packet : what.flow) + " with playbook " + playbookPath();
    }

    @Override
    protected String summary(RunReport result) {
        List<String> lines = new ArrayList<>();
        for (RunReport.TaskRecord t : result.tasks()) {
            t.results().values().forEach(r -> {
                if (r.data().get("explain") instanceof List<?> l) {
                    l.forEach(x -> lines.add("  " + x));
                }
            });
        }
        return lines.isEmpty() ? "\nexplain: no acl task of the playbook ran on the limited hosts" : "\nexplain:\n" + String.join("\n", lines);
    }

    @Override
    protected int exitCode(RunReport result) {
        // drift other tasks report while reading is not this command's answer
        return result.exitCode() == ExitCodes.DRIFT ? ExitCodes.OK : result.exitCode();
    }
}

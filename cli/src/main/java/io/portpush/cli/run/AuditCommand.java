package io.portpush.cli.run;

import io.portpush.cli.TextTable;
import io.portpush.core.meaning.AuditRequest;
import io.portpush.core.runner.RunOptions;
import io.portpush.core.runner.RunReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code portpush audit PLAYBOOK -i INV}: the catalogue reachability matrix. For every catalogue
 * flow between the roles the playbook's acl tasks name, on every path it takes through each
 * device (by the host's zones), whether the intent and the device let it through: all, none or
 * part of it, decided exactly. Changes nothing; exit 3 when a flow the intent permits is blocked
 * somewhere or one it does not permit is open.
 */
@Command(name = "audit", description = {"Catalogue reachability: for each catalogue flow between the playbook's roles and each path "
        + "through each device (zones:), whether the intent and the device permit it, deny it or permit part of it.",
        "Reads devices (--check: the intent only, no connection); changes nothing. Exit 0 when every device does what the intent says, "
                + "3 when a flow is blocked or open against the intent, 4 when a host is unreachable."})
public final class AuditCommand extends RunCommand {
    @Option(names = "--flow", paramLabel = "FLOW", description = "Only this catalogue flow (group.flow) or group.")
    String flow;

    @Option(names = "--all", description = "List the flows denied as intended too (by default counted, not listed).")
    boolean all;

    @Override
    protected RunOptions.Mode mode() {
        return check ? RunOptions.Mode.LINT : RunOptions.Mode.VERIFY;
    }

    @Override
    protected void addServices(Map<Class<?>, Object> services) {
        services.put(AuditRequest.class, new AuditRequest(Optional.ofNullable(flow)));
    }

    @Override
    protected String describe() {
        return "audit catalogue reachability with playbook " + playbookPath();
    }

    @Override
    protected String summary(RunReport result) {
        TextTable table = new TextTable(List.of("HOST", "FLOW", "ROLES", "PATH", "INTENT", "DEVICE", "STATUS", "WHY"), 160);
        int rows = 0;
        int findings = 0;
        int local = 0;
        int quiet = 0;
        for (RunReport.TaskRecord t : result.tasks()) {
            for (Map.Entry<String, io.portpush.core.runner.TaskResult> e : t.results().entrySet()) {
                if (!(e.getValue().data().get("audit") instanceof List<?> l)) {
                    continue;
                }
                for (Object o : l) {
                    Map<?, ?> r = (Map<?, ?>) o;
                    String status = String.valueOf(r.get("status"));
                    if (status.equals("does not cross")) {
                        local++;
                        continue;
                    }
                    boolean found = Boolean.TRUE.equals(r.get("finding"));
                    findings += found ? 1 : 0;
                    rows++;
                    if (!all && !found && String.valueOf(r.get("intent")).equals("denies")) {
                        quiet++;
                        continue;
                    }
                    table.row(e.getKey(), String.valueOf(r.get("flow")), String.valueOf(r.get("roles")), String.valueOf(r.get("path")),
                            String.valueOf(r.get("intent")), String.valueOf(r.get("device")), status,
                            found || status.equals("unfiltered") ? String.valueOf(r.get("example")) : "");
                }
            }
        }
        if (rows == 0 && local == 0) {
            return "\naudit: no acl task of the playbook ran on the limited hosts";
        }
        String verdict = findings == 0 ? "every flow as intended" : findings + " flow path(s) not as intended";
        return "\ncatalogue reachability:\n" + table.render() + "\naudit: " + rows + " flow path(s), " + verdict
                + (quiet == 0 ? "" : "; " + quiet + " denied as intended, not listed (--all lists them)")
                + (local == 0 ? "" : "; " + local + " flow leg(s) do not cross a device (both ends behind one interface), not listed")
                + AuditCommands.catalogueNotes(result).replace("catalogue notes (information, not findings):", "notes (information, not findings):");
    }

    @Override
    protected int exitCode(RunReport result) {
        return AuditCommands.findingsExit(result);
    }
}

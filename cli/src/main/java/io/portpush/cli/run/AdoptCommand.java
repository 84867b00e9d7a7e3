package io.portpush.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.portpush.core.error.ExitCodes;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.playbook.Play;
import io.portpush.core.playbook.Task;
import io.portpush.core.runner.RunOptions;
import io.portpush.core.runner.RunReport;
import io.portpush.core.runner.Status;
import io.portpush.core.runner.TaskResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code portpush adopt -i INV -l HOSTS --acl NAME [-o playbook.yml]}: reads the ACL every limited
 * host holds, turns it into catalogue rules where its entries are exactly catalogue flows between
 * the inventory's bound roles and literal rules elsewhere, proves on each host that the rules
 * render the same list (entry by entry and by the exact meaning diff), and writes one playbook,
 * one play per distinct adopted task (hosts holding the same list share it). A host whose list
 * cannot be proved equivalent is reported, with why, and left out of the playbook.
 */
@Command(name = "adopt", description = {"Turn an ACL the devices already hold into a catalogue playbook that renders the same list, "
        + "proved equivalent on each host (same entries, no change in meaning). Reads only.",
        "Exit 0 when every host's list was adopted, 3 when one could not be proved equivalent (it is reported and left out)."})
public final class AdoptCommand extends RunCommand {
    @Option(names = "--acl", required = true, paramLabel = "NAME", description = "The ACL (filter, chain) to adopt.")
    String acl;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The playbook to write (default: print it).")
    Path output;

    @Override
    protected RunOptions.Mode mode() {
        return RunOptions.Mode.VERIFY; // it reads; nothing it does changes a device
    }

    @Override
    protected String describe() {
        return "portpush adopt --acl " + acl;
    }

    @Override
    protected List<Play> plays() {
        SourceLocation where = new SourceLocation("portpush adopt", 0, "");
        Task task = new Task("adopt " + acl, "acl_adopt", Map.of("name", acl), null, List.of(), null, null, false, Map.of(), where);
        return List.of(new Play("adopt " + acl, "all", Map.of(), List.of(), null, null, List.of(), List.of(task), where));
    }

    private boolean allAdopted = true;

    @Override
    protected String summary(RunReport result) {
        // hosts that hold the same list share one play
        Map<Object, List<String>> byTask = new LinkedHashMap<>();
        Map<Object, Map<?, ?>> data = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (RunReport.TaskRecord t : result.tasks()) {
            for (Map.Entry<String, TaskResult> e : t.results().entrySet()) {
                TaskResult r = e.getValue();
                if (!(r.data().get("task") instanceof Map<?, ?> task)) {
                    allAdopted = false;
                    lines.add("  " + e.getKey() + ": not adopted: " + r.msg());
                    continue;
                }
                if (r.status() != Status.OK) {
                    allAdopted = false;
                    lines.add("  " + e.getKey() + ": not adopted, left out of the playbook: " + r.msg());
                    for (String key : List.of("blockers", "differences")) {
                        if (r.data().get(key) instanceof List<?> l) {
                            l.forEach(x -> lines.add("    " + x));
                        }
                    }
                    continue;
                }
                byTask.computeIfAbsent(task, k -> new ArrayList<>()).add(e.getKey());
                data.putIfAbsent(task, r.data());
            }
        }
        List<Map<String, Object>> plays = new ArrayList<>();
        for (Map.Entry<Object, List<String>> g : byTask.entrySet()) {
            Map<?, ?> d = data.get(g.getKey());
            lines.add("  " + String.join(", ", g.getValue()) + ": " + acl + " adopted, no change in meaning" + (Boolean.TRUE.equals(d.get("same_entries"))
                    ? " (the same entries)" : ""));
            if (d.get("report") instanceof List<?> report) {
                report.forEach(x -> lines.add("    " + x));
            }
            Map<String, Object> play = new LinkedHashMap<>();
            play.put("name", acl + " as adopted from " + String.join(", ", g.getValue()));
            play.put("hosts", String.join(":", g.getValue()));
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("name", acl);
            task.put("acl", g.getKey());
            play.put("tasks", List.of(task));
            plays.add(play);
        }
        String yaml = "# written by portpush adopt --acl " + acl + ": renders the lists the hosts below hold, proved equivalent on each\n"
                + yaml(plays);
        if (plays.isEmpty()) {
            lines.add("  no playbook written: no host's list was adopted");
        } else if (output != null) {
            try {
                Files.writeString(output, yaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lines.add("  playbook written to " + output + " (" + plays.size() + (plays.size() == 1 ? " play" : " plays")
                    + "); check it: portpush run " + output + " -i " + inventory + " --check --diff");
        } else {
            lines.add("");
            lines.add(yaml);
        }
        return "\nadopt:\n" + String.join("\n", lines);
    }

    static String yaml(Object value) {
        try {
            return new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build()).writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected int exitCode(RunReport result) {
        int code = result.exitCode();
        if (code == ExitCodes.OK || code == ExitCodes.HOST_FAILED) {
            // a list that could not be proved equivalent is a finding about the device, as drift is
            return allAdopted ? ExitCodes.OK : ExitCodes.DRIFT;
        }
        return code;
    }
}

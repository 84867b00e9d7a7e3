package io.portpush.cli.run;

import io.portpush.core.error.SourceLocation;
import io.portpush.core.playbook.Play;
import io.portpush.core.playbook.Task;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code portpush rollback -i INVENTORY --object acl|qos/NAME --to REV|previous}: restores a
 * revision from history through the same path as a forward change ({@code --check --diff}
 * work), and records the rollback as a new revision.
 */
@Command(name = "rollback", description = {"Put an object back to a revision from history, on every host of the inventory (or --limit).",
        "Goes through read / plan / apply / verify like any change; --check --diff shows it first."})
public final class RollbackCommand extends RunCommand {
    @Option(names = "--object", required = true, paramLabel = "KIND/NAME", description = "What to roll back: acl/NAME or qos/NAME, e.g. acl/IMP-EDGE-IN.")
    String object;

    @Option(names = "--to", defaultValue = "previous", paramLabel = "REV|previous|baseline",
            description = {"A revision id from 'portpush history HOST --object OBJ'; previous (default): one step back from now, and one "
                    + "more step with each further rollback; baseline: as found before portpush's first change."})
    String to;

    @Override
    protected String describe() {
        return "portpush rollback --object " + object + " --to " + to;
    }

    @Override
    protected List<Play> plays() {
        if (!to.equals("previous") && !to.equals("baseline")) {
            // an unknown revision is a name that does not exist (exit 6), found before any connection
            java.nio.file.Path state = stateDir == null ? java.nio.file.Path.of(".portpush").toAbsolutePath() : stateDir.toAbsolutePath();
            try (io.portpush.core.history.HistoryStore h = io.portpush.core.history.HistoryStore.open(state.resolve("history"))) {
                h.resolve(to);
            }
        }
        SourceLocation where = new SourceLocation("portpush rollback", 0, "");
        Task task = new Task("rollback " + object + " to " + to, "rollback", Map.of("object", object, "to", to), null, List.of(), null,
                null, false, Map.of(), where);
        return List.of(new Play("rollback " + object, "all", Map.of(), List.of(), null, null, List.of(), List.of(task), where));
    }
}

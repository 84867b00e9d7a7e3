package io.portpush.cli.history;

import io.portpush.cli.TextTable;
import io.portpush.core.catalogue.CatalogueExport;
import io.portpush.core.history.HistoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code portpush history [HOST] [--object acl/NAME]}, {@code history show REV}, {@code history diff REV1 REV2}. */
@Command(name = "history", description = "Revisions of device policy recorded in git (.portpush/history).",
        subcommands = {HistoryCommand.Show.class, HistoryCommand.Diff.class})
public final class HistoryCommand implements Runnable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "HOST", arity = "0..1", description = "Only revisions touching this host.")
    String host;

    @Option(names = "--object", paramLabel = "KIND/NAME", description = "Only revisions of this object, e.g. acl/IMP-EDGE-IN.")
    String object;

    @Option(names = "--state-dir", paramLabel = "DIR")
    Path stateDir;

    @Option(names = "--json")
    boolean json;

    static HistoryStore open(Path stateDir) {
        Path state = stateDir == null ? Path.of(".portpush").toAbsolutePath() : stateDir.toAbsolutePath();
        return HistoryStore.open(state.resolve("history"));
    }

    @Override
    public void run() {
        try (HistoryStore h = open(stateDir)) {
            String prefix = host == null ? null : object == null ? "devices/" + host : HistoryStore.path(host, object);
            List<HistoryStore.Revision> revs = h.log(prefix);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.print(new CatalogueExport().json(revs.stream().map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", r.id());
                    m.put("time", r.time().toString());
                    m.put("subject", r.subject());
                    m.put("files", r.files());
                    return m;
                }).toList()));
                return;
            }
            TextTable t = new TextTable(List.of("REVISION", "TIME", "FILES", "SUBJECT"), 100);
            for (HistoryStore.Revision r : revs) {
                t.row(r.shortId(), TIME.format(r.time()), String.valueOf(r.files().size()), r.subject());
            }
            out.print(t.render());
            out.printf("%n%d revisions in %s%n", revs.size(), h.dir());
        }
    }

    @Command(name = "show", description = "One revision: its message and the files it changed.")
    static final class Show implements Runnable {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "REV") String rev;
        @Option(names = "--state-dir", paramLabel = "DIR") Path stateDir;

        @Override
        public void run() {
            try (HistoryStore h = open(stateDir)) {
                String id = h.resolve(rev);
                List<HistoryStore.Revision> all = h.log(null);
                HistoryStore.Revision r = all.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
                boolean hasParent = all.indexOf(r) < all.size() - 1;
                PrintWriter out = spec.commandLine().getOut();
                out.println("revision " + r.id());
                out.println("time     " + TIME.format(r.time()));
                out.println();
                out.println(r.message().strip());
                out.println();
                out.print(hasParent ? h.diff(id + "~1", id, null) : String.join("\n", r.files()) + "\n");
            }
        }
    }

    @Command(name = "diff", description = "What changed between two revisions (unified diff).")
    static final class Diff implements Runnable {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "REV1") String from;
        @Parameters(index = "1", paramLabel = "REV2", arity = "0..1") String to;
        @Option(names = "--state-dir", paramLabel = "DIR") Path stateDir;

        @Override
        public void run() {
            try (HistoryStore h = open(stateDir)) {
                spec.commandLine().getOut().print(h.diff(from, to == null ? "HEAD" : to, null));
            }
        }
    }
}

package io.portpush.cli.catalogue;

import io.portpush.cli.TextTable;
import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.catalogue.CatalogueExport;
import io.portpush.core.catalogue.CatalogueLoader;
import io.portpush.core.catalogue.CompositeGroup;
import io.portpush.core.catalogue.Flow;
import io.portpush.core.catalogue.PortGroup;
import io.portpush.core.error.NotFoundException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code portpush catalogue ...}: read, search, export and validate port catalogues. */
@Command(name = "catalogue", description = "Browse, search, export and validate port catalogues.",
        subcommands = {CatalogueCommand.ListGroups.class, CatalogueCommand.Show.class, CatalogueCommand.Search.class,
                CatalogueCommand.Export.class, CatalogueCommand.Validate.class})
public final class CatalogueCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static List<String> flowCells(Flow f) {
        return List.of(f.ref(), f.from().role() + switch (f.initiators()) {
            case BOTH -> " <-> ";
            case FROM -> " -> ";
            case TO -> " <- ";
        } + f.to().role(), f.application().isEmpty() ? f.protocol() : f.protocol() + " (" + f.application() + ")",
                f.transport().word(), f.ports().display(), f.sourcePort().display(), f.scope().word(), f.remark());
    }

    static final List<String> FLOW_HEADER = List.of("FLOW", "FROM -> TO", "PROTOCOL", "TRANSPORT", "PORTS", "SOURCE",
            "SCOPE", "REMARK");

    static String ports(List<Flow> flows) {
        TreeSet<Integer> ports = new TreeSet<>();
        flows.forEach(f -> ports.addAll(f.ports().defaults()));
        return ports.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Command(name = "list", description = "List port groups and composite groups.")
    static final class ListGroups implements Runnable {
        @Mixin CatalogueOptions options;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            Catalogue c = options.load();
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (PortGroup g : c.groups()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", g.id());
                    m.put("kind", "group");
                    m.put("table", g.table());
                    m.put("title", g.title());
                    m.put("flows", g.flows().size());
                    m.put("ports", g.flows().stream().flatMap(f -> f.ports().defaults().stream()).distinct().sorted().toList());
                    rows.add(m);
                }
                for (CompositeGroup cg : c.composites()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", cg.id());
                    m.put("kind", "composite");
                    m.put("title", cg.title());
                    m.put("flows", c.resolve(cg.id()).size());
                    rows.add(m);
                }
                out.print(new CatalogueExport().json(rows));
                return;
            }
            TextTable t = new TextTable(List.of("GROUP", "TABLE", "FLOWS", "PORTS", "TITLE"));
            for (PortGroup g : c.groups()) {
                t.row(g.id(), g.table() == 0 ? "-" : String.valueOf(g.table()), String.valueOf(g.flows().size()),
                        ports(g.flows()), g.title());
            }
            out.print(t.render());
            out.println();
            TextTable ct = new TextTable(List.of("COMPOSITE", "FLOWS", "TITLE"), 100);
            for (CompositeGroup cg : c.composites()) {
                ct.row(cg.id(), String.valueOf(c.resolve(cg.id()).size()), cg.title());
            }
            out.print(ct.render());
            out.printf("%n%d groups, %d flows, %d composites from %s%n", c.groups().size(), c.flows().size(),
                    c.composites().size(), String.join(", ", c.sources()));
        }
    }

    @Command(name = "show", description = "Show the flows of a group, a flow (group.flow) or a composite.")
    static final class Show implements Runnable {
        @Mixin CatalogueOptions options;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "GROUP", description = "Group id, group.flow reference or composite id.")
        String ref;

        @Override
        public void run() {
            Catalogue c = options.load();
            List<Flow> flows = c.resolve(ref);
            PrintWriter out = spec.commandLine().getOut();
            CatalogueExport export = new CatalogueExport();
            if (options.json) {
                out.print(export.json(export.rows(c, flows)));
                return;
            }
            c.group(ref).ifPresent(g -> {
                out.printf("%s (table %d): %s%n", g.id(), g.table(), g.title());
                if (!g.note().isEmpty()) {
                    out.printf("Note: %s%n", g.note());
                }
            });
            c.composite(ref).ifPresent(cg -> out.printf("%s (composite): %s%n", cg.id(), cg.title()));
            out.println();
            TextTable t = new TextTable(FLOW_HEADER, 100);
            flows.forEach(f -> t.row(flowCells(f)));
            out.print(t.render());
            List<String> notes = c.notesFor(flows);
            if (!notes.isEmpty()) {
                out.println();
                notes.forEach(n -> out.println("Note: " + n));
            }
        }
    }

    @Command(name = "search", description = "Find flows by port number, role id or text (which groups use port 8443?).")
    static final class Search implements Runnable {
        @Mixin CatalogueOptions options;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "PORT|ROLE|TEXT")
        String query;

        @Override
        public void run() {
            Catalogue c = options.load();
            List<Flow> found = c.search(query);
            if (found.isEmpty()) {
                throw new NotFoundException("no flow matches '" + query + "' (search takes a port number, a role id such as "
                        + "imp-node, or text)");
            }
            PrintWriter out = spec.commandLine().getOut();
            CatalogueExport export = new CatalogueExport();
            if (options.json) {
                out.print(export.json(export.rows(c, found)));
                return;
            }
            TextTable t = new TextTable(FLOW_HEADER, 100);
            found.forEach(f -> t.row(flowCells(f)));
            out.print(t.render());
            out.printf("%n%d flows in groups: %s%n", found.size(),
                    found.stream().map(Flow::group).distinct().collect(Collectors.joining(", ")));
        }
    }

    @Command(name = "export", description = "Export every flow as json, csv or md (Markdown table).")
    static final class Export implements Runnable {
        @Mixin CatalogueOptions options;
        @Spec CommandSpec spec;
        @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
                description = "json, csv or md (default: ${DEFAULT-VALUE}).")
        ExportFormat format;

        @Override
        public void run() {
            Catalogue c = options.load();
            CatalogueExport export = new CatalogueExport();
            String text = switch (format) {
                case json -> export.json(c);
                case csv -> export.csv(c, c.flows());
                case md -> export.markdown(c, c.flows());
            };
            spec.commandLine().getOut().print(text);
        }
    }

    /** Export formats, spelled as users type them. */
    enum ExportFormat { json, csv, md }

    @Command(name = "validate", description = {"Validate catalogue files (merged with the bundled catalogue, whose roles they may use).",
            "Without PATH, validates the bundled catalogue and any --catalogue files."})
    static final class Validate implements Runnable {
        @Mixin CatalogueOptions options;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "PATH", arity = "0..*")
        List<Path> paths = new ArrayList<>();
        @Option(names = "--standalone", description = "Validate PATH alone, without the bundled catalogue.")
        boolean standalone;

        @Override
        public void run() {
            List<Path> files = new ArrayList<>(options.extra);
            files.addAll(paths);
            CatalogueLoader loader = new CatalogueLoader();
            Catalogue c = standalone ? loader.loadOnly(files) : loader.load(files);
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("valid", true);
                m.put("sources", c.sources());
                m.put("groups", c.groups().size());
                m.put("flows", c.flows().size());
                m.put("composites", c.composites().size());
                out.print(new CatalogueExport().json(m));
                return;
            }
            out.printf("ok: %s: %d groups, %d flows, %d composites, %d roles%n", String.join(", ", c.sources()),
                    c.groups().size(), c.flows().size(), c.composites().size(), c.roles().size());
        }
    }
}

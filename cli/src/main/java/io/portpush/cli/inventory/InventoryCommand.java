package io.portpush.cli.inventory;

import io.portpush.cli.TextTable;
import io.portpush.core.catalogue.CatalogueExport;
import io.portpush.core.error.NotFoundException;
import io.portpush.core.inventory.Host;
import io.portpush.core.inventory.HostConnection;
import io.portpush.core.inventory.Inventory;
import io.portpush.core.inventory.InventoryLoader;
import io.portpush.core.runner.Redactor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code portpush inventory list|graph|host NAME}: what the engine sees in an inventory (secrets masked). */
@Command(name = "inventory", description = "Show hosts, groups and variables as the engine sees them.",
        subcommands = {InventoryCommand.ListHosts.class, InventoryCommand.Graph.class, InventoryCommand.HostVars.class})
public final class InventoryCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY", description = "With no subcommand: list this inventory's hosts.")
    Path inventory;

    @Override
    public Integer call() {
        if (inventory != null) {
            // 'portpush inventory -i X' is what people type first: the host list, as 'inventory list'
            return spec.commandLine().getSubcommands().get("list").execute("-i", inventory.toString());
        }
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    static Redactor redactor(Inventory inv) {
        Redactor r = new Redactor();
        for (Host h : inv.hosts()) {
            h.vars().forEach((k, v) -> {
                if (HostConnection.isSecretName(k) && v != null && String.valueOf(v).length() >= Redactor.MIN_LENGTH) {
                    // shorter secrets are refused by every run; here the whole value of a secret variable is masked anyway
                    r.learn(String.valueOf(v));
                }
            });
        }
        return r;
    }

    @Command(name = "list", description = "List hosts with platform, address and groups.")
    static final class ListHosts implements Runnable {
        @Spec CommandSpec spec;
        @Option(names = {"-i", "--inventory"}, required = true) Path inventory;
        @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN") String limit;
        @Option(names = "--json") boolean json;

        @Override
        public void run() {
            Inventory inv = InventoryLoader.load(inventory);
            List<String> names = limit == null ? inv.hostNames() : inv.selectOrFail(limit);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (String n : names) {
                    HostConnection c = HostConnection.of(n, inv.varsFor(n), inv.source());
                    Map<String, Object> h = new LinkedHashMap<>();
                    h.put("platform", c.platform());
                    h.put("address", c.address());
                    h.put("port", c.port());
                    h.put("user", c.user());
                    h.put("lab", c.lab());
                    h.put("groups", inv.groupsOf(n));
                    m.put(n, h);
                }
                out.print(new CatalogueExport().json(m));
                return;
            }
            TextTable t = new TextTable(List.of("HOST", "PLATFORM", "ADDRESS", "USER", "GROUPS"), 100);
            for (String n : names) {
                HostConnection c = HostConnection.of(n, inv.varsFor(n), inv.source());
                t.row(n, c.platform() == null ? "-" : c.platform(), c.address() + ":" + c.port(), c.user() == null ? "-" : c.user(),
                        String.join(",", inv.groupsOf(n).stream().filter(g -> !g.equals("all")).toList()));
            }
            out.print(t.render());
            out.printf("%n%d hosts%n", names.size());
        }
    }

    @Command(name = "graph", description = "Groups and hosts as a tree.")
    static final class Graph implements Runnable {
        @Spec CommandSpec spec;
        @Option(names = {"-i", "--inventory"}, required = true) Path inventory;

        @Override
        public void run() {
            spec.commandLine().getOut().print(InventoryLoader.load(inventory).graph());
        }
    }

    @Command(name = "host", description = "A host's merged variables (secrets masked).")
    static final class HostVars implements Runnable {
        @Spec CommandSpec spec;
        @Option(names = {"-i", "--inventory"}, required = true) Path inventory;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public void run() {
            Inventory inv = InventoryLoader.load(inventory);
            Host h = inv.host(name).orElseThrow(() -> new NotFoundException("no host '" + name + "' in " + inventory));
            Map<String, Object> vars = new TreeMap<>(h.vars());
            spec.commandLine().getOut().print(redactor(inv).redact(new CatalogueExport().json(vars)));
        }
    }
}

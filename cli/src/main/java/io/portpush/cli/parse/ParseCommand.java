package io.portpush.cli.parse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.portpush.core.error.ExitCodes;
import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.NotFoundException;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.policy.AclEntry;
import io.portpush.platform.Platforms;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code portpush parse}: a device's saved output read into vendor-neutral records (the job people
 * use TextFSM or Genie for), with every line the reader did not understand listed by its line number.
 */
@Command(name = "parse", description = {"Read saved device output into ACL records, as verify reads the device.",
        "Exit 0 when every line was understood, 3 when some were not (they are listed with their line numbers)."})
public final class ParseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--platform", required = true, paramLabel = "PLATFORM", description = "A platform name or alias ('portpush platforms' lists them).")
    String platform;

    @Option(names = "--command", required = true, paramLabel = "COMMAND",
            description = "The command that printed the output, e.g. \"show ip access-lists\".")
    String command;

    @Parameters(paramLabel = "FILE", description = "The saved output, or - for standard input.")
    String file;

    @Option(names = "--json", description = "Print the records as JSON.")
    boolean json;

    @Option(names = "--object-groups", paramLabel = "FILE",
            description = "Saved definitions to resolve object and object-group references: IOS show object-group or running configuration; ASA show running-config object and object-group.")
    Path objectGroups;

    @Override
    public Integer call() throws IOException {
        String text = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : read(Path.of(file));
        var routes = Platforms.readRoutes(platform, command, text);
        if (routes.isPresent()) {
            return printRoutes(routes.get());
        }
        var counters = Platforms.readCounters(platform, command, text);
        if (counters.isPresent()) {
            return printCounters(counters.get(), text);
        }
        var attached = Platforms.readInterfaces(platform, command, text);
        if (attached.isPresent()) {
            return printAttached(attached.get(), text);
        }
        String groups = objectGroups == null ? "" : read(objectGroups);
        Map<String, List<AclEntry>> acls = Platforms.readAcls(platform, command, text, groups).orElseThrow(() -> new InvalidInputException(
                new SourceLocation("--command", 0, ""), "portpush has no reader for '" + command + "' on " + platform
                        + " (readers: show ip access-lists, show access-lists, show ipv6 access-list, show object-group, show running-config; ASA show "
                        + "access-list, show running-config access-list|object|object-group|access-group; IOS show ip interface, show policy-map interface; routes: IOS show ip route, ASA show route, Linux ip -j route; Junos show configuration ... | display set, show firewall; nft -j list chain)"));
        List<String> lines = List.of(text.replace("\r", "").split("\n", -1));
        List<Map<String, Object>> unrecognised = new ArrayList<>();
        boolean[] used = new boolean[lines.size()];
        acls.forEach((name, entries) -> {
            for (AclEntry e : entries) {
                if (e.unrecognised()) {
                    String raw = e.unrecognisedText();
                    unrecognised.add(located(name, lines, used, raw));
                }
            }
        });
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            Map<String, Object> lists = new LinkedHashMap<>();
            acls.forEach((name, entries) -> lists.put(name, entries.stream().map(Platforms::data).toList()));
            doc.put("platform", platform);
            doc.put("command", command);
            doc.put("acls", lists);
            doc.put("unrecognised", unrecognised);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            acls.forEach((name, entries) -> {
                out.println(name + " (" + entries.size() + " entries)");
                int n = 1;
                for (AclEntry e : entries) {
                    out.println(String.format("  %3d  %s", n++, e.describe()));
                }
            });
            for (Map<String, Object> u : unrecognised) {
                out.println("unrecognised: " + file + ":" + u.get("line") + ": [" + u.get("list") + "] " + u.get("text"));
            }
            out.println(acls.values().stream().mapToInt(List::size).sum() + " entries in " + acls.size() + " list(s), " + unrecognised.size()
                    + " unrecognised line(s)");
        }
        out.flush();
        return unrecognised.isEmpty() ? ExitCodes.OK : ExitCodes.DRIFT;
    }

    /**
     * Routes (show ip route, show route, ip -j route), as placement reads them: prefix, next hop,
     * interface. Lines that are not routes (legend, names aliases) are not errors: a routing table
     * holds more than placement needs.
     */
    private int printRoutes(List<io.portpush.core.placement.Route> routes) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (io.portpush.core.placement.Route r : routes) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("prefix", r.prefix().toPrefixBlock().toString());
                m.put("next_hop", r.nextHop());
                m.put("interface", r.iface());
                list.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("platform", platform);
            doc.put("command", command);
            doc.put("acls", Map.of());
            doc.put("routes", list);
            doc.put("unrecognised", List.of());
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            routes.forEach(r -> out.println(r.describe()));
            io.portpush.core.placement.Placement p = io.portpush.core.placement.Placement.fromRoutes(routes);
            out.println(routes.size() + " route(s); placement: " + String.join("; ", p.zones().stream()
                    .map(z -> z.iface() + " " + z.prefixes().size() + " prefix(es)").toList()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Counters per filter (Junos show firewall), in the same two forms as ACL records. */
    private int printCounters(Map<String, List<io.portpush.core.policy.HitCounter>> counters, String text) throws IOException {
        List<String> lines = List.of(text.replace("\r", "").split("\n", -1));
        boolean[] used = new boolean[lines.size()];
        List<Map<String, Object>> unrecognised = new ArrayList<>();
        counters.forEach((filter, list) -> list.stream().filter(io.portpush.core.policy.HitCounter::isUnrecognised).forEach(c -> {
            unrecognised.add(located(filter, lines, used, c.name()));
        }));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            Map<String, Object> filters = new LinkedHashMap<>();
            counters.forEach((filter, list) -> filters.put(filter, list.stream().filter(c -> !c.isUnrecognised()).toList()));
            doc.put("platform", platform);
            doc.put("command", command);
            doc.put("acls", Map.of());
            doc.put("counters", filters);
            doc.put("unrecognised", unrecognised);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            counters.forEach((filter, list) -> {
                out.println(filter + " (" + list.size() + " counters)");
                list.stream().filter(c -> !c.isUnrecognised()).forEach(c -> out.println("  " + c.describe()));
            });
            for (Map<String, Object> u : unrecognised) {
                out.println("unrecognised: " + file + ":" + u.get("line") + ": [" + u.get("list") + "] " + u.get("text"));
            }
            out.println(counters.values().stream().mapToInt(List::size).sum() + " counters in " + counters.size() + " filter(s), "
                    + unrecognised.size() + " unrecognised line(s)");
        }
        out.flush();
        return unrecognised.isEmpty() ? ExitCodes.OK : ExitCodes.DRIFT;
    }

    /** What is applied per interface (show ip interface, show policy-map interface, ASA access-group). */
    private int printAttached(Map<String, List<String>> attached, String text) throws IOException {
        List<String> lines = List.of(text.replace("\r", "").split("\n", -1));
        boolean[] used = new boolean[lines.size()];
        List<Map<String, Object>> unrecognised = new ArrayList<>();
        attached.forEach((where, list) -> list.stream().filter(r -> r.startsWith("unrecognised line '")).forEach(r -> {
            String raw = r.substring("unrecognised line '".length(), r.length() - 1);
            unrecognised.add(located(where, lines, used, raw));
        }));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("platform", platform);
            doc.put("command", command);
            doc.put("interfaces", attached);
            doc.put("unrecognised", unrecognised);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            attached.forEach((where, list) -> {
                out.println(where + (list.isEmpty() ? " (nothing applied)" : ""));
                list.stream().filter(r -> !r.startsWith("unrecognised line '")).forEach(r -> out.println("  " + r));
            });
            for (Map<String, Object> u : unrecognised) {
                out.println("unrecognised: " + file + ":" + u.get("line") + ": " + u.get("text"));
            }
            out.println(attached.size() + " interface(s), " + unrecognised.size() + " unrecognised line(s)");
        }
        out.flush();
        return unrecognised.isEmpty() ? ExitCodes.OK : ExitCodes.DRIFT;
    }

    /** An unrecognised line as listed: its list, its line number in the input, its text. */
    private static Map<String, Object> located(String list, List<String> lines, boolean[] used, String raw) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("list", list);
        m.put("line", lineOf(lines, used, raw));
        m.put("text", raw);
        return m;
    }

    /** The 1-based number of the first input line not yet claimed that holds {@code raw}, or 0. */
    private static int lineOf(List<String> lines, boolean[] used, String raw) {
        String want = raw.replaceAll("\\s+", " ").strip();
        for (int i = 0; i < lines.size(); i++) {
            if (!used[i] && lines.get(i).replaceAll("\\s+", " ").contains(want)) {
                used[i] = true;
                return i + 1;
            }
        }
        // a line the reader joined (wrapped output) or rewrote: the first line holding its start
        String start = want.length() > 20 ? want.substring(0, 20) : want;
        for (int i = 0; i < lines.size(); i++) {
            if (!used[i] && lines.get(i).replaceAll("\\s+", " ").contains(start)) {
                used[i] = true;
                return i + 1;
            }
        }
        return 0;
    }

    private static String read(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new NotFoundException("file " + p + " does not exist");
        }
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

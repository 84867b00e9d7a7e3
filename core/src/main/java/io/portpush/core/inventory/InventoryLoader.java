package io.portpush.core.inventory;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portpush.core.error.InputProblem;
import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.NotFoundException;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.yaml.LocatedDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads Ansible inventories unchanged: INI and YAML files, a directory of them, and the
 * {@code group_vars/} and {@code host_vars/} folders beside them (files or folders of files).
 */
public final class InventoryLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECTION = Pattern.compile("^\\[([^\\]:]+)(?::(vars|children))?\\]\\s*$");
    private static final Pattern SECTION_BAD = Pattern.compile("^\\[([^\\]]+)\\]\\s*$");
    private static final Pattern TOKEN = Pattern.compile("(\\S+?)=(\"[^\"]*\"|'[^']*'|\\S*)|(\\S+)");

    private final Map<String, GroupBuilder> groups = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> hostVars = new LinkedHashMap<>();
    private final List<InputProblem> problems = new ArrayList<>();
    private final Map<String, Map<String, SourceLocation>> origins = new LinkedHashMap<>();

    private static final class GroupBuilder {
        final String name;
        final Set<String> hosts = new LinkedHashSet<>();
        final Set<String> children = new LinkedHashSet<>();
        final Map<String, Object> vars = new LinkedHashMap<>();

        GroupBuilder(String name) {
            this.name = name;
        }
    }

    private final io.portpush.core.vault.Vault vault;

    private InventoryLoader(io.portpush.core.vault.Vault vault) {
        this.vault = vault;
    }

    /** Loads an inventory file or directory. */
    public static Inventory load(Path path) {
        return load(path, io.portpush.core.vault.Vault.none());
    }

    /** Loads an inventory whose files or values may be encrypted with Ansible Vault, opened with {@code vault}. */
    public static Inventory load(Path path, io.portpush.core.vault.Vault vault) {
        if (!Files.exists(path)) {
            throw new NotFoundException("inventory " + path + " does not exist");
        }
        return new InventoryLoader(vault).read(path);
    }

    private Inventory read(Path path) {
        group("all");
        group("ungrouped");
        Path base;
        if (Files.isDirectory(path)) {
            base = path;
            try (Stream<Path> s = Files.list(path)) {
                for (Path f : s.sorted().toList()) {
                    String n = f.getFileName().toString();
                    if (Files.isRegularFile(f) && !n.startsWith(".") && !n.endsWith("~") && !n.endsWith(".retry")
                            && !n.endsWith(".md") && !n.endsWith(".txt")) {
                        readFile(f);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            base = path.toAbsolutePath().getParent();
            readFile(path);
        }
        Map<String, Map<String, Object>> gv = varsDir(base.resolve("group_vars"), "gv:");
        Map<String, Map<String, Object>> hv = varsDir(base.resolve("host_vars"), "hv:");
        for (String g : gv.keySet()) {
            if (!groups.containsKey(g)) {
                // Ansible ignores vars for unknown groups; a typo should not pass silently
                problems.add(new InputProblem(new SourceLocation(base.resolve("group_vars").resolve(g).toString(), 0, ""),
                        "group_vars for '" + g + "', which no inventory group is called (known: " + String.join(", ", groups.keySet()) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // hosts in no group other than all are 'ungrouped'
        for (String h : hostVars.keySet()) {
            boolean grouped = groups.values().stream().anyMatch(g -> !g.name.equals("all") && !g.name.equals("ungrouped")
                    && g.hosts.contains(h));
            if (!grouped) {
                groups.get("ungrouped").hosts.add(h);
            }
        }
        GroupBuilder all = groups.get("all");
        groups.keySet().stream().filter(n -> !n.equals("all")).forEach(all.children::add);
        Map<String, Group> built = new LinkedHashMap<>();
        groups.values().forEach(g -> built.put(g.name, new Group(g.name, List.copyOf(g.hosts), List.copyOf(g.children), g.vars)));
        return new Inventory(path.toString(), built, hostVars, gv, hv, origins);
    }

    private GroupBuilder group(String name) {
        return groups.computeIfAbsent(name, GroupBuilder::new);
    }

    private void addHost(String pattern, GroupBuilder g, Map<String, Object> vars, SourceLocation where) {
        List<String> names;
        try {
            names = HostRanges.expand(pattern);
        } catch (IllegalArgumentException e) {
            problems.add(new InputProblem(where, e.getMessage()));
            return;
        }
        for (String h : names) {
            hostVars.computeIfAbsent(h, k -> new LinkedHashMap<>()).putAll(vars);
            vars.keySet().forEach(k -> origin("h:" + h, k, where));
            g.hosts.add(h);
        }
    }

    private void readFile(Path f) {
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String n = f.getFileName().toString();
        if (n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".json")) {
            readYaml(LocatedDocument.parse(f.toString(), text, vault));
        } else {
            readIni(f.toString(), io.portpush.core.vault.Vault.isVaulted(text)
                    ? vault.decrypt(text, new io.portpush.core.error.SourceLocation(f.toString(), 1, "")) : text);
        }
    }

    private void readIni(String file, String text) {
        GroupBuilder current = group("ungrouped");
        String kind = "hosts";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            SourceLocation where = new SourceLocation(file, i + 1, "");
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            Matcher sm = SECTION.matcher(line);
            if (sm.matches()) {
                current = group(sm.group(1).strip());
                kind = sm.group(2) == null ? "hosts" : sm.group(2);
                continue;
            }
            if (SECTION_BAD.matcher(line).matches()) {
                problems.add(new InputProblem(where, "section " + line + ": only [group], [group:vars] and [group:children] exist"));
                continue;
            }
            switch (kind) {
                case "children" -> {
                    current.children.add(line);
                    group(line);
                }
                case "vars" -> {
                    int eq = line.indexOf('=');
                    if (eq <= 0) {
                        problems.add(new InputProblem(where, "expected key=value in [" + current.name + ":vars], found '" + line + "'"));
                        continue;
                    }
                    current.vars.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
                    origin("g:" + current.name, line.substring(0, eq).strip(), where);
                }
                default -> {
                    Matcher m = TOKEN.matcher(line);
                    String host = null;
                    Map<String, Object> vars = new LinkedHashMap<>();
                    while (m.find()) {
                        if (m.group(3) != null) {
                            if (m.group(3).startsWith("#")) {
                                break;
                            }
                            if (host != null) {
                                problems.add(new InputProblem(where, "host '" + host + "': expected key=value after the host name, found '"
                                        + m.group(3) + "'"));
                                break;
                            }
                            host = m.group(3);
                        } else {
                            if (host == null) {
                                problems.add(new InputProblem(where, "a host line starts with the host name, found '" + m.group() + "'"));
                                break;
                            }
                            vars.put(m.group(1), literal(unquote(m.group(2))));
                        }
                    }
                    if (host != null) {
                        addHost(host, current, vars, where);
                    }
                }
            }
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** Host-line values are literals in Ansible's INI: numbers and True/False become typed. */
    private static Object literal(String v) {
        if (v.matches("-?\\d{1,9}")) {
            return Integer.parseInt(v);
        }
        if (v.equals("True") || v.equals("true")) {
            return Boolean.TRUE;
        }
        if (v.equals("False") || v.equals("false")) {
            return Boolean.FALSE;
        }
        return v;
    }

    private void readYaml(LocatedDocument doc) {
        JsonNode root = doc.root();
        if (root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            problems.add(new InputProblem(doc.at(JsonPointer.empty()), "an inventory is a mapping of groups (start with 'all:')"));
            return;
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String g = it.next();
            yamlGroup(doc, JsonPointer.empty().appendProperty(g), g);
        }
    }

    private void yamlGroup(LocatedDocument doc, JsonPointer at, String name) {
        GroupBuilder g = group(name);
        JsonNode n = doc.root().at(at);
        if (n.isNull() || n.isMissingNode()) {
            return;
        }
        if (!n.isObject()) {
            problems.add(new InputProblem(doc.at(at), "group '" + name + "' must be a mapping with hosts, vars or children"));
            return;
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            JsonPointer p = at.appendProperty(k);
            JsonNode v = n.get(k);
            switch (k) {
                case "hosts" -> {
                    if (v.isNull()) {
                        continue;
                    }
                    if (!v.isObject()) {
                        problems.add(new InputProblem(doc.at(p), "'hosts' must be a mapping of host names (to their vars, or nothing)"));
                        continue;
                    }
                    for (Iterator<String> hs = v.fieldNames(); hs.hasNext(); ) {
                        String h = hs.next();
                        JsonNode hv = v.get(h);
                        if (!hv.isNull() && !hv.isObject()) {
                            problems.add(new InputProblem(doc.at(p.appendProperty(h)), "host '" + h + "' must map to its variables"));
                            continue;
                        }
                        addHost(h, g, hv.isNull() ? Map.of() : toMap(hv), doc.at(p.appendProperty(h)));
                    }
                }
                case "vars" -> {
                    if (!v.isNull()) {
                        if (!v.isObject()) {
                            problems.add(new InputProblem(doc.at(p), "'vars' must be a mapping"));
                            continue;
                        }
                        g.vars.putAll(toMap(v));
                        for (Iterator<String> ks = v.fieldNames(); ks.hasNext(); ) {
                            String key = ks.next();
                            origin("g:" + name, key, doc.at(p.appendProperty(key)));
                        }
                    }
                }
                case "children" -> {
                    if (v.isNull()) {
                        continue;
                    }
                    if (!v.isObject()) {
                        problems.add(new InputProblem(doc.at(p), "'children' must be a mapping of group names"));
                        continue;
                    }
                    for (Iterator<String> cs = v.fieldNames(); cs.hasNext(); ) {
                        String c = cs.next();
                        g.children.add(c);
                        yamlGroup(doc, p.appendProperty(c), c);
                    }
                }
                default -> problems.add(new InputProblem(doc.at(p), "unknown key '" + k + "' in group '" + name
                        + "' (expected hosts, vars or children)"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonNode n) {
        return JSON.convertValue(n, LinkedHashMap.class);
    }

    private void origin(String scope, String var, SourceLocation where) {
        origins.computeIfAbsent(scope, k -> new LinkedHashMap<>()).put(var, where);
    }

    private Map<String, Map<String, Object>> varsDir(Path dir, String scope) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".")) {
                    continue;
                }
                String key = n.replaceFirst("\\.(ya?ml|json)$", "");
                Map<String, Object> vars = out.computeIfAbsent(key, k -> new LinkedHashMap<>());
                if (Files.isDirectory(p)) {
                    try (Stream<Path> inner = Files.list(p)) {
                        for (Path f : inner.sorted().toList()) {
                            if (Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")) {
                                vars.putAll(varsFile(f, scope + key));
                            }
                        }
                    }
                } else {
                    vars.putAll(varsFile(p, scope + key));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private Map<String, Object> varsFile(Path f, String scope) {
        LocatedDocument d = LocatedDocument.read(f, f.toString(), vault);
        for (Iterator<String> ks = d.root().fieldNames(); ks.hasNext(); ) {
            String key = ks.next();
            origin(scope, key, d.at(JsonPointer.empty().appendProperty(key)));
        }
        return vars(d);
    }

    /** A YAML file of variables; names the file and line when it is not a mapping. */
    public static Map<String, Object> varsFile(Path f) {
        return varsFile(f, io.portpush.core.vault.Vault.none());
    }

    /** A YAML file of variables that may be vault-encrypted or hold {@code !vault} values. */
    public static Map<String, Object> varsFile(Path f, io.portpush.core.vault.Vault vault) {
        return vars(LocatedDocument.read(f, f.toString(), vault));
    }

    private static Map<String, Object> vars(LocatedDocument d) {
        if (d.root().isMissingNode() || d.root().isNull()) {
            return Map.of();
        }
        if (!d.root().isObject()) {
            throw new InvalidInputException(d.at(JsonPointer.empty()), "a variables file must be a mapping of names to values");
        }
        return toMap(d.root());
    }
}

package io.portpush.core.catalogue;

import static io.portpush.core.yaml.FieldReader.child;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.portpush.core.error.InputProblem;
import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.yaml.FieldReader;
import io.portpush.core.yaml.LocatedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads catalogue YAML files, validates them and merges them into one {@link Catalogue}.
 *
 * <p>Every problem is reported with file, line and field; all problems of all files are
 * collected before failing, so one run of {@code portpush catalogue validate} lists them all.
 */
public final class CatalogueLoader {
    /** The catalogue shipped with portpush, on the classpath. */
    public static final String BUNDLED = "catalogue/cisco-imp.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> TOP_KEYS = Set.of("catalogue", "roles", "groups", "composites", "known-gaps");
    private static final Set<String> META_KEYS = Set.of("id", "title", "source", "note");
    private static final Set<String> ROLE_KEYS = Set.of("label", "seed");
    private static final Set<String> GROUP_KEYS = Set.of("id", "table", "title", "note", "flows");
    private static final Set<String> FLOW_KEYS = Set.of("id", "from", "from_label", "to", "to_label", "initiators", "bidirectional", "optional",
            "protocol", "application", "ambiguous", "transport", "ports", "configurable", "default_ports", "source_port", "scope", "remark");
    private static final Set<String> FLOW_REQUIRED = Set.of("id", "from", "to", "protocol", "transport", "ports", "scope");
    private static final Set<String> COMPOSITE_KEYS = Set.of("id", "title", "members", "select");
    private static final Set<String> SELECT_KEYS = Set.of("scope", "from", "to", "transport");
    private static final Set<String> GAP_KEYS = Set.of("id", "title", "groups", "needs", "reason");

    /** Loads the bundled catalogue followed by {@code extra} files (user catalogues). */
    public Catalogue load(List<Path> extra) {
        List<LocatedDocument> docs = new ArrayList<>();
        docs.add(bundledDocument());
        for (Path p : extra) {
            docs.add(LocatedDocument.read(p, p.toString()));
        }
        return merge(docs);
    }

    /** Loads only the given files, without the bundled catalogue (used by {@code validate PATH}). */
    public Catalogue loadOnly(List<Path> files) {
        return merge(files.stream().map(p -> LocatedDocument.read(p, p.toString())).toList());
    }

    public static LocatedDocument bundledDocument() {
        try (InputStream in = CatalogueLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled catalogue " + BUNDLED + " missing from the classpath");
            }
            return LocatedDocument.parse(BUNDLED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates and merges parsed documents, in order. */
    public Catalogue merge(List<LocatedDocument> docs) {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Role> roles = new LinkedHashMap<>();
        Map<String, SourceLocation> roleOrigin = new HashMap<>();
        List<FieldReader> readers = docs.stream().map(FieldReader::new).toList();

        // roles first: a user catalogue may use the roles of the bundled one
        for (FieldReader r : readers) {
            readRoles(r, roles, roleOrigin);
        }
        Map<String, SourceLocation> ids = new HashMap<>();
        List<PortGroup> groups = new ArrayList<>();
        List<CompositeGroup> composites = new ArrayList<>();
        Map<CompositeGroup, List<JsonPointer>> memberPointers = new HashMap<>();
        Map<CompositeGroup, FieldReader> compositeReader = new HashMap<>();
        List<KnownGap> gaps = new ArrayList<>();
        for (FieldReader r : readers) {
            if (!r.checkKeys(JsonPointer.empty(), TOP_KEYS, Set.of())) {
                if (!r.node(JsonPointer.empty()).isObject()) {
                    continue;
                }
            }
            JsonPointer meta = JsonPointer.compile("/catalogue");
            if (!r.node(meta).isMissingNode()) {
                r.checkKeys(meta, META_KEYS, Set.of());
            }
            readGroups(r, roles, ids, groups);
            readComposites(r, ids, composites, memberPointers, compositeReader);
        }
        Set<String> groupIds = groups.stream().map(PortGroup::id).collect(Collectors.toSet());
        for (FieldReader r : readers) {
            readGaps(r, groupIds, gaps);
        }
        for (FieldReader r : readers) {
            problems.addAll(r.problems());
        }
        problems.addAll(checkComposites(composites, memberPointers, compositeReader, groups));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Catalogue(docs.stream().map(LocatedDocument::name).toList(), roles, groups, composites, gaps);
    }

    private void readRoles(FieldReader r, Map<String, Role> roles, Map<String, SourceLocation> origin) {
        JsonPointer at = JsonPointer.compile("/roles");
        JsonNode n = r.node(at);
        if (n.isMissingNode()) {
            return;
        }
        if (!n.isObject()) {
            r.problem(at, "expected a mapping of role id to {label, seed}, found " + FieldReader.describe(n));
            return;
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            JsonPointer p = child(at, id);
            if (!ID.matcher(id).matches()) {
                r.problem(p, "role id '" + id + "' must be kebab-case (a-z, 0-9, '-')");
                continue;
            }
            if (!r.checkKeys(p, ROLE_KEYS, Set.of("label"))) {
                continue;
            }
            Role role = new Role(id, r.text(child(p, "label"), id), r.text(child(p, "seed"), ""));
            Role prev = roles.get(id);
            if (prev != null && !prev.equals(role)) {
                r.problem(p, "duplicate role id '" + id + "', already defined differently at " + origin.get(id));
                continue;
            }
            roles.put(id, role);
            origin.putIfAbsent(id, r.at(p));
        }
    }

    private void readGroups(FieldReader r, Map<String, Role> roles, Map<String, SourceLocation> ids, List<PortGroup> out) {
        JsonPointer at = JsonPointer.compile("/groups");
        JsonNode n = r.node(at);
        if (n.isMissingNode()) {
            return;
        }
        if (!n.isArray()) {
            r.problem(at, "expected a list of groups, found " + FieldReader.describe(n));
            return;
        }
        for (int i = 0; i < n.size(); i++) {
            JsonPointer g = child(at, i);
            if (!r.checkKeys(g, GROUP_KEYS, Set.of("id", "title", "flows"))) {
                continue;
            }
            Optional<String> id = readId(r, child(g, "id"), ids, "group");
            int table = r.integer(child(g, "table")).orElse(0);
            String title = r.text(child(g, "title"), "");
            String note = r.text(child(g, "note"), "");
            JsonPointer fp = child(g, "flows");
            JsonNode flowsNode = r.node(fp);
            if (!flowsNode.isArray() || flowsNode.isEmpty()) {
                r.problem(fp, flowsNode.isArray() ? "group '" + id.orElse("?") + "' is empty: it needs at least one flow"
                        : "expected a list of flows, found " + FieldReader.describe(flowsNode));
                continue;
            }
            List<Flow> flows = new ArrayList<>();
            Set<String> flowIds = new LinkedHashSet<>();
            for (int j = 0; j < flowsNode.size(); j++) {
                readFlow(r, child(fp, j), id.orElse("?"), roles, flowIds).ifPresent(flows::add);
            }
            if (id.isPresent()) {
                out.add(new PortGroup(id.get(), table, title, note, flows, r.at(g)));
            }
        }
    }

    private Optional<String> readId(FieldReader r, JsonPointer p, Map<String, SourceLocation> ids, String kind) {
        Optional<String> id = r.text(p);
        if (id.isEmpty()) {
            return id;
        }
        if (!ID.matcher(id.get()).matches()) {
            r.problem(p, kind + " id '" + id.get() + "' must be kebab-case (a-z, 0-9, '-')");
            return Optional.empty();
        }
        SourceLocation prev = ids.putIfAbsent(id.get(), r.at(p));
        if (prev != null) {
            r.problem(p, "duplicate group id '" + id.get() + "': already defined at " + prev.file() + ":" + prev.line());
            return Optional.empty();
        }
        return id;
    }

    private Optional<Flow> readFlow(FieldReader r, JsonPointer p, String group, Map<String, Role> roles, Set<String> flowIds) {
        if (!r.checkKeys(p, FLOW_KEYS, FLOW_REQUIRED)) {
            return Optional.empty();
        }
        int before = r.problems().size();
        String id = r.text(child(p, "id"), "?");
        if (!ID.matcher(id).matches()) {
            r.problem(child(p, "id"), "flow id '" + id + "' must be kebab-case (a-z, 0-9, '-')");
        } else if (!flowIds.add(id)) {
            r.problem(child(p, "id"), "duplicate flow id '" + id + "' in group '" + group + "'");
        }
        Endpoint from = endpoint(r, p, "from", roles);
        Endpoint to = endpoint(r, p, "to", roles);
        Optional<Transport> transport = r.oneOf(child(p, "transport"), words(Transport.values()))
                .flatMap(Transport::of);
        Optional<Scope> scope = r.oneOf(child(p, "scope"), words(Scope.values())).flatMap(Scope::of);
        DestinationPorts ports = destinationPorts(r, p, transport.orElse(Transport.TCP));
        SourcePort source = sourcePort(r, child(p, "source_port"));
        if (!r.node(child(p, "bidirectional")).isMissingNode()) {
            r.problem(child(p, "bidirectional"), "bidirectional was replaced by initiators: from|to|both (who opens sessions to "
                    + "the listed ports, decided per protocol: for LDAP only the client, for SIP or IKE both sides)");
        }
        Flow.Initiators initiators = r.oneOf(child(p, "initiators"), Set.of("from", "to", "both"))
                .map(w -> Flow.Initiators.valueOf(w.toUpperCase(java.util.Locale.ROOT))).orElse(Flow.Initiators.FROM);
        String protocol = r.text(child(p, "protocol"), "");
        String application = r.text(child(p, "application"), "");
        boolean optional = r.bool(child(p, "optional"), false);
        String remark = r.text(child(p, "remark"), "");
        String ambiguous = r.text(child(p, "ambiguous"), "");
        if (!r.node(child(p, "ambiguous")).isMissingNode() && ambiguous.isBlank()) {
            r.problem(child(p, "ambiguous"), "ambiguous needs the seed's conflicting statements, quoted; leave the key out "
                    + "when the seed is clear");
        }
        if (r.problems().size() != before || transport.isEmpty() || scope.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Flow(group, id, from, to, initiators, protocol, application, transport.get(), ports, source,
                scope.get(), remark, optional, ambiguous, r.at(p)));
    }

    private static Set<String> words(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v instanceof Transport t ? t.word() : ((Scope) v).word())
                .collect(Collectors.toSet());
    }

    private Endpoint endpoint(FieldReader r, JsonPointer flow, String side, Map<String, Role> roles) {
        JsonPointer p = child(flow, side);
        String role = r.text(p, "");
        if (!roles.containsKey(role)) {
            r.problem(p, "unknown role '" + role + "' (known roles: " + String.join(", ", roles.keySet()) + ")");
            return new Endpoint(role, role);
        }
        String label = r.text(child(flow, side + "_label")).orElse(roles.get(role).label());
        return new Endpoint(role, label);
    }

    private DestinationPorts destinationPorts(FieldReader r, JsonPointer flow, Transport transport) {
        JsonPointer p = child(flow, "ports");
        JsonNode n = r.node(p);
        boolean configurable = r.bool(child(flow, "configurable"), false);
        List<Integer> defaults = portList(r, child(flow, "default_ports"));
        if (n.isTextual() && n.asText().equals("none")) {
            if (transport.carriesPorts()) {
                r.problem(p, "transport '" + transport.word() + "' needs destination ports; 'none' is only for transport 'ip'");
            }
            return new DestinationPorts.None();
        }
        if (!transport.carriesPorts()) {
            r.problem(p, "transport 'ip' has no ports: write 'ports: none'");
            return new DestinationPorts.None();
        }
        if (n.isTextual() && n.asText().equals("configurable")) {
            return new DestinationPorts.Configurable(defaults);
        }
        if (!n.isArray() || n.isEmpty()) {
            r.problem(p, "expected a list of port numbers, 'configurable' or 'none', found " + FieldReader.describe(n));
            return new DestinationPorts.None();
        }
        if (!defaults.isEmpty()) {
            r.problem(child(flow, "default_ports"), "default_ports is only for 'ports: configurable'; listed ports are already the defaults");
        }
        return new DestinationPorts.Listed(portList(r, p), configurable);
    }

    private List<Integer> portList(FieldReader r, JsonPointer p) {
        JsonNode n = r.node(p);
        if (n.isMissingNode()) {
            return List.of();
        }
        if (!n.isArray()) {
            r.problem(p, "expected a list of port numbers, found " + FieldReader.describe(n));
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            port(r, child(p, i)).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Integer> port(FieldReader r, JsonPointer p) {
        Optional<Integer> v = r.integer(p);
        if (v.isPresent() && (v.get() < 1 || v.get() > 65535)) {
            r.problem(p, "port " + v.get() + " is outside 1..65535");
            return Optional.empty();
        }
        return v;
    }

    private SourcePort sourcePort(FieldReader r, JsonPointer p) {
        JsonNode n = r.node(p);
        if (n.isMissingNode() || (n.isTextual() && n.asText().equals("ephemeral"))) {
            return new SourcePort.Ephemeral();
        }
        if (!n.isIntegralNumber()) {
            r.problem(p, "expected 'ephemeral' or a port number, found " + FieldReader.describe(n));
            return new SourcePort.Ephemeral();
        }
        return port(r, p).<SourcePort>map(SourcePort.Fixed::new).orElseGet(SourcePort.Ephemeral::new);
    }

    private void readGaps(FieldReader r, Set<String> groupIds, List<KnownGap> out) {
        JsonPointer at = JsonPointer.compile("/known-gaps");
        JsonNode n = r.node(at);
        if (n.isMissingNode()) {
            return;
        }
        if (!n.isArray()) {
            r.problem(at, "expected a list of known gaps ({id, title, groups, needs, reason}), found " + FieldReader.describe(n));
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < n.size(); i++) {
            JsonPointer g = child(at, i);
            if (!r.checkKeys(g, GAP_KEYS, GAP_KEYS)) {
                continue;
            }
            int before = r.problems().size();
            String id = r.text(child(g, "id"), "?");
            if (!ID.matcher(id).matches()) {
                r.problem(child(g, "id"), "known gap id '" + id + "' must be kebab-case (a-z, 0-9, '-')");
            } else if (!seen.add(id)) {
                r.problem(child(g, "id"), "duplicate known gap id '" + id + "'");
            }
            JsonPointer gp = child(g, "groups");
            JsonNode gn = r.node(gp);
            List<String> groups = new ArrayList<>();
            if (!gn.isArray() || gn.isEmpty()) {
                r.problem(gp, "expected a non-empty list of port group ids, found " + FieldReader.describe(gn));
            }
            for (int j = 0; gn.isArray() && j < gn.size(); j++) {
                Optional<String> gid = r.text(child(gp, j));
                if (gid.isPresent() && !groupIds.contains(gid.get())) {
                    r.problem(child(gp, j), "known gap '" + id + "' names missing group '" + gid.get() + "'");
                }
                gid.ifPresent(groups::add);
            }
            if (r.problems().size() == before) {
                out.add(new KnownGap(id, r.text(child(g, "title"), ""), groups, r.text(child(g, "needs"), ""),
                        r.text(child(g, "reason"), ""), r.at(g)));
            }
        }
    }

    private void readComposites(FieldReader r, Map<String, SourceLocation> ids, List<CompositeGroup> out,
                                Map<CompositeGroup, List<JsonPointer>> memberPointers,
                                Map<CompositeGroup, FieldReader> readerOf) {
        JsonPointer at = JsonPointer.compile("/composites");
        JsonNode n = r.node(at);
        if (n.isMissingNode()) {
            return;
        }
        if (!n.isArray()) {
            r.problem(at, "expected a list of composite groups, found " + FieldReader.describe(n));
            return;
        }
        for (int i = 0; i < n.size(); i++) {
            JsonPointer c = child(at, i);
            if (!r.checkKeys(c, COMPOSITE_KEYS, Set.of("id", "title"))) {
                continue;
            }
            Optional<String> id = readId(r, child(c, "id"), ids, "composite");
            List<String> members = new ArrayList<>();
            List<JsonPointer> pointers = new ArrayList<>();
            JsonPointer mp = child(c, "members");
            JsonNode mn = r.node(mp);
            if (!mn.isMissingNode() && !mn.isArray()) {
                r.problem(mp, "expected a list of group or flow references, found " + FieldReader.describe(mn));
            }
            for (int j = 0; mn.isArray() && j < mn.size(); j++) {
                r.text(child(mp, j)).ifPresent(members::add);
                pointers.add(child(mp, j));
            }
            Map<String, String> select = new LinkedHashMap<>();
            JsonPointer sp = child(c, "select");
            if (!r.node(sp).isMissingNode() && r.checkKeys(sp, SELECT_KEYS, Set.of())) {
                r.node(sp).fieldNames().forEachRemaining(k -> r.text(child(sp, k)).ifPresent(v -> select.put(k, v)));
            }
            if (members.isEmpty() && select.isEmpty()) {
                r.problem(c, "composite '" + id.orElse("?") + "' is empty: give 'members' or 'select'");
                continue;
            }
            if (id.isPresent()) {
                CompositeGroup cg = new CompositeGroup(id.get(), r.text(child(c, "title"), ""), members, select, r.at(c));
                out.add(cg);
                memberPointers.put(cg, pointers);
                readerOf.put(cg, r);
            }
        }
    }

    private List<InputProblem> checkComposites(List<CompositeGroup> composites,
                                               Map<CompositeGroup, List<JsonPointer>> pointers,
                                               Map<CompositeGroup, FieldReader> readerOf, List<PortGroup> groups) {
        List<InputProblem> problems = new ArrayList<>();
        Set<String> groupIds = groups.stream().map(PortGroup::id).collect(Collectors.toSet());
        Set<String> flowRefs = groups.stream().flatMap(g -> g.flows().stream()).map(Flow::ref).collect(Collectors.toSet());
        Map<String, CompositeGroup> byId = new HashMap<>();
        composites.forEach(c -> byId.put(c.id(), c));
        Catalogue partial = new Catalogue(List.of(), Map.of(), groups, List.of(), List.of());
        for (CompositeGroup c : composites) {
            FieldReader r = readerOf.get(c);
            for (int i = 0; i < c.members().size(); i++) {
                String m = c.members().get(i);
                if (!groupIds.contains(m) && !flowRefs.contains(m) && !byId.containsKey(m)) {
                    problems.add(new InputProblem(r.at(pointers.get(c).get(i)),
                            "composite '" + c.id() + "' references missing group or flow '" + m + "'"));
                }
            }
            if (c.members().isEmpty() && partial.flows().stream().noneMatch(f -> Catalogue.matches(f, c.select()))) {
                problems.add(new InputProblem(c.origin(), "composite '" + c.id() + "' is empty: its select matches no flow"));
            }
            cycle(c.id(), byId, new ArrayList<>()).ifPresent(path -> problems.add(new InputProblem(c.origin(),
                    "composite '" + c.id() + "' includes itself: " + String.join(" -> ", path))));
        }
        return problems;
    }

    private Optional<List<String>> cycle(String id, Map<String, CompositeGroup> byId, List<String> path) {
        if (path.contains(id)) {
            List<String> p = new ArrayList<>(path);
            p.add(id);
            return path.get(0).equals(id) ? Optional.of(p) : Optional.empty();
        }
        CompositeGroup c = byId.get(id);
        if (c == null) {
            return Optional.empty();
        }
        path.add(id);
        for (String m : c.members()) {
            Optional<List<String>> found = cycle(m, byId, path);
            if (found.isPresent()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        return Optional.empty();
    }
}

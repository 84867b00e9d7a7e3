package io.portpush.core.catalogue;

import io.portpush.core.error.NotFoundException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A validated, merged port catalogue: roles, port groups (one per source table), composite
 * groups and the known gaps (what deployments need that the seed does not list). Immutable;
 * built by {@link CatalogueLoader}.
 */
public record Catalogue(List<String> sources, Map<String, Role> roles, List<PortGroup> groups,
                        List<CompositeGroup> composites, List<KnownGap> knownGaps) {

    public Catalogue {
        sources = List.copyOf(sources);
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        groups = List.copyOf(groups);
        composites = List.copyOf(composites);
        knownGaps = List.copyOf(knownGaps);
    }

    /** The known gaps that concern any of the given flows' groups, in catalogue order. */
    public List<KnownGap> gapsFor(java.util.Collection<Flow> flows) {
        Set<String> used = flows.stream().map(Flow::group).collect(Collectors.toSet());
        return knownGaps.stream().filter(g -> g.groups().stream().anyMatch(used::contains)).toList();
    }

    /**
     * What a person should read before opening the given flows: the seed's conflicting statements
     * about any of them, then the known gaps of their groups. Empty when there is nothing to say.
     */
    public List<String> notesFor(java.util.Collection<Flow> flows) {
        List<String> out = new ArrayList<>();
        flows.stream().filter(Flow::isAmbiguous).distinct()
                .forEach(f -> out.add("ambiguous " + f.ref() + " (port " + f.ports().display() + "): " + f.ambiguous()));
        gapsFor(flows).forEach(g -> out.add(g.describe()));
        return out;
    }

    public Optional<PortGroup> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public Optional<CompositeGroup> composite(String id) {
        return composites.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Every flow of every group, in catalogue order. */
    public List<Flow> flows() {
        return groups.stream().flatMap(g -> g.flows().stream()).toList();
    }

    public Optional<Flow> flow(String ref) {
        return flows().stream().filter(f -> f.ref().equals(ref)).findFirst();
    }

    /**
     * The flows a reference stands for: a group id, a {@code group.flow} reference or a composite
     * id. Order follows the catalogue; each flow appears once.
     *
     * @throws NotFoundException naming close matches when the reference is unknown
     */
    public List<Flow> resolve(String ref) {
        Set<Flow> out = new LinkedHashSet<>();
        resolveInto(ref, out, new LinkedHashSet<>());
        return List.copyOf(out);
    }

    /**
     * The flows a policy rule's reference opens: as {@link #resolve}, but a group or composite
     * leaves out flows the catalogue marks optional unless {@code includeOptional}; a flow named by
     * its own id is always included.
     */
    public List<Flow> resolveForPolicy(String ref, boolean includeOptional) {
        if (includeOptional || flow(ref).isPresent()) {
            return resolve(ref);
        }
        return resolve(ref).stream().filter(f -> !f.optional()).toList();
    }

    private void resolveInto(String ref, Set<Flow> out, Set<String> visiting) {
        Optional<PortGroup> g = group(ref);
        if (g.isPresent()) {
            out.addAll(g.get().flows());
            return;
        }
        Optional<Flow> f = flow(ref);
        if (f.isPresent()) {
            out.add(f.get());
            return;
        }
        Optional<CompositeGroup> c = composite(ref);
        if (c.isEmpty()) {
            throw new NotFoundException("no port group, flow or composite named '" + ref + "'" + suggestions(ref)
                    + " (run 'portpush catalogue list' to see them)");
        }
        if (!visiting.add(ref)) {
            return; // the loader rejects cycles; this only guards against a hand-built catalogue
        }
        for (String m : c.get().members()) {
            resolveInto(m, out, visiting);
        }
        if (!c.get().select().isEmpty()) {
            flows().stream().filter(fl -> matches(fl, c.get().select())).forEach(out::add);
        }
    }

    /** Whether a flow satisfies every key of a composite's {@code select}. */
    static boolean matches(Flow f, Map<String, String> select) {
        for (Map.Entry<String, String> e : select.entrySet()) {
            String v = e.getValue();
            boolean ok = switch (e.getKey()) {
                case "scope" -> f.scope().word().equals(v);
                case "from" -> f.from().role().equals(v);
                case "to" -> f.to().role().equals(v);
                case "transport" -> f.transport().word().equals(v);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private String suggestions(String ref) {
        String needle = ref.toLowerCase(Locale.ROOT);
        List<String> ids = new ArrayList<>();
        groups.forEach(g -> ids.add(g.id()));
        composites.forEach(c -> ids.add(c.id()));
        flows().forEach(f -> ids.add(f.ref()));
        List<String> close = ids.stream()
                .filter(id -> id.contains(needle) || needle.contains(id) || sharesWord(id, needle))
                .limit(5).toList();
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    }

    private static boolean sharesWord(String id, String needle) {
        for (String w : needle.split("[-.]")) {
            if (w.length() >= 3 && id.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Flows matching a query: a port number (listener, default or fixed source port), a role id
     * (either side), or else text found case-insensitively in ids, titles, labels, protocol or
     * remark.
     */
    public List<Flow> search(String query) {
        String q = query.trim();
        if (q.matches("\\d{1,5}")) {
            int port = Integer.parseInt(q);
            return flows().stream().filter(f -> f.usesPort(port)).toList();
        }
        if (roles.containsKey(q)) {
            return flows().stream().filter(f -> f.from().role().equals(q) || f.to().role().equals(q)).toList();
        }
        String needle = q.toLowerCase(Locale.ROOT);
        return flows().stream().filter(f -> haystack(f).contains(needle)).toList();
    }

    private String haystack(Flow f) {
        String title = group(f.group()).map(PortGroup::title).orElse("");
        return String.join("\n", f.ref(), title, f.protocol(), f.from().label(), f.to().label(), f.remark())
                .toLowerCase(Locale.ROOT);
    }

    /** Composite ids whose resolution contains the given flow. */
    public List<String> compositesContaining(Flow f) {
        return composites.stream().filter(c -> resolve(c.id()).contains(f)).map(CompositeGroup::id)
                .collect(Collectors.toList());
    }
}

package io.portpush.core.inventory;

import io.portpush.core.error.SourceLocation;
import io.portpush.core.error.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An Ansible-compatible inventory: groups (with {@code all} and {@code ungrouped}), hosts and
 * variables, plus the group_vars/host_vars found beside it.
 *
 * <p>Variable precedence, lowest first (as Ansible): inventory vars of {@code all}, group_vars/all,
 * inventory vars of each other group and then its group_vars/GROUP (parents before children,
 * then by name), inventory host vars, host_vars/HOST. Play, task and extra vars are layered on
 * top by the runner.
 */
public final class Inventory {
    private final String source;
    private final Map<String, Group> groups;
    private final Map<String, Map<String, Object>> hostVars;
    private final Map<String, Map<String, Object>> groupVarsFiles;
    private final Map<String, Map<String, Object>> hostVarsFiles;
    /** Where each variable was set: scope ({@code g:}/{@code gv:} group, {@code h:}/{@code hv:} host) -> name -> file:line. */
    private final Map<String, Map<String, SourceLocation>> origins;

    Inventory(String source, Map<String, Group> groups, Map<String, Map<String, Object>> hostVars,
              Map<String, Map<String, Object>> groupVarsFiles, Map<String, Map<String, Object>> hostVarsFiles,
              Map<String, Map<String, SourceLocation>> origins) {
        this.origins = origins;
        this.source = source;
        this.groups = groups;
        this.hostVars = hostVars;
        this.groupVarsFiles = groupVarsFiles;
        this.hostVarsFiles = hostVarsFiles;
    }

    /**
     * The same inventory with {@code extra} variables laid over the hosts' own (above host_vars):
     * used for facts only known at run time, such as the ports of lab devices started on free ports.
     */
    public Inventory withHostVars(Map<String, Map<String, Object>> extra) {
        Map<String, Map<String, Object>> hv = new LinkedHashMap<>();
        hostVarsFiles.forEach((h, v) -> hv.put(h, new LinkedHashMap<>(v)));
        extra.forEach((h, v) -> hv.computeIfAbsent(h, k -> new LinkedHashMap<>()).putAll(v));
        return new Inventory(source, groups, hostVars, groupVarsFiles, hv, origins);
    }

    public String source() {
        return source;
    }

    public Map<String, Group> groups() {
        return groups;
    }

    /** Every host name, in the order the inventory defines them. */
    public List<String> hostNames() {
        return new ArrayList<>(hostVars.keySet());
    }

    public Optional<Host> host(String name) {
        if (!hostVars.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of(new Host(name, varsFor(name), groupsOf(name)));
    }

    public List<Host> hosts() {
        return hostNames().stream().map(n -> host(n).orElseThrow()).toList();
    }

    /** Groups the host belongs to, {@code all} first, then by depth and name. */
    public List<String> groupsOf(String host) {
        Set<String> direct = groups.values().stream().filter(g -> g.hosts().contains(host)).map(Group::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> all = new LinkedHashSet<>();
        for (String g : direct) {
            addWithParents(g, all);
        }
        all.add("all");
        return all.stream().sorted(Comparator.comparingInt(this::depth).thenComparing(g -> g)).toList();
    }

    private void addWithParents(String g, Set<String> out) {
        if (!out.add(g)) {
            return;
        }
        for (Group p : groups.values()) {
            if (p.children().contains(g)) {
                addWithParents(p.name(), out);
            }
        }
    }

    /** Distance from {@code all}: all = 0, its children 1, ... (longest path, as Ansible). */
    int depth(String group) {
        if (group.equals("all")) {
            return 0;
        }
        int best = 1;
        for (Group p : groups.values()) {
            if (p.children().contains(group) && !p.name().equals(group)) {
                best = Math.max(best, depth(p.name()) + 1);
            }
        }
        return best;
    }

    /** The host's variables with group and host precedence applied. */
    public Map<String, Object> varsFor(String host) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String g : groupsOf(host)) {
            Group group = groups.get(g);
            if (group != null) {
                VarMerge.into(v, group.vars());
            }
            VarMerge.into(v, groupVarsFiles.getOrDefault(g, Map.of()));
        }
        VarMerge.into(v, hostVars.getOrDefault(host, Map.of()));
        VarMerge.into(v, hostVarsFiles.getOrDefault(host, Map.of()));
        v.put("inventory_hostname", host);
        v.put("inventory_hostname_short", host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
        v.put("group_names", groupsOf(host).stream().filter(g -> !g.equals("all")).toList());
        return v;
    }

    /**
     * The file and line where {@code host}'s variable {@code name} got the value {@link #varsFor}
     * gives it (the last layer that sets it), if the inventory set it.
     */
    public Optional<SourceLocation> originOf(String host, String name) {
        SourceLocation found = null;
        for (String g : groupsOf(host)) {
            found = originIn("g:" + g, name, found);
            found = originIn("gv:" + g, name, found);
        }
        found = originIn("h:" + host, name, found);
        found = originIn("hv:" + host, name, found);
        return Optional.ofNullable(found);
    }

    private SourceLocation originIn(String scope, String name, SourceLocation fallback) {
        SourceLocation l = origins.getOrDefault(scope, Map.of()).get(name);
        return l == null ? fallback : l;
    }

    /** Every host of a group, through its children. */
    public List<String> hostsOf(String group) {
        if (group.equals("all")) {
            return hostNames();
        }
        Group g = groups.get(group);
        if (g == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>(g.hosts());
        for (String c : g.children()) {
            if (!c.equals(group)) {
                out.addAll(hostsOf(c));
            }
        }
        return hostNames().stream().filter(out::contains).toList();
    }

    /**
     * Hosts matching an Ansible pattern: {@code all}, {@code *}, a group or host, wildcards
     * ({@code fw*}), {@code ~regex}, unions {@code a:b} or {@code a,b}, intersections {@code a:&b},
     * exclusions {@code a:!b}.
     */
    public List<String> select(String pattern) {
        List<String> terms = List.of(pattern.split("[:,]"));
        Set<String> result = new LinkedHashSet<>();
        List<String> and = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (String t : terms) {
            String term = t.strip();
            if (term.isEmpty()) {
                continue;
            }
            if (term.startsWith("&")) {
                and.add(term.substring(1));
            } else if (term.startsWith("!")) {
                not.add(term.substring(1));
            } else {
                result.addAll(one(term));
            }
        }
        for (String a : and) {
            result.retainAll(one(a));
        }
        for (String n : not) {
            one(n).forEach(result::remove);
        }
        return hostNames().stream().filter(result::contains).toList();
    }

    private List<String> one(String term) {
        if (term.equals("all") || term.equals("*")) {
            return hostNames();
        }
        if (groups.containsKey(term)) {
            return hostsOf(term);
        }
        if (hostVars.containsKey(term)) {
            return List.of(term);
        }
        Pattern p;
        if (term.startsWith("~")) {
            p = Pattern.compile(term.substring(1));
        } else if (term.contains("*") || term.contains("?")) {
            p = Pattern.compile(Pattern.quote(term).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
        } else {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String g : groups.keySet()) {
            if (p.matcher(g).matches()) {
                out.addAll(hostsOf(g));
            }
        }
        hostNames().stream().filter(h -> p.matcher(h).matches()).forEach(out::add);
        return new ArrayList<>(out);
    }

    /**
     * The terms of {@code pattern} that name nothing in this inventory: a name that is neither a
     * group nor a host, or a wildcard or regular expression that matches none. A typo in a
     * change window must not silently shrink the run ({@code edge:!nosuch} included).
     */
    public List<String> unknownTerms(String pattern) {
        List<String> out = new ArrayList<>();
        for (String t : pattern.split("[:,]")) {
            String term = t.strip();
            if (term.startsWith("&") || term.startsWith("!")) {
                term = term.substring(1);
            }
            if (term.isEmpty() || term.equals("all") || term.equals("*") || groups.containsKey(term) || hostVars.containsKey(term)) {
                continue;
            }
            if ((term.startsWith("~") || term.contains("*") || term.contains("?")) && !one(term).isEmpty()) {
                continue;
            }
            out.add(term);
        }
        return out;
    }

    /** The groups and hosts closest to {@code term} in spelling, for a did-you-mean. */
    public List<String> closest(String term) {
        List<String> names = new ArrayList<>(groups.keySet());
        names.addAll(hostNames());
        return io.portpush.core.error.DidYouMean.closest(term, names);
    }

    /** Like {@link #select} but fails when nothing matches, naming close groups and hosts. */
    public List<String> selectOrFail(String pattern) {
        List<String> hosts = select(pattern);
        if (hosts.isEmpty()) {
            throw new NotFoundException("no host matches '" + pattern + "' in inventory " + source + " (groups: "
                    + String.join(", ", groups.keySet()) + ")");
        }
        return hosts;
    }

    /** A printable tree of groups and hosts, as {@code ansible-inventory --graph}. */
    public String graph() {
        StringBuilder sb = new StringBuilder();
        graph("all", 0, sb, new HashMap<>());
        return sb.toString();
    }

    private void graph(String group, int depth, StringBuilder sb, Map<String, Boolean> seen) {
        String pad = "  |".repeat(depth);
        sb.append(pad).append("--@").append(group).append(":\n");
        if (seen.put(group, true) != null) {
            return;
        }
        Group g = groups.get(group);
        List<String> children = group.equals("all")
                ? groups.keySet().stream().filter(n -> !n.equals("all") && groups.values().stream()
                        .noneMatch(p -> !p.name().equals("all") && p.children().contains(n))).toList()
                : g == null ? List.of() : g.children();
        for (String c : children) {
            graph(c, depth + 1, sb, seen);
        }
        if (g != null && !group.equals("all")) {
            for (String h : g.hosts()) {
                sb.append("  |".repeat(depth + 1)).append("--").append(h).append('\n');
            }
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

package io.portpush.core.review;

import io.portpush.core.runner.Status;
import io.portpush.core.runner.TaskResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One task's results on many hosts, grouped for review: hosts whose change is the same (same line
 * diff and commands once each host's own name and the values of its host-specific variables,
 * such as the bound interface, are replaced by the variable's name) form one group, shown once.
 * Groups that stand out come first: failed hosts, then the smallest groups (the device that
 * differs), the largest group last. Hosts with nothing to show (in sync, skipped) are left out.
 */
public final class ChangeGroups {
    private ChangeGroups() {
    }

    /**
     * One group.
     *
     * @param hosts in run order
     * @param status the hosts' status (a group never mixes them)
     * @param diff the diff, with variables' names where the hosts' values differ (a one-host group keeps its own text)
     * @param commands likewise
     * @param meaning the first host's reading of what the change opens and closes
     * @param message the first host's result message
     * @param facts what a reviewer reads before any line: lines added and removed, the catalogue
     *        flows the change is made of, lint findings
     * @param values per host, the host-specific variables named in this group's text and the host's
     *        value of each (how a host's own text is read back from the group's)
     */
    public record Group(List<String> hosts, Status status, String diff, List<String> commands, List<String> meaning, String message,
                        List<String> facts, Map<String, Map<String, String>> values) {
        public Group {
            hosts = List.copyOf(hosts);
            commands = List.copyOf(commands);
            meaning = List.copyOf(meaning);
            facts = List.copyOf(facts);
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** A group without facts or named values. */
        public Group(List<String> hosts, Status status, String diff, List<String> commands, List<String> meaning, String message) {
            this(hosts, status, diff, commands, meaning, message, List.of(), Map.of());
        }
    }

    /**
     * The facts of one result: lines the diff adds and removes (headers left out), the catalogue
     * flows its entries come from ({@code flows} in the result's data), its lint findings.
     */
    static List<String> facts(TaskResult r) {
        List<String> out = new ArrayList<>();
        long added = r.diff().lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).count();
        long removed = r.diff().lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).count();
        if (added + removed > 0) {
            out.add(added + (added == 1 ? " line added, " : " lines added, ") + removed + (removed == 1 ? " line removed" : " lines removed"));
        }
        if (r.data().get("flows") instanceof List<?> flows && !flows.isEmpty()) {
            out.add("catalogue flows: " + String.join(", ", flows.stream().map(String::valueOf).toList()));
        }
        for (String key : List.of("lint", "device_lint")) {
            if (r.data().get(key) instanceof List<?> l && !l.isEmpty()) {
                out.add((key.equals("lint") ? "lint: " : "lint of what the device holds: ") + l.size()
                        + (l.size() == 1 ? " finding: " : " findings, first: ") + l.get(0));
            }
        }
        return out;
    }

    /** @param vars each host's variables (only string values are looked at) */
    public static List<Group> of(Map<String, TaskResult> results, Function<String, Map<String, Object>> vars) {
        Map<String, TaskResult> shown = new LinkedHashMap<>();
        results.forEach((h, r) -> {
            if (!r.diff().isEmpty() || !r.commands().isEmpty() || r.status() == Status.FAILED || r.status() == Status.UNREACHABLE) {
                shown.put(h, r);
            }
        });
        Map<String, Map<String, String>> specific = hostSpecific(shown.keySet(), vars);
        Map<List<Object>, List<String>> byKey = new LinkedHashMap<>();
        Map<List<Object>, List<Object>> normal = new LinkedHashMap<>();
        for (Map.Entry<String, TaskResult> e : shown.entrySet()) {
            TaskResult r = e.getValue();
            Map<String, String> subst = specific.getOrDefault(e.getKey(), Map.of());
            String diff = normalise(r.diff(), e.getKey(), subst);
            List<String> commands = r.commands().stream().map(c -> normalise(c, e.getKey(), subst)).toList();
            // failed and unreachable hosts are each their own story: their messages differ in what matters
            // nor does a group mix platforms: the same lines on EOS and NX-OS are still two reviews
            Map<String, Object> v = vars.apply(e.getKey());
            String platform = String.valueOf(v.getOrDefault("ansible_network_os", v.getOrDefault("platform", "")));
            List<Object> key = r.status() == Status.FAILED || r.status() == Status.UNREACHABLE ? List.of(r.status(), e.getKey())
                    : List.of(r.status(), platform, diff, commands);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e.getKey());
            normal.putIfAbsent(key, List.of(diff, commands));
        }
        List<Group> out = new ArrayList<>();
        for (Map.Entry<List<Object>, List<String>> g : byKey.entrySet()) {
            String first = g.getValue().get(0);
            TaskResult r = shown.get(first);
            boolean one = g.getValue().size() == 1;
            @SuppressWarnings("unchecked")
            List<String> commands = one ? r.commands() : (List<String>) normal.get(g.getKey()).get(1);
            List<String> meaning = r.data().get("meaning") instanceof List<?> m ? m.stream().map(String::valueOf).toList() : List.of();
            String diff = one ? r.diff() : (String) normal.get(g.getKey()).get(0);
            Map<String, Map<String, String>> named = new LinkedHashMap<>();
            if (!one) {
                String text = diff + "\n" + String.join("\n", commands);
                for (String host : g.getValue()) {
                    Map<String, String> v = new LinkedHashMap<>();
                    specific.getOrDefault(host, Map.of()).forEach((k, x) -> {
                        if (text.contains("{{ " + k + " }}")) {
                            v.put(k, x);
                        }
                    });
                    named.put(host, v);
                }
            }
            out.add(new Group(g.getValue(), r.status(), diff, commands, meaning, r.msg(), facts(r), named));
        }
        Map<String, Integer> order = new java.util.HashMap<>();
        shown.keySet().forEach(h -> order.put(h, order.size()));
        out.sort(Comparator.comparingInt((Group g) -> g.status() == Status.FAILED || g.status() == Status.UNREACHABLE ? 0 : 1)
                .thenComparingInt(g -> g.hosts().size()).thenComparingInt(g -> order.get(g.hosts().get(0))));
        return out;
    }

    /** Per host, the variables whose string value is not the same on every host, longest value first. */
    static Map<String, Map<String, String>> hostSpecific(Set<String> hosts, Function<String, Map<String, Object>> vars) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (String h : hosts) {
            Map<String, String> v = new LinkedHashMap<>();
            vars.apply(h).forEach((k, o) -> {
                if (o instanceof String s && s.length() >= 3 && !k.startsWith("ansible_") && !k.equals("inventory_hostname")) {
                    v.put(k, s);
                    seen.computeIfAbsent(k, x -> new HashSet<>()).add(s);
                }
            });
            values.put(h, v);
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        values.forEach((h, v) -> {
            Map<String, String> differing = new LinkedHashMap<>();
            v.entrySet().stream().filter(e -> seen.get(e.getKey()).size() > 1)
                    .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getValue().length()))
                    .forEach(e -> differing.put(e.getKey(), e.getValue()));
            out.put(h, differing);
        });
        return out;
    }

    /** {@code text} with the host's name and its specific values, as whole words, replaced by {@code {{ name }}}. */
    static String normalise(String text, String host, Map<String, String> values) {
        // a host name sits between '/' in diff headers (a/r1/acl/EDGE); a value such as Gi1 must not match Gi1/0/1
        String out = Pattern.compile("(?<![\\w.:-])" + Pattern.quote(host) + "(?![\\w:-]|\\.\\w)").matcher(text).replaceAll(Matcher.quoteReplacement("{{ inventory_hostname }}"));
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = word(e.getValue()).matcher(out).replaceAll(Matcher.quoteReplacement("{{ " + e.getKey() + " }}"));
        }
        return out;
    }

    private static Pattern word(String value) {
        return Pattern.compile("(?<![\\w.:/-])" + Pattern.quote(value) + "(?![\\w:/-]|\\.\\w)");
    }
}

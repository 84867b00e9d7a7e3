package io.portpush.modules.acl;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclSpec;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.PortMatch;
import io.portpush.core.policy.PortRange;
import io.portpush.core.runner.ModuleArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads an {@code acl} task's arguments into an {@link AclSpec}; mistakes name the task and the field. */
final class AclSpecReader {
    static final Set<String> KEYS = Set.of("name", "bind", "placement", "names", "rules", "default", "default_log", "return_traffic", "force", "ports",
            "strategy", "roles", "confirm_minutes", "object_groups", "traffic_check");
    /** How a change reaches the device: a new list swapped in, sequence edits, or (Junos, nftables) the whole object replaced. */
    private static final Set<String> RULE_KEYS = Set.of("permit", "deny", "log", "from", "to", "include_optional");
    private static final Set<String> LITERAL_KEYS = Set.of("protocol", "source", "destination", "ports", "source_ports",
            "established", "remark");

    private AclSpecReader() {
    }

    static AclSpec read(ModuleArgs a) {
        String name = a.required("name");
        if (!name.matches("[A-Za-z][A-Za-z0-9_.-]{0,63}")) {
            throw a.error("name", "ACL names start with a letter and use letters, digits, '_', '.', '-' (64 at most)");
        }
        List<AclSpec.Rule> rules = new ArrayList<>();
        List<Object> raw = a.list("rules");
        if (raw.isEmpty()) {
            throw a.error("rules", "give at least one rule, for example: - permit: edge-client-access");
        }
        for (int i = 0; i < raw.size(); i++) {
            rules.add(rule(a, "rules[" + i + "]", raw.get(i)));
        }
        List<Binding> bindings = new ArrayList<>();
        List<Object> bind = a.list("bind");
        for (int i = 0; i < bind.size(); i++) {
            if (!(bind.get(i) instanceof Map<?, ?> m) || !(m.containsKey("interface") || m.containsKey("target"))) {
                throw a.error("bind[" + i + "]", "each binding is {interface: NAME, direction: in|out}");
            }
            Object d = m.get("direction");
            String dir = (d == null ? "in" : String.valueOf(d)).toLowerCase(Locale.ROOT);
            if (!dir.equals("in") && !dir.equals("out")) {
                throw a.error("bind[" + i + "].direction", "direction is in or out, not '" + dir + "'");
            }
            Object target = m.containsKey("interface") ? m.get("interface") : m.get("target");
            bindings.add(new Binding(String.valueOf(target), dir.equals("in") ? Binding.Direction.IN : Binding.Direction.OUT));
        }
        // whether the host's platform supports it is the acl module's check: here, whether it is a strategy at all
        List<String> strategies = java.util.Arrays.stream(io.portpush.core.platform.AclStrategy.values())
                .map(io.portpush.core.platform.AclStrategy::word).toList();
        String strategy = a.string("strategy", "swap"); // only checked for being a word here; the platform picks its default
        if (!strategies.contains(strategy)) {
            throw a.error("strategy", "strategy is " + String.join(" or ", strategies) + ", not '" + strategy + "'"
                    + io.portpush.core.error.DidYouMean.hint(strategy, strategies));
        }
        String def = a.string("default", "deny").toLowerCase(Locale.ROOT);
        if (!def.equals("deny") && !def.equals("permit")) {
            throw a.error("default", "default is deny or permit");
        }
        AclSpec.ReturnTraffic rt;
        try {
            rt = AclSpec.ReturnTraffic.valueOf(a.string("return_traffic", "auto").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw a.error("return_traffic", "return_traffic is auto, reverse or none");
        }
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        a.map("ports").forEach((k, v) -> {
            List<Integer> l = new ArrayList<>();
            for (Object o : v instanceof List<?> list ? list : List.of(v)) {
                try {
                    int p = Integer.parseInt(String.valueOf(o));
                    if (p < 1 || p > 65535) {
                        throw new NumberFormatException();
                    }
                    l.add(p);
                } catch (NumberFormatException e) {
                    throw a.error("ports." + k, "'" + o + "' is not a port number 1..65535");
                }
            }
            ports.put(k, l);
        });
        return new AclSpec(name, rules, bindings, def.equals("deny") ? Action.DENY : Action.PERMIT, a.bool("default_log", false),
                rt, a.bool("force", false), ports, a.bool("object_groups", false));
    }

    @SuppressWarnings("unchecked")
    private static AclSpec.Rule rule(ModuleArgs a, String field, Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw a.error(field, "a rule is a mapping such as {permit: sip-proxy} or {deny: localhost-only}");
        }
        Map<String, Object> r = (Map<String, Object>) m;
        for (String k : r.keySet()) {
            if (!RULE_KEYS.contains(k)) {
                throw a.error(field + "." + k, "unknown rule key '" + k + "'" + io.portpush.core.error.DidYouMean.hint(k, RULE_KEYS)
                        + " (permit, deny, log, from, to, include_optional)");
            }
        }
        if (r.containsKey("permit") == r.containsKey("deny")) {
            throw a.error(field, "a rule has exactly one of permit: or deny:");
        }
        Action action = r.containsKey("permit") ? Action.PERMIT : Action.DENY;
        Object what = r.containsKey("permit") ? r.get("permit") : r.get("deny");
        boolean log = Boolean.TRUE.equals(r.get("log")) || "true".equals(String.valueOf(r.get("log")));
        AddressSet from = r.containsKey("from") ? addresses(a, field + ".from", r.get("from")) : null;
        AddressSet to = r.containsKey("to") ? addresses(a, field + ".to", r.get("to")) : null;
        if (what instanceof Map<?, ?> lit) {
            return new AclSpec.Rule(action, List.of(), literal(a, field, action, log, (Map<String, Object>) lit), log, from, to);
        }
        List<String> refs = new ArrayList<>();
        for (Object o : what instanceof List<?> l ? l : List.of(what)) {
            refs.add(String.valueOf(o));
        }
        boolean includeOptional = Boolean.TRUE.equals(r.get("include_optional")) || "true".equals(String.valueOf(r.get("include_optional")));
        return new AclSpec.Rule(action, refs, null, log, from, to, includeOptional);
    }

    private static AclEntry literal(ModuleArgs a, String field, Action action, boolean log, Map<String, Object> m) {
        for (String k : m.keySet()) {
            if (!LITERAL_KEYS.contains(k)) {
                throw a.error(field + "." + k, "unknown key '" + k + "' in a literal entry" + io.portpush.core.error.DidYouMean.hint(k, LITERAL_KEYS)
                        + " (" + String.join(", ", LITERAL_KEYS) + ")");
            }
        }
        String proto = String.valueOf(m.getOrDefault("protocol", "ip")).toLowerCase(Locale.ROOT);
        if (!proto.matches("ip|tcp|udp|icmp|\\d{1,3}")) {
            throw a.error(field + ".protocol", "protocol is ip, tcp, udp, icmp or a number");
        }
        return new AclEntry(action, proto, addresses(a, field + ".source", m.getOrDefault("source", "any")),
                portMatch(a, field + ".source_ports", m.get("source_ports")),
                addresses(a, field + ".destination", m.getOrDefault("destination", "any")),
                portMatch(a, field + ".ports", m.get("ports")), Boolean.TRUE.equals(m.get("established")), log,
                String.valueOf(m.getOrDefault("remark", "literal")));
    }

    private static AddressSet addresses(ModuleArgs a, String field, Object v) {
        List<String> l = new ArrayList<>();
        for (Object o : v instanceof List<?> list ? list : List.of(v)) {
            l.add(String.valueOf(o));
        }
        try {
            return AddressSet.parse(l);
        } catch (IllegalArgumentException e) {
            throw a.error(field, e.getMessage());
        }
    }

    private static PortMatch portMatch(ModuleArgs a, String field, Object v) {
        if (v == null) {
            return PortMatch.ANY;
        }
        List<PortRange> r = new ArrayList<>();
        for (Object o : v instanceof List<?> list ? list : List.of(v)) {
            String s = String.valueOf(o);
            try {
                if (s.contains("-")) {
                    String[] p = s.split("-");
                    r.add(new PortRange(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip())));
                } else {
                    r.add(PortRange.of(Integer.parseInt(s.strip())));
                }
            } catch (IllegalArgumentException e) {
                throw a.error(field, "'" + s + "' is not a port or a range such as 6603-6610");
            }
        }
        return new PortMatch(r);
    }
}

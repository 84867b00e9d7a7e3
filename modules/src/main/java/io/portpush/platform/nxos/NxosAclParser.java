package io.portpush.platform.nxos;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Binding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Cisco NX-OS access lists as the switch prints them: {@code show ip access-lists} /
 * {@code show access-lists} ({@code IP access list NAME}, {@code statistics per-entry}, rules with
 * {@code [match=N]} counters; IPv6 and MAC lists, which portpush does not model, kept as
 * unrecognised entries of their lists) and {@code show running-config aclmgr} ({@code ip
 * access-list NAME} blocks, {@code ip access-group} under interfaces, two-space indents). Addresses
 * are {@code any}, {@code A/LEN} (a /32 for a host; host bits as typed), {@code A WILDCARD} or
 * {@code host A}. A line is the unit of failure.
 */
public final class NxosAclParser {
    private static final Pattern SHOW_HEAD = Pattern.compile("^\\s*(IP|IPv6|MAC) access list (\\S+)\\s*$");
    private static final Pattern RUN_HEAD = Pattern.compile("^(ip|ipv6|mac) access-list (\\S+)\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s*(\\d+)\\s+(permit|deny|remark)\\b\\s*(.*?)\\s*$");
    private static final Pattern COUNTER = Pattern.compile("\\s*\\[match=(\\d+)\\]\\s*$");
    private static final Pattern INTERFACE = Pattern.compile("^interface (\\S+)\\s*$");
    private static final Pattern ACCESS_GROUP = Pattern.compile("^\\s+ip access-group (\\S+) (in|out)\\s*$");
    private static final Map<String, String> PROTOCOLS = Map.ofEntries(Map.entry("ip", "ip"), Map.entry("tcp", "tcp"),
            Map.entry("udp", "udp"), Map.entry("icmp", "icmp"), Map.entry("ospf", "89"), Map.entry("pim", "103"), Map.entry("igmp", "2"),
            Map.entry("vrrp", "112"), Map.entry("ahp", "51"), Map.entry("gre", "47"), Map.entry("esp", "50"), Map.entry("eigrp", "88"));
    /** Lines of a list that say how it counts or where it is bound: no rule, and nothing to keep. */
    private static final Set<String> LIST_LINES = Set.of("statistics per-entry");

    private static final io.portpush.platform.PrefixRuleGrammar GRAMMAR = new io.portpush.platform.PrefixRuleGrammar(NxosPortNames::port,
            PROTOCOLS, false);

    private NxosAclParser() {
    }

    /** One rule as read: its sequence number, its entry (absent for a remark), the device's match counter. */
    public record Rule(int seq, String text, Optional<AclEntry> entry, long hits) {
    }

    /** {@code show ip access-lists [NAME]}: each list's rules, in device order. */
    public static Map<String, List<Rule>> show(String output) {
        Map<String, List<Rule>> out = new LinkedHashMap<>();
        List<Rule> current = null;
        boolean ip = true;
        for (String raw : output.replace("\r", "").split("\n")) {
            String line = raw.stripTrailing();
            Matcher head = SHOW_HEAD.matcher(line);
            if (head.matches()) {
                current = out.computeIfAbsent(head.group(2), k -> new ArrayList<>());
                ip = head.group(1).equals("IP");
                continue;
            }
            if (current == null || line.isBlank()) {
                continue;
            }
            String s = line.strip();
            if (LIST_LINES.contains(s)) {
                continue;
            }
            // an IPv6 or MAC list: portpush reads IPv4 lists only, the rule is kept as it is
            current.add(ip ? rule(s, "show ip access-lists") : foreign(s));
        }
        return out;
    }

    /** A rule of an IPv6 or MAC list: kept whole as an unrecognised entry; a remark stays a remark. */
    private static Rule foreign(String s) {
        String body = s.replaceFirst("^\\d+\\s+", "");
        return body.startsWith("remark ") || body.equals("remark") ? new Rule(-1, s, Optional.empty(), 0)
                : new Rule(-1, s, Optional.of(AclEntry.unrecognised(body)), 0);
    }

    /** The lists and the interface bindings of a running configuration. */
    public record Running(Map<String, List<Rule>> acls, Map<String, List<Binding>> bindings) {
    }

    /** {@code show running-config} (or a part of it: {@code show running-config interfaces}). */
    public static Running running(String text) {
        Map<String, List<Rule>> acls = new LinkedHashMap<>();
        Map<String, List<Binding>> bindings = new LinkedHashMap<>();
        List<Rule> acl = null;
        boolean ip = true;
        String iface = null;
        for (String raw : text.replace("\r", "").split("\n")) {
            String line = raw.stripTrailing();
            if (line.isEmpty() || line.startsWith("!")) {
                acl = null;
                iface = null;
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                acl = null;
                iface = null;
                Matcher h = RUN_HEAD.matcher(line);
                Matcher i = INTERFACE.matcher(line);
                if (h.matches()) {
                    acl = acls.computeIfAbsent(h.group(2), k -> new ArrayList<>());
                    ip = h.group(1).equals("ip");
                } else if (i.matches()) {
                    iface = i.group(1);
                }
                continue;
            }
            if (acl != null) {
                String s = line.strip();
                if (!LIST_LINES.contains(s)) {
                    // as in show(): an IPv6 or MAC list's rules are kept as they are, never dropped
                    acl.add(ip ? rule(s, "running-config") : foreign(s));
                }
            } else if (iface != null) {
                Matcher g = ACCESS_GROUP.matcher(line);
                if (g.matches()) {
                    bindings.computeIfAbsent(g.group(1), k -> new ArrayList<>())
                            .add(new Binding(iface, g.group(2).equals("in") ? Binding.Direction.IN : Binding.Direction.OUT));
                }
            }
        }
        return new Running(acls, bindings);
    }

    /** The entries of rules, remarks left out. */
    public static List<AclEntry> entries(List<Rule> rules) {
        return rules.stream().filter(r -> r.entry().isPresent()).map(r -> r.entry().get()).toList();
    }

    private static Rule rule(String line, String origin) {
        Matcher counter = COUNTER.matcher(line);
        long hits = 0;
        String body = line;
        if (counter.find()) {
            hits = Long.parseLong(counter.group(1));
            body = line.substring(0, counter.start());
        }
        Matcher m = RULE.matcher(body);
        if (!m.matches()) {
            return new Rule(-1, line, Optional.of(AclEntry.unrecognised(line)), 0);
        }
        int seq = Integer.parseInt(m.group(1));
        if (m.group(2).equals("remark")) {
            return new Rule(seq, body, Optional.empty(), 0);
        }
        String rule = (m.group(2) + " " + m.group(3)).strip();
        try {
            return new Rule(seq, body, Optional.of(GRAMMAR.entry(rule, origin)), hits);
        } catch (IllegalArgumentException e) {
            return new Rule(seq, body, Optional.of(AclEntry.unrecognised(rule)), hits);
        }
    }
}

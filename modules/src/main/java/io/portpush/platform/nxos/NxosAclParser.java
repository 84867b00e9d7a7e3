package io.portpush.platform.nxos;

import io.portpush.core.policy.Action;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.PortMatch;
import io.portpush.core.policy.PortRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    private static final Pattern RUN_HEAD = Pattern.compile("^ip access-list (\\S+)\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s*(\\d+)\\s+(permit|deny|remark)\\b\\s*(.*?)\\s*$");
    private static final Pattern COUNTER = Pattern.compile("\\s*\\[match=(\\d+)\\]\\s*$");
    private static final Pattern INTERFACE = Pattern.compile("^interface (\\S+)\\s*$");
    private static final Pattern ACCESS_GROUP = Pattern.compile("^\\s+ip access-group (\\S+) (in|out)\\s*$");
    private static final Map<String, String> PROTOCOLS = Map.ofEntries(Map.entry("ip", "ip"), Map.entry("tcp", "tcp"),
            Map.entry("udp", "udp"), Map.entry("icmp", "icmp"), Map.entry("ospf", "89"), Map.entry("pim", "103"), Map.entry("igmp", "2"),
            Map.entry("vrrp", "112"), Map.entry("ahp", "51"), Map.entry("gre", "47"), Map.entry("esp", "50"), Map.entry("eigrp", "88"));
    private static final Set<String> TCP_FLAGS = Set.of("ack", "fin", "psh", "rst", "syn", "urg");
    /** Lines of a list that say how it counts or where it is bound: no rule, and nothing to keep. */
    private static final Set<String> LIST_LINES = Set.of("statistics per-entry");

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
            current.add(ip ? rule(s, "show ip access-lists")
                    : new Rule(-1, s, Optional.of(AclEntry.unrecognised(s.replaceFirst("^\\d+\\s+", ""))), 0));
        }
        return out;
    }

    /** The lists and the interface bindings of a running configuration. */
    public record Running(Map<String, List<Rule>> acls, Map<String, List<Binding>> bindings) {
    }

    /** {@code show running-config} (or a part of it: {@code show running-config interfaces}). */
    public static Running running(String text) {
        Map<String, List<Rule>> acls = new LinkedHashMap<>();
        Map<String, List<Binding>> bindings = new LinkedHashMap<>();
        List<Rule> acl = null;
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
                    acl = acls.computeIfAbsent(h.group(1), k -> new ArrayList<>());
                } else if (i.matches()) {
                    iface = i.group(1);
                }
                continue;
            }
            if (acl != null) {
                String s = line.strip();
                if (!LIST_LINES.contains(s)) {
                    acl.add(rule(s, "running-config"));
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
            return new Rule(seq, body, Optional.of(entry(rule, origin)), hits);
        } catch (IllegalArgumentException e) {
            return new Rule(seq, body, Optional.of(AclEntry.unrecognised(rule)), hits);
        }
    }

    /** One rule without its sequence number: {@code permit tcp any host 10.1.1.1 eq 5222 log}. */
    static AclEntry entry(String text, String origin) {
        List<String> w = List.of(text.strip().split("\\s+"));
        int[] i = {0};
        Action action = switch (next(w, i)) {
            case "permit" -> Action.PERMIT;
            case "deny" -> Action.DENY;
            default -> throw new IllegalArgumentException("not a rule: " + text);
        };
        String p = next(w, i).toLowerCase(Locale.ROOT);
        String proto = PROTOCOLS.containsKey(p) ? PROTOCOLS.get(p) : p.matches("\\d{1,3}") && Integer.parseInt(p) <= 255 ? p : null;
        if (proto == null) {
            throw new IllegalArgumentException("unknown protocol '" + p + "'");
        }
        boolean ports = proto.equals("tcp") || proto.equals("udp");
        AddressSet src = address(w, i);
        PortMatch srcPorts = ports ? ports(w, i) : PortMatch.ANY;
        AddressSet dst = address(w, i);
        PortMatch dstPorts = ports ? ports(w, i) : PortMatch.ANY;
        boolean established = false;
        boolean log = false;
        List<String> qualifiers = new ArrayList<>();
        while (i[0] < w.size()) {
            String k = w.get(i[0]++).toLowerCase(Locale.ROOT);
            switch (k) {
                case "log" -> log = true;
                case "established" -> established = true;
                case "tracked", "fragments" -> qualifiers.add(k);
                case "ttl" -> qualifiers.add("ttl eq " + next(w, i));
                case "precedence" -> qualifiers.add("precedence " + precedence(next(w, i)));
                case "dscp" -> qualifiers.add("dscp " + dscp(next(w, i)));
                default -> {
                    if (TCP_FLAGS.contains(k) && proto.equals("tcp")) {
                        qualifiers.add(k);
                    } else {
                        throw new IllegalArgumentException("'" + k + "' is no option portpush reads");
                    }
                }
            }
        }
        return new AclEntry(action, proto, src, srcPorts, dst, dstPorts, established, log, origin, qualifiers);
    }

    /** IP precedence names as numbers (RFC 791). */
    private static int precedence(String word) {
        List<String> names = List.of("routine", "priority", "immediate", "flash", "flash-override", "critical", "internet", "network");
        if (word.matches("[0-7]")) {
            return Integer.parseInt(word);
        }
        int k = names.indexOf(word);
        if (k < 0) {
            throw new IllegalArgumentException("unknown precedence '" + word + "'");
        }
        return k;
    }

    /** DSCP names as numbers, as the other readers write them (RFC 2474/2597/3246 code points). */
    private static int dscp(String word) {
        if (word.matches("\\d{1,2}") && Integer.parseInt(word) <= 63) {
            return Integer.parseInt(word);
        }
        Matcher af = Pattern.compile("af([1-4])([1-3])").matcher(word);
        if (af.matches()) {
            return Integer.parseInt(af.group(1)) * 8 + Integer.parseInt(af.group(2)) * 2;
        }
        Matcher cs = Pattern.compile("cs([0-7])").matcher(word);
        if (cs.matches()) {
            return Integer.parseInt(cs.group(1)) * 8;
        }
        return switch (word) {
            case "ef" -> 46;
            case "default" -> 0;
            default -> throw new IllegalArgumentException("unknown dscp '" + word + "'");
        };
    }

    private static String next(List<String> w, int[] i) {
        if (i[0] >= w.size()) {
            throw new IllegalArgumentException("the rule ends early");
        }
        return w.get(i[0]++);
    }

    private static AddressSet address(List<String> w, int[] i) {
        String a = next(w, i);
        if (a.equals("any")) {
            return AddressSet.ANY;
        }
        if (a.equals("host")) {
            return AddressSet.parse(List.of(next(w, i) + "/32"));
        }
        if (a.contains("/")) {
            return AddressSet.parse(List.of(a));
        }
        if (a.matches("\\d{1,3}(\\.\\d{1,3}){3}") && i[0] < w.size() && w.get(i[0]).matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String wildcard = w.get(i[0]++);
            long m = 0;
            for (String o : wildcard.split("\\.")) {
                m = m << 8 | Integer.parseInt(o);
            }
            int len = 32 - Long.bitCount(m);
            if (m != (1L << (32 - len)) - 1) {
                throw new IllegalArgumentException("a non-contiguous wildcard: '" + wildcard + "'");
            }
            return AddressSet.parse(List.of(a + "/" + len));
        }
        throw new IllegalArgumentException("an address portpush does not read: '" + a + "'");
    }

    /** {@code eq P [P...]}, {@code range A B}, {@code gt P}, {@code lt P}; nothing is any port. */
    private static PortMatch ports(List<String> w, int[] i) {
        if (i[0] >= w.size()) {
            return PortMatch.ANY;
        }
        String op = w.get(i[0]);
        switch (op) {
            case "eq" -> {
                i[0]++;
                List<PortRange> out = new ArrayList<>();
                while (i[0] < w.size() && NxosPortNames.port(w.get(i[0])).isPresent()) {
                    out.add(PortRange.of(NxosPortNames.port(w.get(i[0]++)).get()));
                }
                if (out.isEmpty()) {
                    throw new IllegalArgumentException("a port that is no number and no name EOS prints: '"
                            + (i[0] < w.size() ? w.get(i[0]) : "") + "'");
                }
                if (i[0] < w.size() && w.get(i[0]).matches("[a-z][a-z0-9-]*") && !isOption(w.get(i[0])) && !w.get(i[0]).equals("any")
                        && !w.get(i[0]).equals("host") && !w.get(i[0]).contains("/")) {
                    // a port name this reader does not know, inside a port list: do not read past it as something else
                    throw new IllegalArgumentException("unknown port name '" + w.get(i[0]) + "'");
                }
                return new PortMatch(out);
            }
            case "range" -> {
                i[0]++;
                int a = NxosPortNames.port(next(w, i)).orElseThrow(() -> new IllegalArgumentException("bad range"));
                int b = NxosPortNames.port(next(w, i)).orElseThrow(() -> new IllegalArgumentException("bad range"));
                return new PortMatch(List.of(new PortRange(a, b)));
            }
            case "gt" -> {
                i[0]++;
                int a = NxosPortNames.port(next(w, i)).orElseThrow(() -> new IllegalArgumentException("bad port"));
                return new PortMatch(List.of(new PortRange(a + 1, 65535)));
            }
            case "lt" -> {
                i[0]++;
                int a = NxosPortNames.port(next(w, i)).orElseThrow(() -> new IllegalArgumentException("bad port"));
                return new PortMatch(List.of(new PortRange(0, a - 1)));
            }
            case "neq" -> throw new IllegalArgumentException("neq: a port set portpush does not model");
            default -> {
                return PortMatch.ANY;
            }
        }
    }

    private static boolean isOption(String word) {
        return Set.of("log", "established", "tracked", "fragments", "ttl", "dscp", "precedence").contains(word) || TCP_FLAGS.contains(word);
    }
}

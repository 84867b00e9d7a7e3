package io.portpush.platform.ios;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
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
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Cisco IOS / IOS-XE ACLs back into the vendor-neutral model, from {@code show ip
 * access-lists}, {@code show ipv6 access-list} and the running configuration: sequence numbers,
 * remarks, hit counters, {@code host}/wildcard masks, {@code any}, {@code eq}/{@code neq}/
 * {@code range}/{@code gt}/{@code lt} with port keywords, {@code established}, {@code log},
 * IPv6 prefixes, and lines wrapped by a narrow terminal.
 */
public final class IosAclParser {
    private static final Pattern MATCHES = Pattern.compile("\\s*\\(\\d+ match(es)?\\)\\s*$");
    private static final Pattern SEQ_LINE = Pattern.compile("^\\s*(\\d+)\\s+(permit|deny|remark)\\b(.*)$");
    private static final Pattern LIST_HEAD = Pattern.compile("^(?:Extended IP|Standard IP|IPv6) access list (\\S+)");
    private static final Pattern V6_SEQUENCE = Pattern.compile("^(.*) sequence (\\d+)$");
    private static final Pattern STARTS_LIST = Pattern.compile("^(Extended|Standard|IPv6|Reflexive|Role-based).*");
    private static final Pattern STARTS_ENTRY = Pattern.compile("^\\s*(permit|deny|remark)\\b.*");
    private static final Pattern NAMED_ACL = Pattern.compile("^(?:ip|ipv6) access-list (?:extended )?(\\S+)$");
    private static final Pattern NUMBERED_ACL = Pattern.compile("^access-list (\\d+) (.*)$");
    private static final Pattern BINDING = Pattern.compile("^(?:ip|ipv6) (?:access-group|traffic-filter) (\\S+) (in|out)$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Map<String, String> PROTOCOL_NUMBERS = Map.of("0", "ip", "1", "icmp", "6", "tcp", "17", "udp",
            "58", "icmp", "ipv6", "ip");

    /** One line of an ACL as the device numbers it. */
    public record Line(int seq, String text, AclEntry entry) {
        public boolean remark() {
            return entry == null;
        }
    }

    /** An entry the model cannot hold (object-groups, non-contiguous wildcards): named, never guessed. */
    public static final class UnsupportedEntry extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UnsupportedEntry(String message) {
            super(message);
        }
    }

    private IosAclParser() {
    }

    /** Parses one ACE ({@code permit tcp host 192.0.2.1 any eq www log}); {@code origin} is kept. */
    public static AclEntry ace(String text, String origin) {
        String t = MATCHES.matcher(text).replaceAll("").strip();
        List<String> w = new ArrayList<>(List.of(SPACES.split(t)));
        int[] i = {0};
        Action action = switch (next(w, i)) {
            case "permit" -> Action.PERMIT;
            case "deny" -> Action.DENY;
            default -> throw new IllegalArgumentException("not an ACE: " + text);
        };
        String proto = next(w, i).toLowerCase(Locale.ROOT);
        proto = PROTOCOL_NUMBERS.getOrDefault(proto, proto);
        boolean ports = proto.equals("tcp") || proto.equals("udp");
        AddressSet src = address(w, i, text);
        PortMatch srcPorts = ports ? ports(w, i, proto, text) : PortMatch.ANY;
        AddressSet dst = address(w, i, text);
        PortMatch dstPorts = ports ? ports(w, i, proto, text) : PortMatch.ANY;
        boolean established = false;
        boolean log = false;
        while (i[0] < w.size()) {
            String k = w.get(i[0]++).toLowerCase(Locale.ROOT);
            switch (k) {
                case "established" -> established = true;
                case "log", "log-input" -> log = true;
                case "sequence", "dscp", "precedence", "tos", "time-range", "ttl" -> i[0]++; // value follows
                default -> {
                    // icmp type names and other qualifiers do not change what portpush models
                }
            }
        }
        return new AclEntry(action, proto, src, srcPorts, dst, dstPorts, established, log, origin);
    }

    private static String next(List<String> w, int[] i) {
        if (i[0] >= w.size()) {
            throw new IllegalArgumentException("entry ends too early: " + String.join(" ", w));
        }
        return w.get(i[0]++);
    }

    private static AddressSet address(List<String> w, int[] i, String text) {
        String k = next(w, i);
        switch (k.toLowerCase(Locale.ROOT)) {
            case "any" -> {
                return AddressSet.ANY;
            }
            case "host" -> {
                return AddressSet.parse(List.of(next(w, i)));
            }
            case "object-group", "addrgroup" -> throw new UnsupportedEntry("object-group in '" + text + "': expand it before comparing");
            default -> {
                if (k.contains("/")) {
                    return AddressSet.parse(List.of(k)); // IPv6 prefix
                }
                String wildcard = next(w, i);
                IPAddress wc = new IPAddressString(wildcard).getAddress();
                if (wc == null) {
                    throw new IllegalArgumentException("bad wildcard '" + wildcard + "' in '" + text + "'");
                }
                long v = wc.getValue().longValue();
                if (((v + 1) & v) != 0) {
                    throw new UnsupportedEntry("non-contiguous wildcard " + wildcard + " in '" + text + "'");
                }
                return AddressSet.parse(List.of(k + "/" + (32 - Long.bitCount(v))));
            }
        }
    }

    private static PortMatch ports(List<String> w, int[] i, String proto, String text) {
        if (i[0] >= w.size()) {
            return PortMatch.ANY;
        }
        String op = w.get(i[0]).toLowerCase(Locale.ROOT);
        switch (op) {
            case "eq" -> {
                i[0]++;
                List<PortRange> r = new ArrayList<>();
                r.add(PortRange.of(port(next(w, i), proto, text)));
                while (i[0] < w.size() && IosPortNames.number(proto, w.get(i[0]).toLowerCase(Locale.ROOT)).isPresent()) {
                    r.add(PortRange.of(port(next(w, i), proto, text)));
                }
                return new PortMatch(r);
            }
            case "range" -> {
                i[0]++;
                int a = port(next(w, i), proto, text);
                int b = port(next(w, i), proto, text);
                return new PortMatch(List.of(new PortRange(a, b)));
            }
            case "gt" -> {
                i[0]++;
                return new PortMatch(List.of(new PortRange(port(next(w, i), proto, text) + 1, 65535)));
            }
            case "lt" -> {
                i[0]++;
                return new PortMatch(List.of(new PortRange(0, port(next(w, i), proto, text) - 1)));
            }
            case "neq" -> {
                i[0]++;
                int p = port(next(w, i), proto, text);
                return new PortMatch(List.of(new PortRange(0, p - 1), new PortRange(p + 1, 65535)));
            }
            default -> {
                return PortMatch.ANY;
            }
        }
    }

    private static int port(String word, String proto, String text) {
        OptionalInt n = IosPortNames.number(proto, word.toLowerCase(Locale.ROOT));
        if (n.isEmpty()) {
            throw new IllegalArgumentException("unknown port '" + word + "' in '" + text + "'");
        }
        return n.getAsInt();
    }

    /** Joins lines a narrow terminal wrapped: a line that starts neither a list nor an entry continues the previous one. */
    static List<String> unwrap(String output) {
        List<String> out = new ArrayList<>();
        for (String raw : output.replace("\r", "").split("\n")) {
            if (raw.isBlank()) {
                continue;
            }
            boolean starts = !raw.startsWith(" ") || SEQ_LINE.matcher(raw).matches() || STARTS_ENTRY.matcher(raw).matches()
                    || STARTS_LIST.matcher(raw).matches();
            if (!starts && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + raw.strip());
            } else {
                out.add(raw);
            }
        }
        return out;
    }

    /** {@code show ip access-lists} / {@code show ipv6 access-list}: list name to its numbered lines. */
    public static Map<String, List<Line>> showAccessLists(String output) {
        Map<String, List<Line>> out = new LinkedHashMap<>();
        List<Line> current = null;
        for (String l : unwrap(output)) {
            Matcher head = LIST_HEAD.matcher(l);
            if (head.find()) {
                current = out.computeIfAbsent(head.group(1), k -> new ArrayList<>());
                continue;
            }
            if (current == null) {
                continue;
            }
            String s = MATCHES.matcher(l).replaceAll("").strip();
            Matcher seq = SEQ_LINE.matcher(s);
            if (seq.matches()) {
                String text = seq.group(2) + seq.group(3);
                int n = Integer.parseInt(seq.group(1));
                current.add(new Line(n, text, seq.group(2).equals("remark") ? null : ace(text, "")));
            } else if (s.startsWith("permit") || s.startsWith("deny")) {
                // IPv6 lists print "permit tcp any any eq www sequence 10"
                Matcher v6 = V6_SEQUENCE.matcher(s);
                int n = v6.matches() ? Integer.parseInt(v6.group(2)) : (current.size() + 1) * 10;
                String text = v6.matches() ? v6.group(1) : s;
                current.add(new Line(n, text, ace(text, "")));
            }
        }
        return out;
    }

    private static final Pattern GROUP_HEAD = Pattern.compile("^object-group (service|network) (\\S+)$");

    /** Object-group name to its members, {@code "service tcp eq 5222"} or {@code "network host 10.1.1.1"}. */
    static Map<String, List<String>> objectGroups(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        String type = null;
        for (String raw : text.replace("\r", "").split("\n")) {
            Matcher m = GROUP_HEAD.matcher(raw.stripTrailing());
            if (m.matches()) {
                type = m.group(1);
                current = out.computeIfAbsent(m.group(2), k -> new ArrayList<>());
            } else if (raw.startsWith(" ") && current != null) {
                current.add(type + " " + raw.strip());
            } else {
                current = null;
            }
        }
        return out;
    }

    /** An entry naming object-groups, as the entries IOS evaluates (one per member combination). */
    static List<String> expand(String body, Map<String, List<String>> groups) {
        List<String> w = List.of(SPACES.split(body.strip()));
        if (!w.contains("object-group")) {
            return List.of(body);
        }
        String action = w.get(0);
        int i = 1;
        List<String[]> services = new ArrayList<>(); // {protocol, port match}
        if (w.get(1).equals("object-group")) {
            for (String m : groups.getOrDefault(w.get(2), List.of())) {
                String[] p = m.split(" ", 3); // service tcp eq 5222
                services.add(new String[] {p[1].equals("tcp-udp") ? "tcp" : p[1], p[2]});
                if (p[1].equals("tcp-udp")) {
                    services.add(new String[] {"udp", p[2]});
                }
            }
            i = 3;
        } else {
            services.add(new String[] {w.get(1), null});
            i = 2;
        }
        List<List<String>> sides = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            List<String> addrs = new ArrayList<>();
            String k = w.get(i);
            if (k.equals("any")) {
                addrs.add("any");
                i += 1;
            } else if (k.equals("host")) {
                addrs.add("host " + w.get(i + 1));
                i += 2;
            } else if (k.equals("object-group")) {
                for (String m : groups.getOrDefault(w.get(i + 1), List.of())) {
                    String[] p = m.split(" ", 2); // network host A | network A MASK
                    addrs.add(p[1].startsWith("host ") ? p[1] : wildcardOf(p[1]));
                }
                i += 2;
            } else {
                addrs.add(k + " " + w.get(i + 1));
                i += 2;
            }
            sides.add(addrs);
            // a port match after the source belongs to the source
            if (side == 0 && i < w.size() && services.get(0)[1] == null && List.of("eq", "range", "gt", "lt", "neq").contains(w.get(i))) {
                break;
            }
        }
        if (sides.size() < 2) {
            throw new UnsupportedEntry("object-group entry with source ports: '" + body + "'");
        }
        String rest = String.join(" ", w.subList(i, w.size()));
        List<String> out = new ArrayList<>();
        for (String[] svc : services) {
            for (String src : sides.get(0)) {
                for (String dst : sides.get(1)) {
                    out.add(action + " " + svc[0] + " " + src + " " + dst + (svc[1] == null ? "" : " " + svc[1])
                            + (rest.isEmpty() ? "" : " " + rest));
                }
            }
        }
        return out;
    }

    private static String wildcardOf(String addressAndMask) {
        String[] p = addressAndMask.split(" ");
        long mask = new inet.ipaddr.IPAddressString(p[1]).getAddress().getValue().longValue();
        long wc = ~mask & 0xffffffffL;
        return p[0] + " " + ((wc >> 24) & 0xff) + "." + ((wc >> 16) & 0xff) + "." + ((wc >> 8) & 0xff) + "." + (wc & 0xff);
    }

    /** What the running configuration says about ACLs: named lists with remarks, and bindings. */
    public record Running(Map<String, List<Line>> acls, Map<String, List<Binding>> bindings) {
    }

    /** Parses a {@code show running-config} for ACL blocks, numbered ACL lines and {@code ip access-group} bindings. */
    public static Running runningConfig(String text) {
        Map<String, List<String>> groups = objectGroups(text);
        Map<String, List<Line>> acls = new LinkedHashMap<>();
        Map<String, List<Binding>> bindings = new LinkedHashMap<>();
        List<Line> current = null;
        String iface = null;
        String pendingRemark = "";
        for (String raw : text.replace("\r", "").split("\n")) {
            String line = raw.stripTrailing();
            if (!line.startsWith(" ")) {
                current = null;
                iface = null;
                pendingRemark = "";
                Matcher acl = NAMED_ACL.matcher(line);
                Matcher numbered = NUMBERED_ACL.matcher(line);
                if (acl.matches()) {
                    current = acls.computeIfAbsent(acl.group(1), k -> new ArrayList<>());
                } else if (numbered.matches()) {
                    List<Line> l = acls.computeIfAbsent(numbered.group(1), k -> new ArrayList<>());
                    String body = numbered.group(2).strip();
                    l.add(new Line((l.size() + 1) * 10, body, body.startsWith("remark") ? null : ace(body, "")));
                } else if (line.startsWith("interface ")) {
                    iface = line.substring(10).strip();
                }
                continue;
            }
            String s = line.strip();
            if (current != null) {
                Matcher seq = SEQ_LINE.matcher(s);
                String body;
                int n;
                if (seq.matches()) {
                    n = Integer.parseInt(seq.group(1));
                    body = seq.group(2) + seq.group(3);
                } else {
                    n = (current.size() + 1) * 10;
                    body = s;
                }
                if (body.startsWith("remark")) {
                    pendingRemark = body.substring(6).strip().replaceFirst("^portpush ", "");
                    current.add(new Line(n, body, null));
                } else {
                    for (String one : expand(body, groups)) {
                        current.add(new Line(n, body.replaceAll("\\s+", " "), ace(one, pendingRemark)));
                    }
                }
            } else if (iface != null) {
                Matcher b = BINDING.matcher(s);
                if (b.matches()) {
                    bindings.computeIfAbsent(b.group(1), k -> new ArrayList<>())
                            .add(new Binding(iface, b.group(2).equals("in") ? Binding.Direction.IN : Binding.Direction.OUT));
                }
            }
        }
        return new Running(acls, bindings);
    }
}

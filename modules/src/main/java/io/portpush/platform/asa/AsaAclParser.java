package io.portpush.platform.asa;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
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
 * Reads Cisco ASA access-lists back into the vendor-neutral model, from
 * {@code show running-config access-list} and {@code show access-list} (line numbers,
 * {@code hitcnt}, hashes; object-group lines are read through their expanded lines, which ASA
 * prints indented below them), plus {@code access-group} bindings.
 */
public final class AsaAclParser {
    private static final Pattern RUNNING = Pattern.compile("^access-list (\\S+) (?:line \\d+ )?(extended|remark|standard|webtype|ethertype|advanced) ?(.*)$");
    private static final Pattern SHOW = Pattern.compile("^(\\s*)access-list (\\S+) line (\\d+) (extended|remark|standard|webtype|ethertype|advanced) (.*)$");
    private static final Pattern SHOW_HEAD = Pattern.compile("^access-list (\\S+); \\d+ elements;.*$");
    private static final Pattern HASH = Pattern.compile("\\s+0x[0-9a-f]+$");
    private static final Pattern INACTIVE_STATE = Pattern.compile("\\s*\\(inactive\\)$");
    private static final Pattern HITCNT = Pattern.compile("\\s*\\(hitcnt=\\d+\\)$");
    private static final Pattern DOTTED = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private AsaAclParser() {
    }

    /** {@code show running-config access-list}: list name to entries (remarks become the next entries' origin). */
    public static Map<String, List<AclEntry>> running(String text) {
        return running(text, AsaObjects.parse(text));
    }

    /**
     * As {@link #running(String)}, resolving object and object-group names with {@code objects}
     * (definitions from the same running configuration, or from {@code show running-config object}
     * and {@code object-group}); an entry naming them becomes the entries ASA evaluates. A name
     * with no definition stays a named reference.
     */
    public static Map<String, List<AclEntry>> running(String text, AsaObjects objects) {
        Map<String, List<AclEntry>> out = new LinkedHashMap<>();
        Map<String, String> remark = new LinkedHashMap<>();
        for (String raw : text.replace("\r", "").split("\n")) {
            Matcher m = RUNNING.matcher(raw.strip());
            if (!m.matches()) {
                continue;
            }
            List<AclEntry> l = out.computeIfAbsent(m.group(1), k -> new ArrayList<>());
            if (m.group(2).equals("remark")) {
                remark.put(m.group(1), m.group(3).replaceFirst("^portpush ", ""));
            } else if (m.group(2).equals("standard")) {
                l.add(standard(m.group(3), remark.getOrDefault(m.group(1), "")));
            } else if (!m.group(2).equals("extended")) {
                // webtype, ethertype lists are kept by name, never misread as extended entries
                l.add(AclEntry.unrecognised(m.group(2) + " " + m.group(3)));
            } else {
                List<String> ones;
                try {
                    ones = objects.expand(m.group(3));
                } catch (RuntimeException e) {
                    l.add(AclEntry.unrecognised(m.group(3)));
                    continue;
                }
                if (ones.isEmpty()) {
                    l.add(AclEntry.unrecognised(m.group(3) + " (an object-group in it is empty)"));
                }
                for (String one : ones) {
                    l.add(entry(one, remark.getOrDefault(m.group(1), "")));
                }
            }
        }
        return out;
    }

    /**
     * {@code show access-list}: entries as the device evaluates them. A line naming objects or
     * object-groups is followed by its expansion, indented; the expansion is read and the line
     * itself is not (it is the same policy). Hit counters, hashes and the {@code (inactive)}
     * state ASA appends are taken off before the entry is read; the state is kept as
     * {@code inactive}.
     */
    public static Map<String, List<AclEntry>> show(String text) {
        Map<String, List<AclEntry>> out = new LinkedHashMap<>();
        showLines(text).forEach((name, lines) -> out.put(name, lines.stream().map(Line::entry).toList()));
        return out;
    }

    /**
     * One entry as ASA evaluates it, with its line number and {@code hitcnt} (-1 where the line
     * printed none). Expansion lines keep their own counters: the parent's is their sum.
     */
    public record Line(int line, AclEntry entry, long hits) {
    }

    /** As {@link #show}, with each entry's line number and hit counter. */
    public static Map<String, List<Line>> showLines(String text) {
        Map<String, List<Line>> out = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (String l : text.replace("\r", "").split("\n")) {
            lines.add(l.stripTrailing());
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher head = SHOW_HEAD.matcher(lines.get(i));
            if (head.matches()) {
                out.computeIfAbsent(head.group(1), k -> new ArrayList<>()); // a list exists even with no entry (remarks only)
                continue;
            }
            Matcher m = SHOW.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            List<Line> l = out.computeIfAbsent(m.group(2), k -> new ArrayList<>());
            int number = Integer.parseInt(m.group(3));
            if (m.group(4).equals("remark")) {
                continue;
            }
            boolean expanded = !m.group(1).isEmpty();
            boolean hasChildren = i + 1 < lines.size() && lines.get(i + 1).startsWith("  access-list " + m.group(2) + " line " + m.group(3) + " ");
            if (!expanded && hasChildren) {
                continue;
            }
            String body = m.group(5);
            boolean inactive = false;
            Matcher tail;
            // "(hitcnt=0) (inactive) 0x20db5032": hash, state and counter, in that order from the end
            body = HASH.matcher(body).replaceFirst("");
            if ((tail = INACTIVE_STATE.matcher(body)).find()) {
                inactive = true;
                body = body.substring(0, tail.start());
            }
            Matcher counter = HITCNT.matcher(body);
            long hits = -1;
            if (counter.find()) {
                hits = Long.parseLong(body.substring(body.indexOf("hitcnt=", counter.start()) + 7, body.indexOf(')', counter.start())));
                body = body.substring(0, counter.start());
            }
            if (!m.group(4).equals("extended") && !m.group(4).equals("standard")) {
                l.add(new Line(number, AclEntry.unrecognised(m.group(4) + " " + body), hits));
                continue;
            }
            AclEntry e = m.group(4).equals("standard") ? standard(body, "") : entry(body, "");
            if (inactive && !e.unrecognised() && !e.qualifiers().contains("inactive")) {
                List<String> q = new ArrayList<>(e.qualifiers());
                q.add("inactive");
                e = new AclEntry(e.action(), e.protocol(), e.source(), e.sourcePorts(), e.destination(), e.destinationPorts(),
                        e.established(), e.log(), e.origin(), q);
            }
            l.add(new Line(number, e, hits));
        }
        return out;
    }

    private static final Pattern GROUP_LINE = Pattern.compile("^access-group (\\S+) (?:(in|out) interface (\\S+)|(global))(?: (.+))?$");

    /**
     * {@code show running-config access-group} as people read it: interface (or {@code global}) to
     * {@code in LIST}; options such as {@code per-user-override} or {@code control-plane} are kept
     * after the list, a line of another form is kept as {@code unrecognised '...'} under {@code ?}.
     */
    public static Map<String, List<String>> accessGroups(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String raw : text.replace("\r", "").split("\n")) {
            String s = raw.strip();
            if (s.isEmpty()) {
                continue;
            }
            Matcher m = GROUP_LINE.matcher(s);
            if (!m.matches()) {
                out.computeIfAbsent("?", k -> new ArrayList<>()).add("unrecognised line '" + s + "'");
            } else if (m.group(4) != null) {
                out.computeIfAbsent("global", k -> new ArrayList<>()).add("global " + m.group(1) + (m.group(5) == null ? "" : " " + m.group(5)));
            } else {
                out.computeIfAbsent(m.group(3), k -> new ArrayList<>()).add(m.group(2) + " " + m.group(1) + (m.group(5) == null ? "" : " " + m.group(5)));
            }
        }
        return out;
    }

    /** {@code show running-config access-group}: list name to its interface bindings ({@code global} ones are not per interface). */
    public static Map<String, List<Binding>> groups(String text) {
        Map<String, List<Binding>> out = new LinkedHashMap<>();
        for (String raw : text.replace("\r", "").split("\n")) {
            Matcher m = GROUP_LINE.matcher(raw.strip());
            if (m.matches() && m.group(3) != null) {
                out.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                        .add(new Binding(m.group(3), m.group(2).equals("in") ? Binding.Direction.IN : Binding.Direction.OUT));
            }
        }
        return out;
    }

    /**
     * A standard list entry ({@code permit 10.1.1.0 255.255.255.0}): ASA standard lists match
     * destination addresses only (route filtering, split tunnels; ASA command reference,
     * {@code access-list standard}).
     */
    static AclEntry standard(String text, String origin) {
        String[] w = text.strip().split("\\s+", 2);
        if (w.length < 2 || !(w[0].equals("permit") || w[0].equals("deny"))) {
            return AclEntry.unrecognised("standard " + text);
        }
        AclEntry e = entry(w[0] + " ip any " + w[1], origin);
        return e.unrecognised() ? AclEntry.unrecognised("standard " + text) : e;
    }

    /** One entry; a line that does not parse is kept as an unrecognised entry instead of ending the read. */
    static AclEntry entry(String text, String origin) {
        try {
            return ace(text, origin);
        } catch (RuntimeException e) {
            return AclEntry.unrecognised(text);
        }
    }

    /**
     * One ACE after {@code extended}: {@code permit tcp any host 10.1.1.1 eq www log}. Every word
     * must be understood; a protocol, address form, port or option the tables do not know fails
     * the line (the caller keeps it as unrecognised).
     */
    public static AclEntry ace(String text, String origin) {
        List<String> w = List.of(text.strip().split("\\s+"));
        int[] i = {0};
        Action action = switch (next(w, i, text)) {
            case "permit" -> Action.PERMIT;
            case "deny" -> Action.DENY;
            default -> throw new IllegalArgumentException("not an entry: '" + text + "'");
        };
        String word = next(w, i, text);
        String proto = AsaKeywords.protocol(word)
                .orElseThrow(() -> new IllegalArgumentException("unknown protocol '" + word + "' in '" + text + "'"));
        boolean ports = proto.equals("tcp") || proto.equals("udp");
        AddressSet src = address(w, i, text);
        PortMatch sp = ports ? ports(w, i, proto, text) : PortMatch.ANY;
        AddressSet dst = address(w, i, text);
        PortMatch dp = ports ? ports(w, i, proto, text) : PortMatch.ANY;
        boolean log = false;
        List<String> qualifiers = new ArrayList<>();
        if (proto.equals("icmp") && i[0] < w.size()) {
            icmp(w, i).ifPresent(qualifiers::add);
        }
        while (i[0] < w.size()) {
            String k = w.get(i[0]++).toLowerCase(Locale.ROOT);
            switch (k) {
                case "log" -> {
                    // log [level] [interval secs] | log disable | log default: the level and interval say how, not what, is logged
                    log = true;
                    if (i[0] < w.size() && w.get(i[0]).equals("disable")) {
                        log = false;
                        i[0]++;
                    } else {
                        if (i[0] < w.size() && (AsaKeywords.LOG_LEVELS.contains(w.get(i[0])) || w.get(i[0]).matches("[0-7]")
                                || w.get(i[0]).equals("default"))) {
                            i[0]++;
                        }
                        if (i[0] + 1 < w.size() && w.get(i[0]).equals("interval")) {
                            i[0] += 2;
                        }
                    }
                }
                case "time-range" -> qualifiers.add("time-range " + next(w, i, text));
                case "inactive" -> qualifiers.add("inactive");
                default -> throw new IllegalArgumentException("'" + k + "' in '" + text + "' is no option portpush knows");
            }
        }
        return new AclEntry(action, proto, src, sp, dst, dp, false, log, origin, qualifiers);
    }

    private static String next(List<String> w, int[] i, String text) {
        if (i[0] >= w.size()) {
            throw new IllegalArgumentException("entry ends too early: '" + text + "'");
        }
        return w.get(i[0]++);
    }

    /** An ICMP type after the addresses, by name or number, with an optional code: {@code icmp TYPE[/CODE]}. */
    private static java.util.Optional<String> icmp(List<String> w, int[] i) {
        String k = w.get(i[0]).toLowerCase(Locale.ROOT);
        Integer type = AsaKeywords.ICMP.get(k);
        if (type == null && k.matches("\\d{1,3}") && Integer.parseInt(k) <= 255) {
            type = Integer.parseInt(k);
        }
        if (type == null) {
            return java.util.Optional.empty();
        }
        i[0]++;
        if (i[0] < w.size() && w.get(i[0]).matches("\\d{1,3}") && Integer.parseInt(w.get(i[0])) <= 255) {
            return java.util.Optional.of("icmp " + type + "/" + w.get(i[0]++));
        }
        return java.util.Optional.of("icmp " + type);
    }

    private static AddressSet address(List<String> w, int[] i, String text) {
        String k = next(w, i, text);
        AddressSet a = switch (k) {
            case "any", "any4" -> AddressSet.ANY;
            case "any6" -> AddressSet.parse(List.of("::/0"));
            case "host" -> AddressSet.parse(List.of(next(w, i, text)));
            case "range" -> {
                // range A B: the same addresses as the prefix blocks that span it (Cisco ASA command reference, access-list extended)
                inet.ipaddr.IPAddress a1 = new inet.ipaddr.IPAddressString(next(w, i, text)).getAddress();
                inet.ipaddr.IPAddress b1 = new inet.ipaddr.IPAddressString(next(w, i, text)).getAddress();
                if (a1 == null || b1 == null) {
                    throw new IllegalArgumentException("bad range in '" + text + "'");
                }
                List<String> blocks = new ArrayList<>();
                for (inet.ipaddr.IPAddress block : a1.spanWithRange(b1).spanWithPrefixBlocks()) {
                    blocks.add(block.toPrefixLengthString());
                }
                yield AddressSet.parse(blocks);
            }
            case "interface" -> AddressSet.named("interface", next(w, i, text));
            case "fqdn" -> {
                String n = next(w, i, text);
                if ((n.equals("v4") || n.equals("v6")) && i[0] < w.size()) {
                    n = next(w, i, text);
                }
                yield AddressSet.named("fqdn", n);
            }
            // in the running configuration objects are references; show access-list prints their expansion
            case "object", "object-group" -> AddressSet.named(k, next(w, i, text));
            default -> {
                if (k.contains(":")) {
                    yield AddressSet.parse(List.of(k)); // IPv6 prefix 2001:db8::/32
                }
                String mask = next(w, i, text);
                inet.ipaddr.IPAddress m = new inet.ipaddr.IPAddressString(mask).getAddress();
                Integer len = m == null || !m.isIPv4() ? null : m.getBlockMaskPrefixLength(true);
                if (len == null || !DOTTED.matcher(k).matches()) {
                    throw new IllegalArgumentException("'" + k + " " + mask + "' in '" + text + "' is no address and mask");
                }
                yield AddressSet.parse(List.of(k + "/" + len));
            }
        };
        // "host 10.1.1.1 (www.example.com)" names the host; "fqdn x (unresolved)" says it is not resolved yet
        if (i[0] < w.size() && w.get(i[0]).startsWith("(") && w.get(i[0]).endsWith(")") && !w.get(i[0]).startsWith("(hitcnt")) {
            i[0]++;
        }
        return a;
    }

    private static PortMatch ports(List<String> w, int[] i, String proto, String text) {
        if (i[0] >= w.size()) {
            return PortMatch.ANY;
        }
        String op = w.get(i[0]);
        switch (op) {
            case "eq" -> {
                i[0]++;
                return new PortMatch(List.of(PortRange.of(port(next(w, i, text), proto, text))));
            }
            case "range" -> {
                // "host A range 10.1.1.3 10.1.1.8": after a source, range may start the destination address instead
                if (i[0] + 1 < w.size() && (DOTTED.matcher(w.get(i[0] + 1)).matches() || w.get(i[0] + 1).contains(":"))) {
                    return PortMatch.ANY;
                }
                i[0]++;
                int a = port(next(w, i, text), proto, text);
                int b = port(next(w, i, text), proto, text);
                return new PortMatch(List.of(new PortRange(a, b)));
            }
            case "gt" -> {
                i[0]++;
                return new PortMatch(List.of(new PortRange(port(next(w, i, text), proto, text) + 1, 65535)));
            }
            case "lt" -> {
                i[0]++;
                return new PortMatch(List.of(new PortRange(0, port(next(w, i, text), proto, text) - 1)));
            }
            case "neq", "ne" -> {
                // the configuration says neq; show access-list prints ne
                i[0]++;
                int p = port(next(w, i, text), proto, text);
                return new PortMatch(List.of(new PortRange(0, p - 1), new PortRange(p + 1, 65535)));
            }
            case "object-group" -> throw new IllegalArgumentException("service object-group in '" + text
                    + "': read 'show access-list', which expands it");
            default -> {
                return PortMatch.ANY;
            }
        }
    }

    private static int port(String word, String proto, String text) {
        OptionalInt n = AsaPortNames.number(proto, word.toLowerCase(Locale.ROOT));
        if (n.isEmpty()) {
            throw new IllegalArgumentException("unknown port '" + word + "' in '" + text + "'");
        }
        return n.getAsInt();
    }
}

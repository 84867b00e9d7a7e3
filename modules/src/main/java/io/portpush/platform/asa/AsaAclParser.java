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
    private static final Pattern SHOW = Pattern.compile("^(\\s*)access-list (\\S+) line (\\d+) (extended|remark|standard|webtype|ethertype|advanced) (.*?)(?: \\(hitcnt=\\d+\\))?(?: 0x[0-9a-f]+)?$");
    private static final Pattern GROUP = Pattern.compile("^access-group (\\S+) (in|out) interface (\\S+)");

    private AsaAclParser() {
    }

    /** {@code show running-config access-list}: list name to entries (remarks become the next entries' origin). */
    public static Map<String, List<AclEntry>> running(String text) {
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
            } else if (!m.group(2).equals("extended")) {
                // standard, webtype, ethertype lists are kept by name, never misread as extended entries
                l.add(AclEntry.unrecognised(m.group(2) + " " + m.group(3)));
            } else {
                l.add(entry(m.group(3), remark.getOrDefault(m.group(1), "")));
            }
        }
        return out;
    }

    /** {@code show access-list}: entries as the device evaluates them (object-groups expanded). */
    public static Map<String, List<AclEntry>> show(String text) {
        Map<String, List<AclEntry>> out = new LinkedHashMap<>();
        List<String> lines = List.of(text.replace("\r", "").split("\n"));
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SHOW.matcher(lines.get(i));
            if (!m.matches() || m.group(4).equals("remark")) {
                continue;
            }
            List<AclEntry> l = out.computeIfAbsent(m.group(2), k -> new ArrayList<>());
            boolean expanded = !m.group(1).isEmpty();
            boolean hasChildren = i + 1 < lines.size() && lines.get(i + 1).startsWith("  access-list " + m.group(2) + " line " + m.group(3) + " ");
            if (!m.group(4).equals("extended")) {
                l.add(AclEntry.unrecognised(m.group(4) + " " + m.group(5)));
            } else if (expanded || !hasChildren) {
                l.add(entry(m.group(5).replace(" log informational interval 300", " log"), ""));
            }
        }
        return out;
    }

    /** {@code show running-config access-group}: list name to bindings. */
    public static Map<String, List<Binding>> groups(String text) {
        Map<String, List<Binding>> out = new LinkedHashMap<>();
        for (String raw : text.replace("\r", "").split("\n")) {
            Matcher m = GROUP.matcher(raw.strip());
            if (m.find()) {
                out.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                        .add(new Binding(m.group(3), m.group(2).equals("in") ? Binding.Direction.IN : Binding.Direction.OUT));
            }
        }
        return out;
    }

    /** One entry; a line that does not parse is kept as an unrecognised entry instead of ending the read. */
    static AclEntry entry(String text, String origin) {
        try {
            return ace(text, origin);
        } catch (RuntimeException e) {
            return AclEntry.unrecognised(text);
        }
    }

    /** One ACE after {@code extended}: {@code permit tcp any host 10.1.1.1 eq www log}. */
    public static AclEntry ace(String text, String origin) {
        List<String> w = List.of(text.strip().split("\\s+"));
        int[] i = {0};
        Action action = w.get(i[0]++).equals("permit") ? Action.PERMIT : Action.DENY;
        String proto = w.get(i[0]++).toLowerCase(Locale.ROOT);
        proto = switch (proto) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            default -> proto;
        };
        boolean ports = proto.equals("tcp") || proto.equals("udp");
        AddressSet src = address(w, i, text);
        PortMatch sp = ports ? ports(w, i, proto, text) : PortMatch.ANY;
        AddressSet dst = address(w, i, text);
        PortMatch dp = ports ? ports(w, i, proto, text) : PortMatch.ANY;
        boolean log = false;
        List<String> qualifiers = new ArrayList<>();
        while (i[0] < w.size()) {
            String k = w.get(i[0]++).toLowerCase(Locale.ROOT);
            switch (k) {
                case "log" -> {
                    // log [disable | default | level] [interval secs]: "log disable" turns logging off
                    log = true;
                    while (i[0] < w.size() && !List.of("inactive", "time-range").contains(w.get(i[0]))) {
                        String v = w.get(i[0]++).toLowerCase(Locale.ROOT);
                        if (v.equals("disable")) {
                            log = false;
                        }
                    }
                }
                case "time-range" -> qualifiers.add("time-range " + w.get(i[0]++));
                // ICMP types, inactive and anything else narrow or switch off the entry
                default -> qualifiers.add(k);
            }
        }
        return new AclEntry(action, proto, src, sp, dst, dp, false, log, origin, qualifiers);
    }

    private static AddressSet address(List<String> w, int[] i, String text) {
        String k = w.get(i[0]++);
        switch (k) {
            case "any", "any4" -> {
                return AddressSet.ANY;
            }
            case "host" -> {
                return AddressSet.parse(List.of(w.get(i[0]++)));
            }
            case "range" -> {
                // range A B: the same addresses as the prefix blocks that span it (Cisco ASA command reference, access-list extended)
                inet.ipaddr.IPAddress a = new inet.ipaddr.IPAddressString(w.get(i[0]++)).getAddress();
                inet.ipaddr.IPAddress b = new inet.ipaddr.IPAddressString(w.get(i[0]++)).getAddress();
                List<String> blocks = new ArrayList<>();
                for (inet.ipaddr.IPAddress block : a.spanWithRange(b).spanWithPrefixBlocks()) {
                    blocks.add(block.toPrefixLengthString());
                }
                return AddressSet.parse(blocks);
            }
            case "object-group", "object" -> throw new IllegalArgumentException(k + " in '" + text
                    + "': read 'show access-list', which expands it");
            default -> {
                String mask = w.get(i[0]++);
                return AddressSet.parse(List.of(k + "/" + new inet.ipaddr.IPAddressString(mask).getAddress().getBlockMaskPrefixLength(true)));
            }
        }
    }

    private static PortMatch ports(List<String> w, int[] i, String proto, String text) {
        if (i[0] >= w.size()) {
            return PortMatch.ANY;
        }
        String op = w.get(i[0]);
        switch (op) {
            case "eq" -> {
                i[0]++;
                return new PortMatch(List.of(PortRange.of(port(w.get(i[0]++), proto, text))));
            }
            case "range" -> {
                i[0]++;
                int a = port(w.get(i[0]++), proto, text);
                int b = port(w.get(i[0]++), proto, text);
                return new PortMatch(List.of(new PortRange(a, b)));
            }
            case "gt" -> {
                i[0]++;
                return new PortMatch(List.of(new PortRange(port(w.get(i[0]++), proto, text) + 1, 65535)));
            }
            case "lt" -> {
                i[0]++;
                return new PortMatch(List.of(new PortRange(1, port(w.get(i[0]++), proto, text) - 1)));
            }
            case "neq" -> {
                i[0]++;
                int p = port(w.get(i[0]++), proto, text);
                return new PortMatch(List.of(new PortRange(1, p - 1), new PortRange(p + 1, 65535)));
            }
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

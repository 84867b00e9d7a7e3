package io.portpush.lab.ios;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Checks one extended ACE as IOS does and returns it in the form IOS stores and prints: protocol
 * numbers named, {@code A 0.0.0.0} as {@code host A}, {@code 0.0.0.0 255.255.255.255} as
 * {@code any}, host bits cleared under the wildcard, port numbers shown by keyword.
 */
final class IosAce {
    /** Parse result: the normalised entry, or the index of the word IOS would put the caret under. */
    sealed interface Result {
        record Ok(String text, String protocol) implements Result { }

        record Bad(int word) implements Result { }

        record Incomplete() implements Result { }
    }

    private static final Map<Integer, String> PROTOCOL_NAMES = Map.of(0, "ip", 1, "icmp", 2, "igmp", 6, "tcp", 17, "udp",
            47, "gre", 50, "esp", 51, "ahp", 88, "eigrp", 89, "ospf");
    private static final Set<String> PROTOCOLS = Set.of("ip", "tcp", "udp", "icmp", "igmp", "gre", "esp", "ahp", "eigrp",
            "ospf", "pim", "sctp", "ipinip", "nos", "pcp");
    private static final Set<String> TCP_FLAGS = Set.of("established", "ack", "fin", "psh", "rst", "syn", "urg");
    private static final Set<String> DSCP = Set.of("default", "ef", "af11", "af12", "af13", "af21", "af22", "af23", "af31",
            "af32", "af33", "af41", "af42", "af43", "cs0", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cs7");
    private static final Set<String> ICMP_TYPES = Set.of("echo", "echo-reply", "unreachable", "time-exceeded",
            "packet-too-big", "parameter-problem", "redirect", "source-quench", "traceroute", "ttl-exceeded",
            "host-unreachable", "net-unreachable", "port-unreachable", "administratively-prohibited");

    private final List<String> w;
    private final java.util.function.BiPredicate<String, String> groups;
    private int i;
    private final List<String> out = new ArrayList<>();

    private IosAce(List<String> words, java.util.function.BiPredicate<String, String> groups) {
        this.w = words;
        this.groups = groups;
    }

    /**
     * {@code words} start at the action ({@code permit} or {@code deny}); {@code groups} says
     * whether an object-group of a type ({@code network}, {@code service}) exists.
     */
    static Result parse(List<String> words, java.util.function.BiPredicate<String, String> groups) {
        return new IosAce(words, groups).run();
    }

    private Result run() {
        try {
            String action = keyword(Set.of("permit", "deny"));
            // IOS pads 'deny' so that entries line up in show output
            out.add(action);
            String proto;
            if (i < w.size() && lower(i).equals("object-group")) {
                // a service object-group stands for protocol and ports
                i++;
                need();
                if (!groups.test("service", w.get(i))) {
                    throw new BadWord(i);
                }
                proto = "object-group";
                out.add("object-group " + w.get(i++));
            } else {
                proto = protocol();
                out.add(proto);
            }
            address();
            boolean ports = proto.equals("tcp") || proto.equals("udp");
            if (ports) {
                portMatch(proto);
            }
            address();
            if (ports) {
                portMatch(proto);
            }
            if (proto.equals("icmp") && i < w.size() && ICMP_TYPES.contains(lower(i))) {
                out.add(lower(i++));
            }
            List<String> tail = new ArrayList<>();
            boolean log = false;
            while (i < w.size()) {
                String k = lower(i);
                if (proto.equals("tcp") && TCP_FLAGS.contains(k)) {
                    tail.add(k);
                    i++;
                } else if (k.equals("dscp")) {
                    i++;
                    need();
                    String v = lower(i);
                    if (!DSCP.contains(v) && !(v.matches("\\d{1,2}") && Integer.parseInt(v) < 64)) {
                        throw new BadWord(i);
                    }
                    tail.add("dscp " + v);
                    i++;
                } else if (k.equals("log") || k.equals("log-input")) {
                    log = true;
                    tail.add(k);
                    i++;
                } else if (k.equals("fragments")) {
                    tail.add(k);
                    i++;
                } else if (k.equals("time-range")) {
                    i++;
                    need();
                    tail.add("time-range " + w.get(i++));
                } else {
                    throw new BadWord(i);
                }
            }
            out.addAll(tail);
            return new Result.Ok(String.join(" ", out), proto);
        } catch (BadWord b) {
            return new Result.Bad(b.word);
        } catch (IncompleteLine e) {
            return new Result.Incomplete();
        }
    }

    private String lower(int k) {
        return w.get(k).toLowerCase(Locale.ROOT);
    }

    private void need() {
        if (i >= w.size()) {
            throw new IncompleteLine();
        }
    }

    private String keyword(Set<String> allowed) {
        need();
        String typed = lower(i);
        String hit = null;
        for (String k : allowed) {
            if (k.equals(typed)) {
                hit = k;
                break;
            }
            if (k.startsWith(typed)) {
                if (hit != null) {
                    throw new BadWord(i);
                }
                hit = k;
            }
        }
        if (hit == null) {
            throw new BadWord(i);
        }
        i++;
        return hit;
    }

    private String protocol() {
        need();
        String typed = lower(i);
        if (typed.matches("\\d{1,3}")) {
            int n = Integer.parseInt(typed);
            if (n > 255) {
                throw new BadWord(i);
            }
            i++;
            return PROTOCOL_NAMES.getOrDefault(n, String.valueOf(n));
        }
        if (!PROTOCOLS.contains(typed)) {
            throw new BadWord(i);
        }
        i++;
        return typed;
    }

    private void address() {
        need();
        String k = lower(i);
        if (k.equals("any")) {
            out.add("any");
            i++;
            return;
        }
        if (k.equals("host")) {
            i++;
            need();
            IPAddress a = ipv4(i);
            out.add("host " + a);
            i++;
            return;
        }
        if (k.equals("object-group")) {
            i++;
            need();
            if (!groups.test("network", w.get(i))) {
                throw new BadWord(i);
            }
            out.add("object-group " + w.get(i++));
            return;
        }
        IPAddress a = ipv4(i);
        i++;
        need();
        IPAddress wildcard = ipv4(i);
        i++;
        long wc = wildcard.getValue().longValue();
        long masked = a.getValue().longValue() & ~wc & 0xffffffffL;
        String addr = new IPAddressString(toDotted(masked)).getAddress().toString();
        if (wc == 0) {
            out.add("host " + addr);
        } else if (wc == 0xffffffffL) {
            out.add("any");
        } else {
            out.add(addr + " " + wildcard);
        }
    }

    private static String toDotted(long v) {
        return ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
    }

    private IPAddress ipv4(int k) {
        IPAddress a = new IPAddressString(w.get(k)).getAddress();
        if (a == null || !a.isIPv4() || a.isPrefixed() || !w.get(k).matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
            throw new BadWord(k);
        }
        return a;
    }

    private void portMatch(String proto) {
        if (i >= w.size()) {
            return;
        }
        String k = lower(i);
        switch (k) {
            case "eq" -> {
                i++;
                List<String> ports = new ArrayList<>();
                ports.add(port(proto));
                while (i < w.size() && ports.size() < 10 && IosPortWords.number(proto, lower(i)).isPresent()) {
                    ports.add(port(proto));
                }
                out.add("eq " + String.join(" ", ports));
            }
            case "neq", "lt", "gt" -> {
                i++;
                out.add(k + " " + port(proto));
            }
            case "range" -> {
                i++;
                String a = port(proto);
                String b = port(proto);
                out.add("range " + a + " " + b);
            }
            default -> {
                // no port match here
            }
        }
    }

    private String port(String proto) {
        need();
        OptionalInt n = IosPortWords.number(proto, lower(i));
        if (n.isEmpty()) {
            throw new BadWord(i);
        }
        i++;
        return IosPortWords.display(proto, n.getAsInt());
    }

    private static final class BadWord extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int word;

        BadWord(int word) {
            super(null, null, false, false);
            this.word = word;
        }
    }

    private static final class IncompleteLine extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IncompleteLine() {
            super(null, null, false, false);
        }
    }
}

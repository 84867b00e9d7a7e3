package io.portpush.lab.eos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the lab's EOS stores an IPv4 rule: addresses as {@code any}, {@code host A} or the network
 * {@code A/LEN} (an address and mask is turned into its prefix), ports by the names EOS prints for
 * them (its own table: the names the Arista EOS User Manual's examples show), several ports after
 * one {@code eq}. A word it does not know makes the rule {@code % Invalid input}.
 */
final class EosRules {
    private static final Set<String> PROTOCOLS = Set.of("ip", "tcp", "udp", "icmp", "ospf", "pim", "igmp", "vrrp", "ahp", "gre", "esp");
    /** Port words, the lab's own reading of EOS's examples (never the product's table). */
    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(22, "ssh"), Map.entry(23, "telnet"), Map.entry(80, "www"),
            Map.entry(161, "snmp"), Map.entry(179, "bgp"), Map.entry(443, "https"), Map.entry(639, "msdp"), Map.entry(3784, "bfd"),
            Map.entry(3785, "bfd-echo"), Map.entry(67, "bootps"), Map.entry(68, "bootpc"), Map.entry(520, "rip"), Map.entry(123, "ntp"),
            Map.entry(4432, "mlag"));
    private static final Set<String> FLAGS = Set.of("ack", "fin", "psh", "rst", "syn", "urg");

    private EosRules() {
    }

    /** The rule after its action as EOS keeps it, or null when EOS would refuse it. */
    static String normalise(String body) {
        List<String> w = new ArrayList<>(List.of(body.strip().split("\\s+")));
        if (w.isEmpty() || w.get(0).isEmpty()) {
            return null;
        }
        int[] i = {0};
        String proto = w.get(i[0]++).toLowerCase(java.util.Locale.ROOT);
        if (!PROTOCOLS.contains(proto) && !(proto.matches("\\d{1,3}") && Integer.parseInt(proto) <= 255)) {
            return null;
        }
        List<String> out = new ArrayList<>(List.of(proto));
        boolean ports = proto.equals("tcp") || proto.equals("udp");
        for (int side = 0; side < 2; side++) {
            String a = address(w, i);
            if (a == null) {
                return null;
            }
            out.add(a);
            if (ports) {
                String p = ports(w, i);
                if (p == null) {
                    return null;
                }
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        while (i[0] < w.size()) {
            String k = w.get(i[0]++);
            switch (k) {
                case "log", "tracked", "fragments" -> out.add(k);
                case "established" -> {
                    if (!proto.equals("tcp")) {
                        return null;
                    }
                    out.add(k);
                }
                case "ttl" -> {
                    if (i[0] + 1 >= w.size() || !w.get(i[0]).matches("eq|gt|lt|neq") || !w.get(i[0] + 1).matches("\\d{1,3}")) {
                        return null;
                    }
                    out.add("ttl " + w.get(i[0]) + " " + w.get(i[0] + 1));
                    i[0] += 2;
                }
                case "dscp" -> {
                    if (i[0] >= w.size()) {
                        return null;
                    }
                    out.add("dscp " + w.get(i[0]++));
                }
                default -> {
                    if (!(FLAGS.contains(k) && proto.equals("tcp"))) {
                        return null;
                    }
                    out.add(k);
                }
            }
        }
        return String.join(" ", out);
    }

    private static String address(List<String> w, int[] i) {
        if (i[0] >= w.size()) {
            return null;
        }
        String a = w.get(i[0]++);
        if (a.equals("any")) {
            return "any";
        }
        if (a.equals("host")) {
            if (i[0] >= w.size() || !dotted(w.get(i[0]))) {
                return null;
            }
            return "host " + w.get(i[0]++);
        }
        if (a.contains("/")) {
            String[] p = a.split("/");
            if (p.length != 2 || !dotted(p[0]) || !p[1].matches("\\d{1,2}") || Integer.parseInt(p[1]) > 32) {
                return null;
            }
            int len = Integer.parseInt(p[1]);
            return len == 32 ? "host " + p[0] : network(p[0], len) + "/" + len;
        }
        if (dotted(a) && i[0] < w.size() && dotted(w.get(i[0]))) {
            long mask = value(w.get(i[0]++));
            int len = Long.bitCount(mask);
            if (mask != ((0xffffffffL << (32 - len)) & 0xffffffffL)) {
                return null; // the lab keeps contiguous masks only
            }
            return len == 32 ? "host " + a : network(a, len) + "/" + len;
        }
        return null;
    }

    private static String ports(List<String> w, int[] i) {
        if (i[0] >= w.size()) {
            return "";
        }
        String op = w.get(i[0]);
        switch (op) {
            case "eq", "neq" -> {
                i[0]++;
                List<String> ps = new ArrayList<>();
                while (i[0] < w.size() && port(w.get(i[0])) >= 0) {
                    ps.add(word(port(w.get(i[0]++))));
                }
                return ps.isEmpty() || ps.size() > 10 ? null : op + " " + String.join(" ", ps);
            }
            case "gt", "lt" -> {
                i[0]++;
                if (i[0] >= w.size() || port(w.get(i[0])) < 0) {
                    return null;
                }
                return op + " " + word(port(w.get(i[0]++)));
            }
            case "range" -> {
                i[0]++;
                if (i[0] + 1 >= w.size() || port(w.get(i[0])) < 0 || port(w.get(i[0] + 1)) < 0) {
                    return null;
                }
                String r = "range " + word(port(w.get(i[0]))) + " " + word(port(w.get(i[0] + 1)));
                i[0] += 2;
                return r;
            }
            default -> {
                return "";
            }
        }
    }

    private static int port(String word) {
        if (word.matches("\\d{1,5}")) {
            int p = Integer.parseInt(word);
            return p <= 65535 ? p : -1;
        }
        return NAMES.entrySet().stream().filter(e -> e.getValue().equals(word)).map(Map.Entry::getKey).findFirst().orElse(-1);
    }

    private static String word(int port) {
        return NAMES.getOrDefault(port, String.valueOf(port));
    }

    private static boolean dotted(String s) {
        if (!s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        for (String o : s.split("\\.")) {
            if (Integer.parseInt(o) > 255) {
                return false;
            }
        }
        return true;
    }

    private static long value(String dotted) {
        long v = 0;
        for (String o : dotted.split("\\.")) {
            v = v << 8 | Integer.parseInt(o);
        }
        return v;
    }

    private static String network(String address, int len) {
        long v = value(address) & ((0xffffffffL << (32 - len)) & 0xffffffffL);
        return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
    }
}

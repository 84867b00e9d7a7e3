package io.portpush.lab.nxos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the lab's NX-OS stores an IPv4 rule: as typed, except {@code host A}, which it keeps as
 * {@code A/32}, and port 80, which it prints as {@code www} (as the NX-OS samples show); a prefix
 * keeps its host bits ({@code 1.1.1.1/24}), an address and wildcard stays one. A word it does not
 * know makes the rule {@code % Invalid command}.
 */
final class NxosRules {
    private static final Set<String> PROTOCOLS = Set.of("ip", "tcp", "udp", "icmp", "ospf", "pim", "igmp", "vrrp", "ahp", "gre", "esp", "eigrp");
    /** Port words, the lab's own reading of EOS's examples (never the product's table). */
    private static final Map<Integer, String> NAMES = Map.of(80, "www", 179, "bgp", 37, "time", 79, "finger");
    private static final Set<String> FLAGS = Set.of("ack", "fin", "psh", "rst", "syn", "urg");

    private NxosRules() {
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
                    if (i[0] >= w.size() || !w.get(i[0]).matches("\\d{1,3}")) {
                        return null;
                    }
                    out.add("ttl " + w.get(i[0]++));
                }
                case "precedence" -> {
                    if (i[0] >= w.size()) {
                        return null;
                    }
                    out.add("precedence " + w.get(i[0]++));
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
            return w.get(i[0]++) + "/32";
        }
        if (a.contains("/")) {
            String[] p = a.split("/");
            if (p.length != 2 || !dotted(p[0]) || !p[1].matches("\\d{1,2}") || Integer.parseInt(p[1]) > 32) {
                return null;
            }
            return a;
        }
        if (dotted(a) && i[0] < w.size() && dotted(w.get(i[0]))) {
            return a + " " + w.get(i[0]++);
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
}

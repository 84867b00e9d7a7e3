package io.portpush.core.meaning;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One IPv4 packet as an ACL sees it. {@code holds} names the conditions portpush does not model
 * that this packet is taken to meet (an example drawn from a difference says which it needs).
 * For ICMP the source port carries type (high byte) and code (low byte).
 */
public record Packet(int protocol, long source, int sourcePort, long destination, int destinationPort, boolean established,
                     List<String> holds) {
    private static final Pattern TEXT = Pattern.compile(
            "(tcp|udp|icmp|\\d{1,3})\\s+(\\d+\\.\\d+\\.\\d+\\.\\d+)(?::(\\d+))?\\s*->\\s*(\\d+\\.\\d+\\.\\d+\\.\\d+)(?::(\\d+))?(\\s+established)?");

    public Packet {
        holds = List.copyOf(holds);
    }

    /**
     * Reads {@code tcp 198.51.100.7:51000 -> 10.10.1.10:5222} (optionally {@code established});
     * for ICMP {@code icmp 192.0.2.1 -> 10.10.1.10:8} gives the type after the colon.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static Packet parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a packet; write it as \"tcp 198.51.100.7:51000 -> 10.10.1.10:5222\"");
        }
        int proto = switch (m.group(1)) {
            case "tcp" -> 6;
            case "udp" -> 17;
            case "icmp" -> 1;
            default -> Integer.parseInt(m.group(1));
        };
        long src = address(m.group(2), text);
        long dst = address(m.group(4), text);
        int sport = m.group(3) == null ? 0 : port(m.group(3), text);
        int dport = m.group(5) == null ? 0 : port(m.group(5), text);
        if (proto == 1) {
            // icmp A -> B:TYPE: the type travels in the source-port bits
            return new Packet(proto, src, dport << 8, dst, 0, false, List.of());
        }
        return new Packet(proto, src, sport, dst, dport, m.group(6) != null, List.of());
    }

    private static long address(String s, String text) {
        long v = 0;
        for (String o : s.split("\\.")) {
            int n = Integer.parseInt(o);
            if (n > 255) {
                throw new IllegalArgumentException("'" + s + "' in '" + text + "' is not an IPv4 address");
            }
            v = (v << 8) | n;
        }
        return v;
    }

    private static int port(String s, String text) {
        int p = Integer.parseInt(s);
        if (p > 65535) {
            throw new IllegalArgumentException("port " + s + " in '" + text + "' is above 65535");
        }
        return p;
    }

    static String dotted(long a) {
        return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
    }

    /** {@code tcp 198.51.100.7:51000 -> 10.10.1.10:5222}, the form {@link #parse} reads. */
    @Override
    public String toString() {
        String p = switch (protocol) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            default -> String.valueOf(protocol);
        };
        String text;
        if (protocol == 6 || protocol == 17) {
            text = p + " " + dotted(source) + ":" + sourcePort + " -> " + dotted(destination) + ":" + destinationPort
                    + (protocol == 6 && established ? " established" : "");
        } else if (protocol == 1) {
            text = p + " " + dotted(source) + " -> " + dotted(destination) + " type " + (sourcePort >> 8) + " code " + (sourcePort & 255);
        } else {
            text = p + " " + dotted(source) + " -> " + dotted(destination);
        }
        return holds.isEmpty() ? text : text + " (when " + String.join(", ", holds) + ")";
    }
}

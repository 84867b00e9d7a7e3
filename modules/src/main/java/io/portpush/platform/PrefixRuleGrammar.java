package io.portpush.platform;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.PortMatch;
import io.portpush.core.policy.PortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule grammar of the switches that write addresses as prefixes (Arista EOS, Cisco NX-OS):
 * {@code permit|deny PROTO SRC [PORTS] DST [PORTS] [options]} with {@code any}, {@code host A},
 * {@code A/LEN} or {@code A WILDCARD}; {@code eq} with one or more ports, {@code range}, {@code gt},
 * {@code lt}; {@code established}, {@code log}, {@code tracked}, {@code fragments}, {@code ttl},
 * {@code dscp}, {@code precedence}, TCP flags. What a platform names differently (its port and
 * protocol names, {@code ttl eq N} or {@code ttl N}) it passes in; every word must be understood,
 * or the rule throws and its reader keeps the line as unrecognised.
 */
public final class PrefixRuleGrammar {
    private static final Set<String> TCP_FLAGS = Set.of("ack", "fin", "psh", "rst", "syn", "urg");
    private final Function<String, Optional<Integer>> ports;
    private final Map<String, String> protocols;
    private final boolean ttlOperator;

    /**
     * @param ports a port number or a name the platform prints, as a number
     * @param protocols protocol names the platform prints, to portpush's protocol (a name or number)
     * @param ttlOperator whether the platform writes {@code ttl eq N} (EOS) rather than {@code ttl N} (NX-OS)
     */
    public PrefixRuleGrammar(Function<String, Optional<Integer>> ports, Map<String, String> protocols, boolean ttlOperator) {
        this.ports = ports;
        this.protocols = Map.copyOf(protocols);
        this.ttlOperator = ttlOperator;
    }

    /** One rule without its sequence number: {@code permit tcp any host 10.1.1.1 eq 5222 log}. */
    public AclEntry entry(String text, String origin) {
        List<String> w = List.of(text.strip().split("\\s+"));
        int[] i = {0};
        Action action = switch (next(w, i)) {
            case "permit" -> Action.PERMIT;
            case "deny" -> Action.DENY;
            default -> throw new IllegalArgumentException("not a rule: " + text);
        };
        String p = next(w, i).toLowerCase(Locale.ROOT);
        String proto = protocols.containsKey(p) ? protocols.get(p) : p.matches("\\d{1,3}") && Integer.parseInt(p) <= 255 ? p : null;
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
                case "ttl" -> qualifiers.add("ttl " + (ttlOperator ? next(w, i) : "eq") + " " + next(w, i));
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
    private static int precedence(String typed) {
        // the device prints a name as it was typed (CRITICAL, AF23): names are case-insensitive
        String word = typed.toLowerCase(java.util.Locale.ROOT);
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
    private static int dscp(String typed) {
        String word = typed.toLowerCase(java.util.Locale.ROOT);
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
    private PortMatch ports(List<String> w, int[] i) {
        if (i[0] >= w.size()) {
            return PortMatch.ANY;
        }
        String op = w.get(i[0]);
        switch (op) {
            case "eq" -> {
                i[0]++;
                List<PortRange> out = new ArrayList<>();
                while (i[0] < w.size() && ports.apply(w.get(i[0])).isPresent()) {
                    out.add(PortRange.of(ports.apply(w.get(i[0]++)).get()));
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
                int a = ports.apply(next(w, i)).orElseThrow(() -> new IllegalArgumentException("bad range"));
                int b = ports.apply(next(w, i)).orElseThrow(() -> new IllegalArgumentException("bad range"));
                return new PortMatch(List.of(new PortRange(a, b)));
            }
            case "gt" -> {
                i[0]++;
                int a = ports.apply(next(w, i)).orElseThrow(() -> new IllegalArgumentException("bad port"));
                return new PortMatch(List.of(new PortRange(a + 1, 65535)));
            }
            case "lt" -> {
                i[0]++;
                int a = ports.apply(next(w, i)).orElseThrow(() -> new IllegalArgumentException("bad port"));
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

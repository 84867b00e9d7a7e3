package io.portpush.core.meaning;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSegment;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.PortMatch;
import io.portpush.core.policy.PortRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.logicng.formulas.FormulaFactory;
import org.logicng.knowledgecompilation.bdds.jbuddy.BDDConstruction;
import org.logicng.knowledgecompilation.bdds.jbuddy.BDDKernel;
import org.logicng.knowledgecompilation.bdds.jbuddy.BDDOperations;

/**
 * The IPv4 packet headers an ACL entry can talk about, as one BDD universe (LogicNG's port of
 * BuDDy): protocol (8 bits), destination and source address (32 each), destination and source
 * port (16 each; for ICMP the source-port bits carry type and code), whether the TCP packet
 * belongs to an established session (ACK or RST set), then one variable per condition portpush
 * does not model ({@code dscp 46}, {@code time-range WORK}, a name such as {@code fqdn x}, an
 * unrecognised line). Such a condition is an unknown predicate: two entries that say the same
 * compare equal, and a difference that depends on one is reported as possible, never as certain
 * and never as none.
 *
 * <p>One universe serves one comparison (its unknown predicates are those of the lists compared);
 * it is not thread-safe.
 */
public final class PacketSpace {
    static final int PROTO = 0;
    static final int DST = 8;
    static final int SRC = 40;
    static final int DPORT = 72;
    static final int SPORT = 88;
    static final int EST = 104;
    static final int FIXED = 105;

    private final BDDKernel kernel;
    private final BDDConstruction c;
    private final BDDOperations ops;
    private final Map<String, Integer> unknown = new LinkedHashMap<>();
    private final Map<FieldKey, Integer> fields = new java.util.HashMap<>();
    private final int opaqueCube;
    private final int noneHold;

    private PacketSpace(List<String> unknowns, int nodes) {
        int vars = FIXED + Math.max(1, unknowns.size());
        // the node table grows as needed; its first size is what a comparison of that scale usually takes
        kernel = new BDDKernel(new FormulaFactory(), vars, nodes, nodes / 5);
        c = new BDDConstruction(kernel);
        ops = new BDDOperations(kernel);
        int cube = BDDKernel.BDD_TRUE;
        for (String u : unknowns) {
            int v = FIXED + unknown.size();
            unknown.put(u, v);
            cube = ref(c.and(cube, c.ithVar(v)));
        }
        opaqueCube = cube;
        int none = BDDKernel.BDD_TRUE;
        for (int v : unknown.values()) {
            none = ref(c.and(none, c.nithVar(v)));
        }
        noneHold = none;
    }

    /** A universe for comparing these lists: one unknown predicate per distinct condition they hold that portpush does not model. */
    @SafeVarargs
    public static PacketSpace of(List<AclEntry>... lists) {
        // a first node table of a million nodes is what two 5,000-entry lists take; one of the size of the lists asked about
        // keeps a 20-entry review from allocating (and clearing) tens of megabytes per host: the table grows when needed
        long entries = 0;
        for (List<AclEntry> l : lists) {
            entries += l.size();
        }
        return sized((int) Math.min(1_000_000, Math.max(20_000, entries * 200)), lists);
    }

    /** A universe for small questions (one flow against a few lists, as an audit asks them by the hundred). */
    @SafeVarargs
    static PacketSpace small(List<AclEntry>... lists) {
        return sized(20_000, lists);
    }

    @SafeVarargs
    private static PacketSpace sized(int nodes, List<AclEntry>... lists) {
        List<String> unknowns = new ArrayList<>();
        for (List<AclEntry> l : lists) {
            for (AclEntry e : l) {
                for (String u : unknownsOf(e)) {
                    if (!unknowns.contains(u)) {
                        unknowns.add(u);
                    }
                }
            }
        }
        return new PacketSpace(unknowns, nodes);
    }

    int ref(int bdd) {
        return kernel.addRef(bdd, null);
    }

    void unref(int bdd) {
        kernel.delRef(bdd);
    }

    BDDConstruction ops() {
        return c;
    }

    public static boolean isEmpty(int bdd) {
        return bdd == BDDKernel.BDD_FALSE;
    }

    /*
     * Reference discipline (BuDDy's): every operand of an operation is referenced or a variable,
     * since a garbage collection inside an operation frees whatever is not. Methods returning a
     * set return it referenced; the *Free forms release their operands.
     */

    int and(int a, int b) {
        return ref(c.and(a, b));
    }

    int or(int a, int b) {
        return ref(c.or(a, b));
    }

    int not(int a) {
        return ref(c.not(a));
    }

    int andNot(int a, int b) {
        int nb = not(b);
        int r = and(a, nb);
        unref(nb);
        return r;
    }

    private int andFree(int a, int b) {
        int r = and(a, b);
        unref(a);
        unref(b);
        return r;
    }

    private int orFree(int a, int b) {
        int r = or(a, b);
        unref(a);
        unref(b);
        return r;
    }

    /** Packets in {@code bdd} whatever the unknown predicates hold. */
    int forAllUnknown(int bdd) {
        return unknown.isEmpty() ? bdd : ref(c.forAll(bdd, opaqueCube));
    }

    /** Whether some packet of {@code a} is also in {@code b}. */
    boolean meets(int a, int b) {
        int r = and(a, b);
        boolean out = !isEmpty(r);
        unref(r);
        return out;
    }

    /** Whether {@code a} lies wholly inside {@code b}. */
    boolean within(int a, int b) {
        int r = andNot(a, b);
        boolean out = isEmpty(r);
        unref(r);
        return out;
    }

    /** The conditions of an entry that no header field models, as the names of their predicates. */
    static List<String> unknownsOf(AclEntry e) {
        List<String> out = new ArrayList<>();
        if (e.unrecognised()) {
            // neither what it matches nor whether it permits is known
            out.add("line '" + e.unrecognisedText() + "'");
            out.add("permit by line '" + e.unrecognisedText() + "'");
            return out;
        }
        if (!protocolNumber(e.protocol()).isPresent()) {
            out.add("protocol " + e.protocol());
        }
        names(e.source(), "source", out);
        names(e.destination(), "destination", out);
        for (String q : e.qualifiers()) {
            if (!modelled(q, e)) {
                out.add(q);
            }
        }
        return out;
    }

    private static void names(AddressSet a, String side, List<String> out) {
        a.names().forEach(n -> out.add(side + " " + n));
        a.prefixes().stream().filter(p -> !p.isIPv4()).forEach(p -> out.add(side + " " + p.toCanonicalString()));
    }

    /** Qualifiers with an exact meaning here: inactive (matches nothing), logging words (match as without), ICMP type/code. */
    private static boolean modelled(String q, AclEntry e) {
        return q.equals("inactive") || q.equals("log-input") || q.startsWith("log-tag ") || icmp(q, e).isPresent();
    }

    private static Optional<int[]> icmp(String q, AclEntry e) {
        if (!e.protocol().equals("icmp")) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("icmp (\\d{1,3})(?:/(\\d{1,3}))?").matcher(q);
        if (!m.matches() || Integer.parseInt(m.group(1)) > 255 || (m.group(2) != null && Integer.parseInt(m.group(2)) > 255)) {
            return Optional.empty();
        }
        return Optional.of(new int[] {Integer.parseInt(m.group(1)), m.group(2) == null ? -1 : Integer.parseInt(m.group(2))});
    }

    static Optional<Integer> protocolNumber(String p) {
        return switch (p) {
            case "ip" -> Optional.of(-1);
            case "icmp" -> Optional.of(1);
            case "tcp" -> Optional.of(6);
            case "udp" -> Optional.of(17);
            default -> p.matches("\\d{1,3}") && Integer.parseInt(p) <= 255 ? Optional.of(Integer.parseInt(p)) : Optional.empty();
        };
    }

    /** For an unrecognised line: the packets it would permit if it matched them (an unknown predicate); referenced. */
    int unknownAction(AclEntry e) {
        return c.ithVar(unknown.get("permit by line '" + e.unrecognisedText() + "'"));
    }

    /** The packets an entry matches (its action aside), referenced. */
    int match(AclEntry e) {
        if (e.qualifiers().contains("inactive")) {
            return BDDKernel.BDD_FALSE;
        }
        if (e.unrecognised()) {
            return c.ithVar(unknown.get("line '" + e.unrecognisedText() + "'"));
        }
        // each field's set, in variable order; joined from the last up, so every join costs the size of the upper set only
        List<Integer> parts = new ArrayList<>();
        int proto = protocolNumber(e.protocol()).orElse(-2);
        if (e.established()) {
            parts.add(value(PROTO, 8, 6));
        } else if (proto >= 0) {
            parts.add(value(PROTO, 8, proto));
        }
        parts.add(addresses(e.destination(), DST, "destination"));
        parts.add(addresses(e.source(), SRC, "source"));
        if (e.ports()) {
            parts.add(ports(e.destinationPorts(), DPORT));
            parts.add(ports(e.sourcePorts(), SPORT));
        }
        for (String q : e.qualifiers()) {
            Optional<int[]> ic = icmp(q, e);
            if (ic.isPresent()) {
                parts.add(ic.get()[1] >= 0 ? range(SPORT, 16, ic.get()[0] * 256L + ic.get()[1], ic.get()[0] * 256L + ic.get()[1])
                        : range(SPORT, 16, ic.get()[0] * 256L, ic.get()[0] * 256L + 255));
            }
        }
        if (e.established()) {
            parts.add(c.ithVar(EST));
        }
        if (proto == -2) {
            parts.add(c.ithVar(unknown.get("protocol " + e.protocol())));
        }
        for (String q : e.qualifiers()) {
            if (icmp(q, e).isEmpty() && unknown.containsKey(q)) {
                parts.add(c.ithVar(unknown.get(q)));
            }
        }
        // unknown predicates' variables follow the header fields in order of first use, not of this entry's qualifiers
        parts.sort(java.util.Comparator.comparingInt(this::topVar));
        int m = BDDKernel.BDD_TRUE;
        for (int k = parts.size() - 1; k >= 0; k--) {
            m = andFree(parts.get(k), m);
        }
        return m;
    }

    /** The first variable a set tests (terminals last). */
    private int topVar(int bdd) {
        return bdd == BDDKernel.BDD_TRUE || bdd == BDDKernel.BDD_FALSE ? Integer.MAX_VALUE : c.bddVar(bdd);
    }

    private int addresses(AddressSet a, int base, String side) {
        if (a.prefixes().isEmpty() && a.names().isEmpty()) {
            return BDDKernel.BDD_TRUE;
        }
        int any = BDDKernel.BDD_FALSE;
        for (IPAddress p : a.prefixes()) {
            any = orFree(any, p.isIPv4() ? address(p, base) : c.ithVar(unknown.get(side + " " + p.toCanonicalString())));
        }
        for (String n : a.names()) {
            any = orFree(any, c.ithVar(unknown.get(side + " " + n)));
        }
        return any;
    }

    /** An IPv4 prefix (one block) or an exact set of per-octet ranges ({@code 10.*.0.*}). */
    private int address(IPAddress p, int base) {
        Integer len = p.getNetworkPrefixLength();
        if (len != null || p.isSequential()) {
            IPAddress block = len != null ? p.toPrefixBlock() : p;
            long lo = block.getLower().getValue().longValue();
            long hi = block.getUpper().getValue().longValue();
            return range(base, 32, lo, hi);
        }
        int m = BDDKernel.BDD_TRUE;
        for (int i = 0; i < 4; i++) {
            IPAddressSegment s = p.getSegment(i);
            if (s.getSegmentValue() != 0 || s.getUpperSegmentValue() != 255) {
                m = andFree(m, range(base + 8 * i, 8, s.getSegmentValue(), s.getUpperSegmentValue()));
            }
        }
        return m;
    }

    private int ports(PortMatch p, int base) {
        if (p.any()) {
            return BDDKernel.BDD_TRUE;
        }
        int any = BDDKernel.BDD_FALSE;
        for (PortRange r : p.ranges()) {
            any = orFree(any, range(base, 16, r.from(), r.to()));
        }
        return any;
    }

    int value(int base, int bits, long v) {
        return range(base, bits, v, v);
    }

    /**
     * {@code lo <= x <= hi} over the {@code bits} variables from {@code base}, most significant first;
     * referenced. Built as the union of the range's aligned blocks, each a cube of the bits it fixes
     * made from the bottom up (every step adds one node), and kept: entries share addresses and ports.
     */
    int range(int base, int bits, long lo, long hi) {
        FieldKey key = new FieldKey(base, bits, lo, hi);
        Integer known = fields.get(key);
        if (known != null) {
            return ref(known);
        }
        int any = BDDKernel.BDD_FALSE;
        long from = lo;
        while (from <= hi) {
            // the largest aligned block that starts at 'from' and ends by 'hi'
            int free = 0;
            while (free < bits && (from & ((1L << (free + 1)) - 1)) == 0 && from + (1L << (free + 1)) - 1 <= hi) {
                free++;
            }
            any = orFree(any, cube(base, bits, from, bits - free));
            from += 1L << free;
        }
        fields.put(key, ref(any));
        return any;
    }

    /** The packets whose first {@code fixed} of these bits equal those of {@code value}; referenced. */
    private int cube(int base, int bits, long value, int fixed) {
        int r = BDDKernel.BDD_TRUE;
        for (int i = fixed - 1; i >= 0; i--) {
            boolean one = ((value >> (bits - 1 - i)) & 1) == 1;
            int next = ref(c.and(one ? c.ithVar(base + i) : c.nithVar(base + i), r));
            unref(r);
            r = next;
        }
        return r;
    }

    private record FieldKey(int base, int bits, long lo, long hi) {
    }

    /** The unknown predicates by name, in variable order. */
    List<String> unknowns() {
        return List.copyOf(unknown.keySet());
    }

    /** One packet of a non-empty set, decoded field by field. */
    Packet example(int bdd) {
        // prefer a packet that needs no unknown condition: it says the difference is there regardless
        int plain = and(bdd, noneHold);
        int path = ops.fullSatOne(isEmpty(plain) ? bdd : plain);
        unref(plain);
        long[] bits = new long[FIXED + unknown.size()];
        int node = path;
        while (node != BDDKernel.BDD_TRUE && node != BDDKernel.BDD_FALSE) {
            int var = c.bddVar(node);
            int low = c.bddLow(node);
            if (low == BDDKernel.BDD_FALSE) {
                bits[var] = 1;
                node = c.bddHigh(node);
            } else {
                node = low;
            }
        }
        List<String> holds = new ArrayList<>();
        unknown.forEach((name, v) -> {
            if (bits[v] == 1) {
                holds.add(name);
            }
        });
        int proto = (int) field(bits, PROTO, 8);
        return new Packet(proto, field(bits, SRC, 32), (int) field(bits, SPORT, 16), field(bits, DST, 32), (int) field(bits, DPORT, 16),
                bits[EST] == 1, holds);
    }

    private static long field(long[] bits, int base, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | bits[base + i];
        }
        return v;
    }

    /** The packets with these header fields, whatever the unknown conditions hold; referenced. */
    int packetFields(Packet p) {
        int m = value(PROTO, 8, p.protocol());
        m = andFree(m, value(SRC, 32, p.source()));
        m = andFree(m, value(DST, 32, p.destination()));
        m = andFree(m, value(SPORT, 16, p.sourcePort()));
        m = andFree(m, value(DPORT, 16, p.destinationPort()));
        return andFree(m, p.established() ? c.ithVar(EST) : c.nithVar(EST));
    }

    /** The set holding exactly one packet (every field fixed, each unknown predicate as {@code p.holds()} says); referenced. */
    int packet(Packet p) {
        int m = value(PROTO, 8, p.protocol());
        m = andFree(m, value(SRC, 32, p.source()));
        m = andFree(m, value(DST, 32, p.destination()));
        m = andFree(m, value(SPORT, 16, p.sourcePort()));
        m = andFree(m, value(DPORT, 16, p.destinationPort()));
        m = andFree(m, p.established() ? c.ithVar(EST) : c.nithVar(EST));
        for (Map.Entry<String, Integer> u : unknown.entrySet()) {
            m = andFree(m, p.holds().contains(u.getKey()) ? c.ithVar(u.getValue()) : c.nithVar(u.getValue()));
        }
        return m;
    }
}

package io.portpush.core.policy;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of IP prefixes, normalised with the IPAddress library: host bits cleared, sorted,
 * duplicates and covered prefixes dropped. Empty means any address.
 *
 * <p>{@code names} hold members a device names instead of numbering: {@code interface outside},
 * {@code fqdn www.example.com}, {@code object-group SERVERS} when its members are not known.
 * A name stands for addresses portpush cannot list, so it equals only the same name and is
 * covered only by {@code any}: a verify never calls a named member equal to a prefix.
 */
public record AddressSet(List<IPAddress> prefixes, List<String> names) {
    public static final AddressSet ANY = new AddressSet(List.of());

    public AddressSet {
        prefixes = normalise(prefixes);
        names = names.isEmpty() ? List.of() : names.stream().distinct().sorted().toList();
    }

    public AddressSet(List<IPAddress> prefixes) {
        this(prefixes, List.of());
    }

    /** A member known only by name, {@code kind name}: {@code interface outside}, {@code fqdn host.example.com}. */
    public static AddressSet named(String kind, String name) {
        return new AddressSet(List.of(), List.of(kind + " " + name));
    }

    /** One address or prefix, as {@link #parse} reads it ({@code host A} in an ACL): the common case, without a list to build. */
    public static AddressSet of(String text) {
        IPAddress a = dottedQuad(text);
        return a != null && !text.equals("0.0.0.0/0") ? new AddressSet(List.of(a)) : parse(List.of(text));
    }

    /** Parses prefixes such as {@code 10.1.0.0/16}, {@code 192.0.2.7} or {@code any}. */
    public static AddressSet parse(List<String> texts) {
        List<IPAddress> out = new ArrayList<>();
        for (String t : texts) {
            String s = t.strip();
            if (s.equals("any") || s.equals("0.0.0.0/0")) {
                return ANY;
            }
            IPAddress a = dottedQuad(s);
            if (a == null) {
                a = new IPAddressString(s).getAddress(); // the library is the authority for every other form
            }
            if (a == null) {
                throw new IllegalArgumentException("'" + s + "' is not an IP address or prefix");
            }
            out.add(a);
        }
        return new AddressSet(out);
    }

    /**
     * An IPv4 address and a Cisco wildcard mask. A contiguous wildcard ({@code 0.0.0.255}) is a
     * prefix; a non-contiguous one ({@code 10.0.0.0 0.255.0.255}) is kept as the exact set it
     * matches, each octet a range ({@code 10.*.0.*}), so it compares by meaning, never as a
     * guessed prefix.
     *
     * <p>An octet whose ignored bits are not its lowest ({@code 0.0.10.255}: third octet 0, 2, 8 or
     * 10) is listed value by value, so the set is still exact.
     *
     * @throws IllegalArgumentException when that listing would exceed {@link #MAX_WILDCARD_BLOCKS}
     *         separate blocks ({@code 85.85.85.85})
     */
    public static AddressSet ofWildcard(String address, String wildcard) {
        IPAddress a = dottedQuad(address);
        IPAddress w = dottedQuad(wildcard);
        a = a != null ? a : new IPAddressString(address).getAddress();
        w = w != null ? w : new IPAddressString(wildcard).getAddress();
        if (a == null || w == null || !a.isIPv4() || !w.isIPv4()) {
            throw new IllegalArgumentException("'" + address + " " + wildcard + "' is not an IPv4 address and wildcard mask");
        }
        long wv = ((inet.ipaddr.ipv4.IPv4Address) w).longValue();
        if (((wv + 1) & wv) == 0) {
            return new AddressSet(List.of(new inet.ipaddr.ipv4.IPv4Address(((inet.ipaddr.ipv4.IPv4Address) a).intValue(),
                    32 - Long.bitCount(wv))));
        }
        // each octet: a range when its ignored bits are its lowest, else the values it can take
        List<List<String>> octets = new ArrayList<>();
        long combinations = 1;
        for (int i = 0; i < 4; i++) {
            int octet = a.getSegment(i).getSegmentValue();
            int bits = w.getSegment(i).getSegmentValue();
            int low = octet & ~bits;
            List<String> values = new ArrayList<>();
            if (((bits + 1) & bits) == 0) {
                values.add(bits == 0 ? String.valueOf(low) : low + "-" + (low | bits));
            } else {
                for (int v = 0; v < 256; v++) {
                    if ((v & ~bits) == low) {
                        values.add(String.valueOf(v));
                    }
                }
            }
            combinations *= values.size();
            octets.add(values);
        }
        if (combinations > MAX_WILDCARD_BLOCKS) {
            throw new IllegalArgumentException("wildcard " + wildcard + " matches " + combinations + " separate blocks of addresses, more "
                    + "than portpush lists (" + MAX_WILDCARD_BLOCKS + ")");
        }
        List<IPAddress> blocks = new ArrayList<>();
        for (String o1 : octets.get(0)) {
            for (String o2 : octets.get(1)) {
                for (String o3 : octets.get(2)) {
                    for (String o4 : octets.get(3)) {
                        IPAddress b = new IPAddressString(o1 + "." + o2 + "." + o3 + "." + o4).getAddress();
                        IPAddress prefix = b.isMultiple() ? b.assignPrefixForSingleBlock() : null;
                        blocks.add(prefix != null ? prefix : b); // a block that is a prefix reads as the prefix
                    }
                }
            }
        }
        return new AddressSet(blocks);
    }

    /** How many separate blocks a non-contiguous wildcard may stand for before it is refused as unreadable. */
    static final int MAX_WILDCARD_BLOCKS = 256;

    /**
     * The common form {@code a.b.c.d} or {@code a.b.c.d/n} (decimal octets without leading zeros),
     * read straight into the library's address; null for anything else, which the library parses.
     * Reading a device's show output is mostly these, and string parsing was its main cost.
     */
    static IPAddress dottedQuad(String s) {
        int n = s.length();
        int value = 0;
        int octets = 0;
        int i = 0;
        while (octets < 4) {
            int start = i;
            int v = 0;
            while (i < n && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                v = v * 10 + (s.charAt(i++) - '0');
            }
            if (i == start || v > 255 || (i - start > 1 && s.charAt(start) == '0')) {
                return null;
            }
            value = (value << 8) | v;
            octets++;
            if (octets < 4) {
                if (i >= n || s.charAt(i++) != '.') {
                    return null;
                }
            }
        }
        if (i == n) {
            return new inet.ipaddr.ipv4.IPv4Address(value, 32);
        }
        if (s.charAt(i++) != '/' || i == n || n - i > 2) {
            return null;
        }
        int len = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            len = len * 10 + (c - '0');
        }
        return len <= 32 ? new inet.ipaddr.ipv4.IPv4Address(value, len) : null;
    }

    private static List<IPAddress> normalise(List<IPAddress> in) {
        if (in.size() == 1 && !in.get(0).isMultiple()) {
            IPAddress a = in.get(0);
            // one address or prefix: nothing to sort or merge
            return List.of((a.getNetworkPrefixLength() == null ? a.setPrefixLength(a.getBitCount(), false) : a).toPrefixBlock());
        }
        if (in.size() == 1 && in.get(0).isPrefixBlock()) {
            return List.of(in.get(0));
        }
        List<IPAddress> blocks = new ArrayList<>();
        for (IPAddress a : in) {
            if (a.isMultiple() && !a.isPrefixBlock() && a.getNetworkPrefixLength() == null) {
                blocks.add(a); // ranged octets from a non-contiguous wildcard: the exact set, no prefix
                continue;
            }
            IPAddress p = a.getNetworkPrefixLength() == null ? a.setPrefixLength(a.getBitCount(), false) : a;
            blocks.add(p.toPrefixBlock());
        }
        // by address, then the wider block first: the order a person reads (IPAddress.compareTo sorts by size first)
        blocks.sort(java.util.Comparator.<IPAddress, Integer>comparing(a -> a.isIPv4() ? 4 : 6)
                .thenComparing(a -> a.getLower().getValue()).thenComparing(a -> -a.getCount().bitLength()));
        List<IPAddress> out = new ArrayList<>();
        for (IPAddress b : blocks) {
            if (out.stream().noneMatch(o -> o.getIPVersion() == b.getIPVersion() && o.contains(b))) {
                out.removeIf(o -> o.getIPVersion() == b.getIPVersion() && b.contains(o));
                out.add(b);
            }
        }
        return List.copyOf(out);
    }

    public boolean any() {
        return prefixes.isEmpty() && names.isEmpty();
    }

    /** Whether members are known only by name (see the type's comment). */
    public boolean named() {
        return !names.isEmpty();
    }

    public boolean covers(AddressSet o) {
        if (any()) {
            return true;
        }
        if (o.any()) {
            return false;
        }
        return names.containsAll(o.names) && o.prefixes.stream()
                .allMatch(p -> prefixes.stream().anyMatch(m -> m.getIPVersion() == p.getIPVersion() && m.contains(p)));
    }

    /** Canonical text of each prefix, {@code 10.1.0.0/16}; hosts as {@code 192.0.2.7/32}. */
    public List<String> texts() {
        return prefixes.stream().map(IPAddress::toCanonicalString).toList();
    }

    @Override
    public String toString() {
        if (any()) {
            return "any";
        }
        List<String> all = new ArrayList<>(texts());
        names.forEach(n -> all.add("[" + n + "]"));
        return String.join(",", all);
    }
}

package io.portpush.core.policy;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A set of IP prefixes, normalised with the IPAddress library: host bits cleared, sorted,
 * duplicates and covered prefixes dropped. Empty means any address.
 */
public record AddressSet(List<IPAddress> prefixes) {
    public static final AddressSet ANY = new AddressSet(List.of());

    public AddressSet {
        prefixes = normalise(prefixes);
    }

    /** Parses prefixes such as {@code 10.1.0.0/16}, {@code 192.0.2.7} or {@code any}. */
    public static AddressSet parse(List<String> texts) {
        List<IPAddress> out = new ArrayList<>();
        for (String t : texts) {
            String s = t.strip();
            if (s.equals("any") || s.equals("0.0.0.0/0")) {
                return ANY;
            }
            IPAddress a = new IPAddressString(s).getAddress();
            if (a == null) {
                throw new IllegalArgumentException("'" + s + "' is not an IP address or prefix");
            }
            out.add(a);
        }
        return new AddressSet(out);
    }

    private static List<IPAddress> normalise(List<IPAddress> in) {
        List<IPAddress> blocks = new ArrayList<>();
        for (IPAddress a : in) {
            IPAddress p = a.getNetworkPrefixLength() == null ? a.setPrefixLength(a.getBitCount(), false) : a;
            blocks.add(p.toPrefixBlock());
        }
        blocks.sort((x, y) -> x.compareTo(y));
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
        return prefixes.isEmpty();
    }

    public boolean covers(AddressSet o) {
        if (any()) {
            return true;
        }
        if (o.any()) {
            return false;
        }
        return o.prefixes.stream().allMatch(p -> prefixes.stream().anyMatch(m -> m.getIPVersion() == p.getIPVersion() && m.contains(p)));
    }

    /** Canonical text of each prefix, {@code 10.1.0.0/16}; hosts as {@code 192.0.2.7/32}. */
    public List<String> texts() {
        return prefixes.stream().map(IPAddress::toCanonicalString).toList();
    }

    @Override
    public String toString() {
        return any() ? "any" : prefixes.stream().map(IPAddress::toCanonicalString).collect(Collectors.joining(","));
    }
}

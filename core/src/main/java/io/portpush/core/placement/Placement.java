package io.portpush.core.placement;

import inet.ipaddr.IPAddress;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which interface of one device faces which addresses: its zones, each an interface and the
 * prefixes reached through it. The interface an address sits behind is decided by longest-prefix
 * match, as the device's routing table decides it, so {@code 0.0.0.0/0} on the outside and
 * {@code 10.10.1.0/24} on the inside place {@code 10.10.1.7} inside and everything else outside.
 *
 * <p>From the inventory ({@code zones:} in host or group variables):
 * <pre>
 * zones:
 *   outside: { interface: GigabitEthernet1, addresses: [0.0.0.0/0] }
 *   inside:  { interface: GigabitEthernet2, roles: [imp-node], addresses: [192.0.2.0/28] }
 * </pre>
 */
public final class Placement {
    /** One side of the device. */
    public record Zone(String name, String iface, List<IPAddress> prefixes) {
        public Zone {
            prefixes = List.copyOf(prefixes);
        }
    }

    private final List<Zone> zones;

    public Placement(List<Zone> zones) {
        this.zones = List.copyOf(zones);
    }

    public List<Zone> zones() {
        return zones;
    }

    /**
     * The placement the host's {@code zones} variable states, or empty when it has none.
     *
     * @param roles the host's role bindings, for zones given by role
     * @throws IllegalArgumentException naming the field ({@code zones.inside.addresses}) when it is malformed
     */
    public static Optional<Placement> fromVars(Map<String, Object> vars, Map<String, AddressSet> roles) {
        Object raw = vars.get("zones");
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("zones: give a map of zone name to {interface: NAME, addresses: [...], roles: [...]}");
        }
        List<Zone> out = new ArrayList<>();
        for (Map.Entry<?, ?> z : m.entrySet()) {
            String name = String.valueOf(z.getKey());
            if (!(z.getValue() instanceof Map<?, ?> zm) || !zm.containsKey("interface")) {
                throw new IllegalArgumentException("zones." + name + ": give {interface: NAME, addresses: [...]} (interface is required)");
            }
            List<IPAddress> prefixes = new ArrayList<>();
            for (Object a : list(zm.get("addresses"))) {
                try {
                    AddressSet s = AddressSet.parse(List.of(String.valueOf(a)));
                    // "any" and 0.0.0.0/0 are the default route's side
                    prefixes.addAll(s.prefixes().isEmpty() ? List.of(new inet.ipaddr.IPAddressString("0.0.0.0/0").getAddress())
                            : s.prefixes());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("zones." + name + ".addresses: " + e.getMessage());
                }
            }
            for (Object r : list(zm.get("roles"))) {
                AddressSet s = roles.get(String.valueOf(r));
                if (s == null) {
                    throw new IllegalArgumentException("zones." + name + ".roles: role '" + r + "' has no addresses on this host (roles: "
                            + String.join(", ", roles.keySet()) + ")");
                }
                prefixes.addAll(s.prefixes());
            }
            out.add(new Zone(name, String.valueOf(zm.get("interface")), prefixes));
        }
        return Optional.of(new Placement(out));
    }

    /**
     * The placement a device's routing table gives: one zone per interface, named after it, holding
     * the prefixes whose packets leave through it. A route by next hop only is resolved through
     * the other routes (longest prefix, as the device does, a few levels deep); a route to a
     * discard interface ({@code Null0}) or one that cannot be resolved places nothing.
     */
    public static Placement fromRoutes(List<Route> routes) {
        Map<String, List<IPAddress>> byIface = new LinkedHashMap<>();
        for (Route r : routes) {
            String iface = resolve(r, routes, 0);
            // no packet arrives through a loopback or leaves through a discard route: neither is a side of the device
            if (iface.isEmpty() || iface.matches("(?i)null\\d*") || iface.matches("(?i)(loopback|lo)\\d*")) {
                continue;
            }
            byIface.computeIfAbsent(iface, k -> new ArrayList<>()).add(r.prefix().toPrefixBlock());
        }
        List<Zone> zones = new ArrayList<>();
        byIface.forEach((iface, prefixes) -> zones.add(new Zone(iface, iface, prefixes)));
        return new Placement(zones);
    }

    private static String resolve(Route r, List<Route> routes, int depth) {
        if (!r.iface().isEmpty() || r.nextHop().isEmpty() || depth > 4) {
            return r.iface();
        }
        IPAddress hop = new inet.ipaddr.IPAddressString(r.nextHop()).getAddress();
        if (hop == null) {
            return "";
        }
        Route best = null;
        for (Route o : routes) {
            if (o != r && o.prefix().toPrefixBlock().contains(hop)
                    && (best == null || prefixLength(o.prefix()) > prefixLength(best.prefix()))) {
                best = o;
            }
        }
        return best == null ? "" : resolve(best, routes, depth + 1);
    }

    private static int prefixLength(IPAddress p) {
        return p.getNetworkPrefixLength() == null ? p.getBitCount() : p.getNetworkPrefixLength();
    }

    private static List<?> list(Object o) {
        return o == null ? List.of() : o instanceof List<?> l ? l : List.of(o);
    }

    /** The zone an IPv4 address sits behind (longest prefix wins), if any zone reaches it. */
    public Optional<Zone> locate(IPAddress address) {
        Zone best = null;
        int bestLen = -1;
        for (Zone z : zones) {
            for (IPAddress p : z.prefixes()) {
                int len = p.getNetworkPrefixLength() == null ? p.getBitCount() : p.getNetworkPrefixLength();
                if (p.isIPv4() == address.isIPv4() && block(p).contains(address) && len > bestLen) {
                    best = z;
                    bestLen = len;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The zone an IPv4 address written as text sits behind. */
    public Optional<Zone> locate(String address) {
        return locate(new inet.ipaddr.IPAddressString(address).getAddress());
    }

    private static IPAddress block(IPAddress p) {
        return p.getNetworkPrefixLength() != null ? p.toPrefixBlock() : p;
    }

    /**
     * The zones part of {@code set} sits behind, each with the part: a role spread over two
     * interfaces is split, as the plan says. An empty set is any address: every zone.
     */
    public Map<Zone, List<IPAddress>> split(AddressSet set) {
        Map<Zone, List<IPAddress>> out = new LinkedHashMap<>();
        List<IPAddress> members = set.prefixes().isEmpty() && set.names().isEmpty()
                ? List.of(new inet.ipaddr.IPAddressString("0.0.0.0/0").getAddress()) : set.prefixes();
        for (IPAddress m : members) {
            for (Zone z : zones) {
                List<IPAddress> part = behind(z, block(m));
                if (!part.isEmpty()) {
                    out.computeIfAbsent(z, k -> new ArrayList<>()).addAll(part);
                }
            }
        }
        return out;
    }

    /** The part of {@code block} that longest-prefix match sends to zone {@code z}. */
    private List<IPAddress> behind(Zone z, IPAddress block) {
        List<IPAddress> mine = new ArrayList<>();
        for (IPAddress p : z.prefixes()) {
            if (p.isIPv4() != block.isIPv4()) {
                continue;
            }
            IPAddress i = block(p).intersect(block);
            if (i != null) {
                mine.add(i);
            }
        }
        // carve out what a more specific prefix of another zone takes
        for (Zone other : zones) {
            if (other == z) {
                continue;
            }
            for (IPAddress q : other.prefixes()) {
                List<IPAddress> next = new ArrayList<>();
                for (IPAddress piece : mine) {
                    if (moreSpecific(q, piece, z) && block(q).intersect(piece) != null) {
                        IPAddress[] rest = piece.subtract(block(q));
                        if (rest != null) {
                            next.addAll(List.of(rest));
                        }
                    } else {
                        next.add(piece);
                    }
                }
                mine = next;
            }
        }
        return mine;
    }

    /** Whether {@code q} (another zone's prefix) is longer than the prefix of {@code z} that holds {@code piece}. */
    private static boolean moreSpecific(IPAddress q, IPAddress piece, Zone z) {
        int ql = q.getNetworkPrefixLength() == null ? q.getBitCount() : q.getNetworkPrefixLength();
        int own = -1;
        for (IPAddress p : z.prefixes()) {
            if (p.isIPv4() == piece.isIPv4() && block(p).contains(piece)) {
                own = Math.max(own, p.getNetworkPrefixLength() == null ? p.getBitCount() : p.getNetworkPrefixLength());
            }
        }
        return ql > own;
    }

    /** The zone of an interface name. */
    public Optional<Zone> zoneOf(String iface) {
        return zones.stream().filter(z -> z.iface().equals(iface)).findFirst();
    }

    /**
     * Entries of an ACL bound at {@code b} that can never match there: inbound, a source no
     * packet arriving on that interface can have; outbound, a destination no packet leaving it
     * can have. One message per entry (1-based), saying where the addresses sit instead.
     */
    public List<io.portpush.core.policy.AclLint.Finding> neverMatching(List<AclEntry> entries, Binding b) {
        Optional<Zone> here = zoneOf(b.target());
        List<io.portpush.core.policy.AclLint.Finding> out = new ArrayList<>();
        if (here.isEmpty()) {
            return out;
        }
        boolean in = b.direction() == Binding.Direction.IN;
        for (int i = 0; i < entries.size(); i++) {
            AclEntry e = entries.get(i);
            if (e.unrecognised()) {
                continue;
            }
            AddressSet side = in ? e.source() : e.destination();
            if (!side.names().isEmpty() || side.prefixes().isEmpty()) {
                continue;
            }
            Map<Zone, List<IPAddress>> where = split(side);
            if (!where.isEmpty() && !where.containsKey(here.get())) {
                out.add(new io.portpush.core.policy.AclLint.Finding("placement", i, e.describe() + " can never match "
                        + (in ? "inbound" : "outbound") + " on " + b.target() + ": its " + (in ? "source" : "destination") + " sits behind "
                        + String.join(", ", where.keySet().stream().map(z -> z.iface() + " (" + z.name() + ")").toList())));
            }
        }
        return out;
    }
}

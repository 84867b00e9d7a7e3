package io.portpush.lab;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A lab device's routing table, as its routing process would hold it: a connected route and a
 * local /32 for each addressed interface that is up, and the static routes of {@code lab_routes},
 * each with the interface its next hop is reached through. Each personality prints it in its
 * platform's own format; the product's readers never see this class.
 */
public final class LabRoutes {
    private LabRoutes() {
    }

    /**
     * One route.
     *
     * @param code {@code C}, {@code L} or {@code S} ({@code S*} for the default)
     * @param nextHop empty for connected, local and interface routes
     * @param iface the interface, empty when a static next hop is reached through none
     */
    public record Entry(String code, IPAddress prefix, String nextHop, String iface) {
    }

    /** @param interfaces interface name (as the platform prints it in routes) to its address with prefix length */
    public static List<Entry> of(Map<String, IPAddress> interfaces, List<DeviceProfile.StaticRoute> statics) {
        List<Entry> out = new ArrayList<>();
        interfaces.forEach((name, a) -> {
            out.add(new Entry("C", a.toPrefixBlock(), "", name));
            if (a.getNetworkPrefixLength() < 32) { // a /32 (loopback) is its own connected route; no local one beside it
                out.add(new Entry("L", a.withoutPrefixLength().setPrefixLength(32, false), "", name));
            }
        });
        for (DeviceProfile.StaticRoute r : statics) {
            String code = r.prefix().getNetworkPrefixLength() == 0 ? "S*" : "S";
            if (!r.viaAddress()) {
                out.add(new Entry(code, r.prefix(), "", r.via()));
                continue;
            }
            IPAddress hop = new inet.ipaddr.IPAddressString(r.via()).getAddress();
            String iface = interfaces.entrySet().stream().filter(e -> e.getValue().toPrefixBlock().contains(hop)).map(Map.Entry::getKey)
                    .findFirst().orElse("");
            out.add(new Entry(code, r.prefix(), r.via(), iface));
        }
        // devices print the table in address order, the default first
        out.sort(Comparator.comparing((Entry e) -> e.prefix().getNetworkPrefixLength() != 0)
                .thenComparing(e -> e.prefix().getValue()).thenComparing(e -> e.prefix().getNetworkPrefixLength()));
        return out;
    }

    /** The gateway of last resort: the default route's next hop, if it has one. */
    public static String gateway(List<Entry> table) {
        return table.stream().filter(e -> e.prefix().getNetworkPrefixLength() == 0 && !e.nextHop().isEmpty()).map(Entry::nextHop)
                .findFirst().orElse("");
    }
}

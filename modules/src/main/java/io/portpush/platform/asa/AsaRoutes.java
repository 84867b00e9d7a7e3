package io.portpush.platform.asa;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.portpush.core.placement.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ASA {@code show route}: {@code C 192.168.1.0 255.255.255.0 is directly connected, outside},
 * {@code S* 0.0.0.0 0.0.0.0 [1/0] via 203.0.113.1, outside}, {@code O IA ... [110/11] via X, 3:21:21, inside},
 * equal-cost next hops on continuation lines. Interfaces are printed by nameif, the name access-group
 * binds, so zones come out in the names bindings use. A destination printed by its {@code names}
 * alias ({@code Server1 255.255.255.255}) is not an address and is left out.
 */
final class AsaRoutes {
    private AsaRoutes() {
    }

    private static final Pattern ROUTE = Pattern.compile(
            "^[A-Za-z*+]{1,3}(?: (?:E1|E2|N1|N2|IA|EX|L1|L2|ia|su))?\\*?\\s+(\\S+) (\\d+\\.\\d+\\.\\d+\\.\\d+)\\s+(.*)$");
    private static final Pattern MORE = Pattern.compile("^\\s+(\\[\\d+/\\d+\\] via .*)$");
    private static final Pattern VIA = Pattern.compile("via (\\d+\\.\\d+\\.\\d+\\.\\d+)");

    static List<Route> read(String output) {
        List<Route> out = new ArrayList<>();
        IPAddress pending = null;
        for (String raw : output.split("\\R")) {
            String line = raw.replaceAll("\\s+$", "");
            Matcher r = ROUTE.matcher(line);
            if (r.matches() && !line.startsWith("Codes") && !line.startsWith("Gateway")) {
                // only a dotted quad is an address here; anything else is a names alias
                IPAddress dest = r.group(1).matches("\\d+\\.\\d+\\.\\d+\\.\\d+") ? new IPAddressString(r.group(1)).getAddress() : null;
                IPAddress mask = new IPAddressString(r.group(2)).getAddress();
                pending = null;
                if (dest == null || !dest.isIPv4() || mask == null || mask.getBlockMaskPrefixLength(true) == null) {
                    continue; // a names alias: no address to place
                }
                pending = dest.setPrefixLength(mask.getBlockMaskPrefixLength(true), false).toPrefixBlock();
                out.add(route(pending, r.group(3).strip()));
                continue;
            }
            Matcher more = MORE.matcher(line);
            if (more.matches() && pending != null) {
                out.add(route(pending, more.group(1).strip()));
            }
        }
        return out;
    }

    private static Route route(IPAddress prefix, String rest) {
        String[] parts = rest.split(",\\s*");
        String iface = parts.length > 1 ? parts[parts.length - 1].strip() : "";
        if (rest.startsWith("is directly connected")) {
            return new Route(prefix, iface, "");
        }
        Matcher via = VIA.matcher(parts[0]);
        return new Route(prefix, iface, via.find() ? via.group(1) : "");
    }
}

package io.portpush.platform.nftables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.portpush.core.placement.Route;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads iproute2's {@code ip -j -4 route show table main}: {@code dst} ({@code default}, a prefix,
 * or a bare address for a host route), {@code dev}, {@code gateway}, and {@code nexthops} for a
 * multipath route. Routes of other types ({@code blackhole}, {@code unreachable}, {@code local})
 * carry no packet out of an interface and are left out, as are IPv6 routes.
 */
final class LinuxRoutes {
    private LinuxRoutes() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Route> read(String output) {
        JsonNode all;
        try {
            all = JSON.readTree(output.isBlank() ? "[]" : output);
        } catch (IOException e) {
            return List.of(); // not iproute2's JSON: nothing placement can use, and the caller says so
        }
        List<Route> out = new ArrayList<>();
        for (JsonNode r : all) {
            String type = r.path("type").asText("unicast");
            String dst = r.path("dst").asText("");
            if (!type.equals("unicast") || dst.isEmpty()) {
                continue;
            }
            IPAddress prefix = new IPAddressString(dst.equals("default") ? "0.0.0.0/0" : dst.contains("/") ? dst : dst + "/32").getAddress();
            if (prefix == null || !prefix.isIPv4()) {
                continue;
            }
            if (r.has("nexthops")) {
                for (JsonNode h : r.get("nexthops")) {
                    out.add(new Route(prefix.toPrefixBlock(), h.path("dev").asText(""), h.path("gateway").asText("")));
                }
            } else {
                out.add(new Route(prefix.toPrefixBlock(), r.path("dev").asText(""), r.path("gateway").asText("")));
            }
        }
        return out;
    }
}

package io.portpush.platform.ios;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.portpush.core.placement.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads IOS and IOS-XE {@code show ip route}: route lines with their codes ({@code C}, {@code L},
 * {@code S*}, {@code O E2}, {@code O*E2}, {@code D EX}, {@code i L2}, {@code B}), prefixes printed
 * without a length under a classful {@code "2.0.0.0/24 is subnetted"} header, equal-cost next
 * hops on continuation lines ({@code [1/0] via 192.168.0.1}), a route whose next hop and
 * interface wrap to the next line, and BGP routes printed without an interface (resolved later
 * through the other routes). Legend, gateway line and VRF headings are skipped.
 */
final class IosRoutes {
    private IosRoutes() {
    }

    private static final Pattern ROUTE = Pattern.compile(
            "^(?:[A-Za-z]{1,2}\\*?(?: ?(?:E1|E2|N1|N2|IA|EX|L1|L2|ia|su))?\\*?|[A-Za-z]\\*|\\*)\\s+(\\d+\\.\\d+\\.\\d+\\.\\d+)(/\\d+)?(?:\\s+(.*))?$");
    private static final Pattern SUBNETTED = Pattern.compile("^\\s+(\\d+\\.\\d+\\.\\d+\\.\\d+)/(\\d+) is (variably )?subnetted.*");
    private static final Pattern MORE = Pattern.compile("^\\s+(\\[\\d+/\\d+\\].*)$");
    private static final Pattern TIME = Pattern.compile("^\\d+(?::\\d+){1,2}$|^(?:\\d+[ywdhms])+$");

    static List<Route> read(String output) {
        List<Route> out = new ArrayList<>();
        Integer classful = null;
        IPAddress major = null;
        IPAddress pending = null;
        for (String raw : output.split("\\R")) {
            String line = raw.replaceAll("\\s+$", "");
            Matcher sub = SUBNETTED.matcher(line);
            if (sub.matches()) {
                // under "is subnetted" (one mask) prefixes of that major network are printed without their length
                classful = sub.group(3) == null ? Integer.valueOf(sub.group(2)) : null;
                major = new IPAddressString(sub.group(1) + "/" + classfulLength(sub.group(1))).getAddress().toPrefixBlock();
                continue;
            }
            Matcher r = ROUTE.matcher(line);
            if (r.matches() && !line.startsWith("Codes") && !line.startsWith("Gateway")) {
                String len = r.group(2) != null ? r.group(2) : "/" + (classful != null && major != null
                        && major.contains(new IPAddressString(r.group(1)).getAddress()) ? classful : classfulLength(r.group(1)));
                IPAddress prefix = new IPAddressString(r.group(1) + len).getAddress();
                if (prefix == null) {
                    continue;
                }
                String rest = r.group(3) == null ? "" : r.group(3).strip();
                pending = prefix;
                if (!rest.isEmpty()) { // else the next hop wraps onto the next line
                    out.add(route(prefix, rest));
                }
                continue;
            }
            Matcher more = MORE.matcher(line);
            if (more.matches() && pending != null) {
                out.add(route(pending, more.group(1).strip()));
                continue;
            }
            if (!line.isBlank() && !line.startsWith(" ")) {
                // a line of another kind (legend, gateway, VRF name) ends any classful block
                classful = line.startsWith("Codes") || line.startsWith("Gateway") || line.startsWith("Routing Table") ? null : classful;
            }
        }
        return out;
    }

    /** The length a prefix printed without one has when no subnetted header gives it: its class. */
    private static int classfulLength(String dotted) {
        int first = Integer.parseInt(dotted.substring(0, dotted.indexOf('.')));
        return first == 0 ? 0 : first < 128 ? 8 : first < 192 ? 16 : 24;
    }

    /** {@code is directly connected, Gi2}, {@code [110/20] via 194.0.0.2, 00:02:00, Fa0/0}, {@code [200/0] via 195.0.0.1, 00:00:04}. */
    private static Route route(IPAddress prefix, String rest) {
        String[] parts = rest.split(",\\s*");
        String hop = "";
        String iface = "";
        if (rest.startsWith("is directly connected")) {
            iface = parts.length > 1 ? parts[parts.length - 1].strip() : "";
            return new Route(prefix, iface, "");
        }
        Matcher via = Pattern.compile("via (\\d+\\.\\d+\\.\\d+\\.\\d+)").matcher(parts[0]);
        if (via.find()) {
            hop = via.group(1);
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (!TIME.matcher(p).matches() && !p.startsWith("via ") && p.matches("[A-Za-z][\\w./:-]*")) {
                iface = p;
            }
        }
        return new Route(prefix, iface, hop);
    }
}

package io.portpush.core.placement;

import inet.ipaddr.IPAddress;

/**
 * One route a device reported: a prefix and where packets for it leave, by interface, by next
 * hop (resolved through the other routes, as the device resolves a recursive route), or both.
 *
 * @param iface the outgoing interface as the device names it in its bindings (an ASA's nameif); empty when not printed
 * @param nextHop the next hop's address, empty for a connected route
 */
public record Route(IPAddress prefix, String iface, String nextHop) {
    public Route {
        iface = iface == null ? "" : iface;
        nextHop = nextHop == null ? "" : nextHop;
    }

    /** {@code 10.10.1.0/24 | via GigabitEthernet2}, {@code 0.0.0.0/0 | via 203.0.113.1 GigabitEthernet1}: how the corpus records it. */
    public String describe() {
        return prefix.toPrefixBlock() + " | via " + (nextHop.isEmpty() ? iface : iface.isEmpty() ? nextHop : nextHop + " " + iface);
    }
}

package io.portpush.platform.junos;

import java.util.Map;
import java.util.Optional;

/**
 * Protocol names of the Junos {@code protocol} match condition with their IP protocol numbers
 * (Junos Routing Policy guide, "Firewall Filter Match Conditions for IPv4 Traffic").
 */
final class JunosProtocols {
    private static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("ah", 51), Map.entry("dstopts", 60), Map.entry("egp", 8), Map.entry("esp", 50), Map.entry("fragment", 44),
            Map.entry("gre", 47), Map.entry("hop-by-hop", 0), Map.entry("icmp", 1), Map.entry("icmp6", 58), Map.entry("igmp", 2),
            Map.entry("ipip", 4), Map.entry("ipv6", 41), Map.entry("no-next-header", 59), Map.entry("ospf", 89), Map.entry("pim", 103),
            Map.entry("routing", 43), Map.entry("rsvp", 46), Map.entry("sctp", 132), Map.entry("tcp", 6), Map.entry("udp", 17),
            Map.entry("vrrp", 112));

    private JunosProtocols() {
    }

    /** The model's protocol: tcp, udp, icmp as words, any other protocol as its number. */
    static Optional<String> of(String word) {
        // Junos numbers hop-by-hop 0, which is a header, not "every protocol": only a name of the table or a number
        return io.portpush.core.policy.IpProtocols.of(word, NAMES).map(p -> word.equals("hop-by-hop") ? "0" : p);
    }
}

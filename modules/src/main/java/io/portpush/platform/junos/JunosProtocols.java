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
        Integer n = NAMES.get(word);
        if (n == null && word.matches("\\d{1,3}") && Integer.parseInt(word) <= 255) {
            n = Integer.parseInt(word);
        }
        if (n == null) {
            return Optional.empty();
        }
        return Optional.of(switch (n) {
            case 1 -> "icmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            default -> String.valueOf(n);
        });
    }
}

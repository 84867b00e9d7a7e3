package io.portpush.platform.asa;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Protocol and ICMP type names Cisco ASA accepts and prints in access-lists, with their numbers,
 * from the Cisco ASA Series Command Reference ({@code access-list extended}: "protocol_name_or_number"
 * and the ICMP type table of "ICMP Types") and the syslog levels {@code log} takes.
 */
public final class AsaKeywords {
    static final Map<String, Integer> PROTOCOLS = Map.ofEntries(
            Map.entry("ip", 0), Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("ipinip", 4), Map.entry("tcp", 6),
            Map.entry("igrp", 9), Map.entry("udp", 17), Map.entry("gre", 47), Map.entry("pptp", 47), Map.entry("esp", 50),
            Map.entry("ipsec", 50), Map.entry("ah", 51), Map.entry("icmp6", 58), Map.entry("eigrp", 88), Map.entry("ospf", 89),
            Map.entry("nos", 94), Map.entry("pim", 103), Map.entry("pcp", 108), Map.entry("snp", 109), Map.entry("sctp", 132));

    static final Map<String, Integer> ICMP = Map.ofEntries(
            Map.entry("echo-reply", 0), Map.entry("unreachable", 3), Map.entry("source-quench", 4), Map.entry("redirect", 5),
            Map.entry("alternate-address", 6), Map.entry("echo", 8), Map.entry("router-advertisement", 9),
            Map.entry("router-solicitation", 10), Map.entry("time-exceeded", 11), Map.entry("parameter-problem", 12),
            Map.entry("timestamp-request", 13), Map.entry("timestamp-reply", 14), Map.entry("information-request", 15),
            Map.entry("information-reply", 16), Map.entry("mask-request", 17), Map.entry("mask-reply", 18),
            Map.entry("traceroute", 30), Map.entry("conversion-error", 31), Map.entry("mobile-redirect", 32));

    static final Set<String> LOG_LEVELS = Set.of("emergencies", "alerts", "critical", "errors", "warnings", "notifications",
            "informational", "debugging");

    private AsaKeywords() {
    }

    /** The model's protocol for a name or number: ip/tcp/udp/icmp as words, any other as its number. */
    public static Optional<String> protocol(String word) {
        return io.portpush.core.policy.IpProtocols.of(word, PROTOCOLS);
    }
}

package io.portpush.platform.ios;

import java.util.Map;
import java.util.Optional;

/**
 * The words Cisco IOS / IOS-XE prints in extended ACL entries for protocols, ICMP messages and
 * IP header values, with the numbers they stand for, so an entry read back compares by meaning
 * ({@code echo} is ICMP type 8 on every platform). Source: Cisco IOS Security Command Reference,
 * {@code permit (IP)} / {@code deny (IP)} (protocol keywords; "ICMP message type names";
 * precedence and tos names) and {@code permit (IPv6)} (ICMPv6 message names); DSCP names from
 * RFC 2474, RFC 2597 and RFC 3246 as IOS lists them under {@code dscp}.
 */
public final class IosKeywords {
    /** Protocol keywords with their IP protocol numbers; ip, tcp, udp and icmp stay words in the model. */
    static final Map<String, Integer> PROTOCOLS = Map.ofEntries(
            Map.entry("ip", 0), Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("tcp", 6), Map.entry("udp", 17),
            Map.entry("gre", 47), Map.entry("esp", 50), Map.entry("ahp", 51), Map.entry("eigrp", 88), Map.entry("ospf", 89),
            Map.entry("nos", 94), Map.entry("ipinip", 4), Map.entry("pim", 103), Map.entry("pcp", 108), Map.entry("sctp", 132),
            Map.entry("ipv6", 0)); // in an IPv6 list "ipv6" is every packet, as "ip" is in an IPv4 one

    /** ICMP (IPv4) message names: type, or type and code. */
    static final Map<String, String> ICMP = Map.ofEntries(
            Map.entry("administratively-prohibited", "3/13"), Map.entry("alternate-address", "6"), Map.entry("conversion-error", "31"),
            Map.entry("dod-host-prohibited", "3/10"), Map.entry("dod-net-prohibited", "3/9"), Map.entry("echo", "8"),
            Map.entry("echo-reply", "0"), Map.entry("general-parameter-problem", "12/0"), Map.entry("host-isolated", "3/8"),
            Map.entry("host-precedence-unreachable", "3/14"), Map.entry("host-redirect", "5/1"), Map.entry("host-tos-redirect", "5/3"),
            Map.entry("host-tos-unreachable", "3/12"), Map.entry("host-unknown", "3/7"), Map.entry("host-unreachable", "3/1"),
            Map.entry("information-reply", "16"), Map.entry("information-request", "15"), Map.entry("mask-reply", "18"),
            Map.entry("mask-request", "17"), Map.entry("mobile-redirect", "32"), Map.entry("net-redirect", "5/0"),
            Map.entry("net-tos-redirect", "5/2"), Map.entry("net-tos-unreachable", "3/11"), Map.entry("net-unreachable", "3/0"),
            Map.entry("network-unknown", "3/6"), Map.entry("no-room-for-option", "12/2"), Map.entry("option-missing", "12/1"),
            Map.entry("packet-too-big", "3/4"), Map.entry("parameter-problem", "12"), Map.entry("port-unreachable", "3/3"),
            Map.entry("precedence-unreachable", "3/15"), Map.entry("protocol-unreachable", "3/2"), Map.entry("reassembly-timeout", "11/1"),
            Map.entry("redirect", "5"), Map.entry("router-advertisement", "9"), Map.entry("router-solicitation", "10"),
            Map.entry("source-quench", "4"), Map.entry("source-route-failed", "3/5"), Map.entry("time-exceeded", "11"),
            Map.entry("timestamp-reply", "14"), Map.entry("timestamp-request", "13"), Map.entry("traceroute", "30"),
            Map.entry("ttl-exceeded", "11/0"), Map.entry("unreachable", "3"));

    /** ICMPv6 message names (permit (IPv6)): type, or type and code. */
    static final Map<String, String> ICMP6 = Map.ofEntries(
            Map.entry("beyond-scope", "1/2"), Map.entry("destination-unreachable", "1"), Map.entry("echo-reply", "129"),
            Map.entry("echo-request", "128"), Map.entry("header", "4/0"), Map.entry("hop-limit", "3/0"),
            Map.entry("mld-query", "130"), Map.entry("mld-reduction", "132"), Map.entry("mld-report", "131"),
            Map.entry("nd-na", "136"), Map.entry("nd-ns", "135"), Map.entry("next-header", "4/1"),
            Map.entry("no-admin", "1/1"), Map.entry("no-route", "1/0"), Map.entry("packet-too-big", "2"),
            Map.entry("parameter-option", "4/2"), Map.entry("parameter-problem", "4"), Map.entry("port-unreachable", "1/4"),
            Map.entry("reassembly-timeout", "3/1"), Map.entry("redirect", "137"), Map.entry("renum-command", "138/0"),
            Map.entry("renum-result", "138/1"), Map.entry("renum-seq-number", "138/255"), Map.entry("router-advertisement", "134"),
            Map.entry("router-renumbering", "138"), Map.entry("router-solicitation", "133"), Map.entry("time-exceeded", "3"),
            Map.entry("unreachable", "1"));

    static final Map<String, Integer> PRECEDENCE = Map.of("routine", 0, "priority", 1, "immediate", 2, "flash", 3,
            "flash-override", 4, "critical", 5, "internet", 6, "network", 7);

    static final Map<String, Integer> TOS = Map.of("normal", 0, "min-monetary-cost", 1, "max-reliability", 2,
            "max-throughput", 4, "min-delay", 8);

    static final Map<String, Integer> DSCP = Map.ofEntries(
            Map.entry("default", 0), Map.entry("ef", 46),
            Map.entry("af11", 10), Map.entry("af12", 12), Map.entry("af13", 14), Map.entry("af21", 18), Map.entry("af22", 20),
            Map.entry("af23", 22), Map.entry("af31", 26), Map.entry("af32", 28), Map.entry("af33", 30), Map.entry("af41", 34),
            Map.entry("af42", 36), Map.entry("af43", 38), Map.entry("cs1", 8), Map.entry("cs2", 16), Map.entry("cs3", 24),
            Map.entry("cs4", 32), Map.entry("cs5", 40), Map.entry("cs6", 48), Map.entry("cs7", 56));

    /** TCP flag keywords an entry may name on its own ({@code established psh}). */
    static final java.util.Set<String> TCP_FLAGS = java.util.Set.of("ack", "fin", "psh", "rst", "syn", "urg");

    private IosKeywords() {
    }

    /** The model's protocol for a keyword or number: ip/tcp/udp/icmp as words, any other protocol as its number. */
    public static Optional<String> protocol(String word) {
        // an IPv6 list's ICMP is ICMPv6 (58); its entries print "icmp", and the qualifier says icmp6
        return io.portpush.core.policy.IpProtocols.of(word, PROTOCOLS).map(p -> p.equals("58") ? "icmp" : p);
    }

    /** A value of a named IP header field ({@code dscp ef}, {@code precedence internet}) as its number. */
    static Optional<Integer> value(Map<String, Integer> names, String word, int max) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        int n = io.portpush.core.policy.IpProtocols.number(w, max);
        return n >= 0 ? Optional.of(n) : Optional.ofNullable(names.get(w));
    }
}

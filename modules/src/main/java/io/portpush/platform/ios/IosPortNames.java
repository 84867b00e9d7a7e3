package io.portpush.platform.ios;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The port keywords Cisco IOS / IOS-XE accepts in extended ACLs and prints in {@code show}
 * output instead of numbers (from the IOS command reference for {@code permit (IP extended)}).
 * The device, its lab personality and the parser must agree on these.
 */
public final class IosPortNames {
    private static final Map<String, Integer> TCP = Map.ofEntries(
            Map.entry("bgp", 179), Map.entry("chargen", 19), Map.entry("cmd", 514), Map.entry("daytime", 13),
            Map.entry("discard", 9), Map.entry("domain", 53), Map.entry("drip", 3949), Map.entry("echo", 7), Map.entry("exec", 512),
            Map.entry("finger", 79), Map.entry("ftp", 21), Map.entry("ftp-data", 20), Map.entry("gopher", 70),
            Map.entry("hostname", 101), Map.entry("ident", 113), Map.entry("irc", 194), Map.entry("klogin", 543),
            Map.entry("kshell", 544), Map.entry("login", 513), Map.entry("lpd", 515), Map.entry("msrpc", 135),
            Map.entry("nntp", 119), Map.entry("onep-plain", 15001), Map.entry("onep-tls", 15002), Map.entry("pim-auto-rp", 496), Map.entry("pop2", 109), Map.entry("pop3", 110),
            Map.entry("smtp", 25), Map.entry("sunrpc", 111), Map.entry("tacacs", 49), Map.entry("talk", 517),
            Map.entry("telnet", 23), Map.entry("time", 37), Map.entry("uucp", 540), Map.entry("whois", 43),
            Map.entry("www", 80));
    private static final Map<String, Integer> UDP = Map.ofEntries(
            Map.entry("biff", 512), Map.entry("bootpc", 68), Map.entry("bootps", 67), Map.entry("discard", 9),
            Map.entry("dnsix", 195), Map.entry("domain", 53), Map.entry("echo", 7), Map.entry("isakmp", 500),
            Map.entry("mobile-ip", 434), Map.entry("nameserver", 42), Map.entry("netbios-dgm", 138),
            Map.entry("netbios-ns", 137), Map.entry("netbios-ss", 139), Map.entry("non500-isakmp", 4500),
            Map.entry("ntp", 123), Map.entry("pim-auto-rp", 496), Map.entry("rip", 520), Map.entry("ripv6", 521),
            Map.entry("snmp", 161), Map.entry("snmptrap", 162), Map.entry("sunrpc", 111), Map.entry("syslog", 514),
            Map.entry("tacacs", 49), Map.entry("talk", 517), Map.entry("tftp", 69), Map.entry("time", 37),
            Map.entry("who", 513), Map.entry("xdmcp", 177));

    /**
     * Names IOS-XE releases print and accept beside the classic table (field output shows
     * {@code eq telnet ssh http 8080} and tcp {@code eq snmp}); read, never printed by portpush.
     */
    private static final Map<String, Integer> TCP_READ_ALSO = Map.of("ssh", 22, "http", 80, "snmp", 161);

    private IosPortNames() {
    }

    private static Map<String, Integer> table(String protocol) {
        return "udp".equals(protocol) ? UDP : TCP;
    }

    /** A port word (number or keyword) for {@code protocol} ({@code tcp} or {@code udp}). */
    public static OptionalInt number(String protocol, String word) {
        int n = port(protocol, word);
        return n < 0 ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** As {@link #number}, -1 when the word is no port: the readers' hot path, without a box per port. */
    static int port(String protocol, String word) {
        if (!word.isEmpty() && word.length() <= 5) {
            int n = 0;
            int i = 0;
            for (; i < word.length() && Character.isDigit(word.charAt(i)); i++) {
                n = n * 10 + (word.charAt(i) - '0');
            }
            if (i == word.length()) {
                return n <= 65535 ? n : -1;
            }
        }
        Integer n = table(protocol).get(word);
        if (n == null && !"udp".equals(protocol)) {
            n = TCP_READ_ALSO.get(word);
        }
        return n == null ? -1 : n;
    }

    /** The keyword IOS prints for a port, if it has one. */
    public static Optional<String> name(String protocol, int port) {
        return table(protocol).entrySet().stream().filter(e -> e.getValue() == port).map(Map.Entry::getKey)
                // 514/tcp is both cmd and rsh on some releases; IOS prints cmd
                .sorted().findFirst();
    }

    /** How IOS prints a port: its keyword or the number. */
    public static String display(String protocol, int port) {
        return name(protocol, port).orElse(String.valueOf(port));
    }
}

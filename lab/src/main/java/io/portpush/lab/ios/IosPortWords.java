package io.portpush.lab.ios;

import java.util.Map;
import java.util.OptionalInt;

/**
 * The lab router's own port keywords, as IOS accepts them and prints them in {@code show}
 * output (Cisco IOS Security Command Reference, {@code permit (IP)}: "TCP port names" and
 * "UDP port names"). Kept apart from the product's reader on purpose: the simulator and the
 * parser must never share a table, or they could agree on a wrong answer.
 */
final class IosPortWords {
    /** name, port, and which protocols (t = tcp, u = udp) know it. */
    private static final String TABLE = """
            bgp 179 t; chargen 19 t; cmd 514 t; daytime 13 t; discard 9 tu; domain 53 tu; drip 3949 t; echo 7 tu;
            exec 512 t; finger 79 t; ftp 21 t; ftp-data 20 t; gopher 70 t; hostname 101 t; ident 113 t; irc 194 t;
            klogin 543 t; kshell 544 t; login 513 t; lpd 515 t; msrpc 135 t; nntp 119 t; onep-plain 15001 t;
            onep-tls 15002 t; pim-auto-rp 496 tu; pop2 109 t; pop3 110 t; smtp 25 t; sunrpc 111 tu; tacacs 49 tu;
            talk 517 tu; telnet 23 t; time 37 tu; uucp 540 t; whois 43 t; www 80 t;
            biff 512 u; bootpc 68 u; bootps 67 u; dnsix 195 u; isakmp 500 u; mobile-ip 434 u; nameserver 42 u;
            netbios-dgm 138 u; netbios-ns 137 u; netbios-ss 139 u; non500-isakmp 4500 u; ntp 123 u; rip 520 u;
            ripv6 521 u; snmp 161 u; snmptrap 162 u; syslog 514 u; tftp 69 u; who 513 u; xdmcp 177 u""";
    private static final Map<String, Integer> TCP = io.portpush.lab.PortTable.parse(TABLE).tcp();
    private static final Map<String, Integer> UDP = io.portpush.lab.PortTable.parse(TABLE).udp();

    private IosPortWords() {
    }

    private static Map<String, Integer> of(String protocol) {
        return "udp".equals(protocol) ? UDP : TCP;
    }

    /** A port as typed: a number 0-65535 or a keyword of the protocol. */
    static OptionalInt number(String protocol, String word) {
        if (word.matches("\\d{1,5}")) {
            int n = Integer.parseInt(word);
            return n <= 65535 ? OptionalInt.of(n) : OptionalInt.empty();
        }
        Integer n = of(protocol).get(word);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** How the router prints a port: its keyword (the first in alphabetical order where two share it), else the number. */
    static String display(String protocol, int port) {
        return of(protocol).entrySet().stream().filter(e -> e.getValue() == port).map(Map.Entry::getKey).sorted().findFirst()
                .orElse(String.valueOf(port));
    }
}

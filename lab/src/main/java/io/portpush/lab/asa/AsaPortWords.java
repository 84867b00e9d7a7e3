package io.portpush.lab.asa;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The lab firewall's own port names, as ASA accepts them and prints them (Cisco ASA Series
 * Command Reference, "TCP and UDP ports" supported names). Kept apart from the product's reader
 * on purpose: the simulator and the parser must never share a table.
 */
final class AsaPortWords {
    /** name, port, and which protocols (t = tcp, u = udp) know it; www is what ASA prints for 80. */
    private static final String TABLE = """
            aol 5190 t; bgp 179 t; biff 512 u; bootpc 68 u; bootps 67 u; chargen 19 t; cifs 3020 tu; citrix-ica 1494 t;
            ctiqbe 2748 t; daytime 13 t; discard 9 tu; dnsix 195 u; domain 53 tu; echo 7 tu; exec 512 t; finger 79 t;
            ftp 21 t; ftp-data 20 t; gopher 70 t; h323 1720 t; hostname 101 t; https 443 t; ident 113 t; imap4 143 t;
            irc 194 t; isakmp 500 u; kerberos 750 tu; klogin 543 t; kshell 544 t; ldap 389 t; ldaps 636 t; login 513 t;
            lotusnotes 1352 t; lpd 515 t; mobile-ip 434 u; nameserver 42 u; netbios-dgm 138 u; netbios-ns 137 u;
            netbios-ssn 139 t; nfs 2049 tu; nntp 119 t; ntp 123 u; pcanywhere-data 5631 t; pcanywhere-status 5632 u;
            pim-auto-rp 496 tu; pop2 109 t; pop3 110 t; pptp 1723 t; radius 1645 u; radius-acct 1646 u; rip 520 u;
            rsh 514 t; rtsp 554 t; secureid-udp 5510 u; sip 5060 tu; smtp 25 t; snmp 161 u; snmptrap 162 u; sqlnet 1521 t;
            ssh 22 t; sunrpc 111 tu; syslog 514 u; tacacs 49 tu; talk 517 tu; telnet 23 t; tftp 69 u; time 37 u;
            uucp 540 t; vxlan 4789 u; who 513 u; whois 43 t; www 80 tu; xdmcp 177 u""";
    private static final Map<String, Integer> TCP = withHttp(io.portpush.lab.PortTable.parse(TABLE).tcp());
    private static final Map<String, Integer> UDP = withHttp(io.portpush.lab.PortTable.parse(TABLE).udp());

    /** http is accepted as typed and printed as www. */
    private static Map<String, Integer> withHttp(Map<String, Integer> t) {
        Map<String, Integer> m = new HashMap<>(t);
        m.put("http", 80);
        return Map.copyOf(m);
    }

    private AsaPortWords() {
    }

    /** {@code protocol} is tcp, udp or tcp-udp (a name valid for both). */
    static OptionalInt number(String protocol, String word) {
        if (word.matches("\\d{1,5}")) {
            int n = Integer.parseInt(word);
            return n >= 1 && n <= 65535 ? OptionalInt.of(n) : OptionalInt.empty();
        }
        Integer n = ("udp".equals(protocol) ? UDP : TCP).get(word);
        if (n == null && "tcp-udp".equals(protocol)) {
            n = UDP.get(word);
        }
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    static String display(String protocol, int port) {
        Map<String, Integer> t = "udp".equals(protocol) ? UDP : TCP;
        return t.entrySet().stream().filter(e -> e.getValue() == port && !e.getKey().equals("http"))
                .filter(e -> !"tcp-udp".equals(protocol) || UDP.containsKey(e.getKey()))
                .map(Map.Entry::getKey).sorted().findFirst().orElse(String.valueOf(port));
    }
}

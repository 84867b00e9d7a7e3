package io.portpush.platform.junos;

import java.util.Map;
import java.util.OptionalInt;

/** Port keywords Junos accepts in firewall filter terms ({@code destination-port http}). */
public final class JunosPortNames {
    private static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("bgp", 179), Map.entry("biff", 512), Map.entry("bootpc", 68), Map.entry("bootps", 67),
            Map.entry("domain", 53), Map.entry("finger", 79), Map.entry("ftp", 21), Map.entry("ftp-data", 20),
            Map.entry("http", 80), Map.entry("https", 443), Map.entry("ident", 113), Map.entry("imap", 143),
            Map.entry("kerberos-sec", 88), Map.entry("ldap", 389), Map.entry("ntp", 123), Map.entry("pop3", 110),
            Map.entry("radius", 1812), Map.entry("sip", 5060), Map.entry("smtp", 25), Map.entry("snmp", 161),
            Map.entry("snmptrap", 162), Map.entry("ssh", 22), Map.entry("syslog", 514), Map.entry("tacacs", 49),
            Map.entry("telnet", 23), Map.entry("tftp", 69), Map.entry("xdmcp", 177));

    private JunosPortNames() {
    }

    public static OptionalInt number(String word) {
        if (word.matches("\\d{1,5}")) {
            return OptionalInt.of(Integer.parseInt(word));
        }
        Integer n = NAMES.get(word);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }
}

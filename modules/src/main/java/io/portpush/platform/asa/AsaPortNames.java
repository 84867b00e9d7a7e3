package io.portpush.platform.asa;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Port keywords of Cisco ASA (from the ASA command reference, "TCP and UDP ports"). ASA prints
 * these instead of numbers in {@code show access-list} and the running configuration.
 */
public final class AsaPortNames {
    private static final Map<String, Integer> TCP = Map.ofEntries(
            Map.entry("aol", 5190), Map.entry("bgp", 179), Map.entry("chargen", 19), Map.entry("cifs", 3020),
            Map.entry("citrix-ica", 1494), Map.entry("ctiqbe", 2748), Map.entry("daytime", 13), Map.entry("discard", 9),
            Map.entry("domain", 53), Map.entry("echo", 7), Map.entry("exec", 512), Map.entry("finger", 79),
            Map.entry("ftp", 21), Map.entry("ftp-data", 20), Map.entry("gopher", 70), Map.entry("h323", 1720),
            Map.entry("hostname", 101), Map.entry("http", 80), Map.entry("https", 443), Map.entry("ident", 113), Map.entry("imap4", 143),
            Map.entry("irc", 194), Map.entry("kerberos", 750), Map.entry("klogin", 543), Map.entry("kshell", 544),
            Map.entry("ldap", 389), Map.entry("ldaps", 636), Map.entry("login", 513), Map.entry("lotusnotes", 1352),
            Map.entry("lpd", 515), Map.entry("netbios-ssn", 139), Map.entry("nfs", 2049), Map.entry("nntp", 119),
            Map.entry("pcanywhere-data", 5631), Map.entry("pim-auto-rp", 496), Map.entry("pop2", 109),
            Map.entry("pop3", 110), Map.entry("pptp", 1723), Map.entry("rsh", 514), Map.entry("rtsp", 554),
            Map.entry("sip", 5060), Map.entry("smtp", 25), Map.entry("sqlnet", 1521), Map.entry("ssh", 22),
            Map.entry("sunrpc", 111), Map.entry("tacacs", 49), Map.entry("talk", 517), Map.entry("telnet", 23),
            Map.entry("uucp", 540), Map.entry("whois", 43), Map.entry("www", 80));
    private static final Map<String, Integer> UDP = Map.ofEntries(
            Map.entry("biff", 512), Map.entry("bootpc", 68), Map.entry("bootps", 67), Map.entry("cifs", 3020),
            Map.entry("discard", 9), Map.entry("dnsix", 195), Map.entry("domain", 53), Map.entry("echo", 7), Map.entry("http", 80),
            Map.entry("isakmp", 500), Map.entry("kerberos", 750), Map.entry("mobile-ip", 434),
            Map.entry("nameserver", 42), Map.entry("netbios-dgm", 138), Map.entry("netbios-ns", 137),
            Map.entry("nfs", 2049), Map.entry("ntp", 123), Map.entry("pcanywhere-status", 5632),
            Map.entry("pim-auto-rp", 496), Map.entry("radius", 1645), Map.entry("radius-acct", 1646),
            Map.entry("rip", 520), Map.entry("secureid-udp", 5510), Map.entry("sip", 5060), Map.entry("snmp", 161),
            Map.entry("snmptrap", 162), Map.entry("sunrpc", 111), Map.entry("syslog", 514), Map.entry("tacacs", 49),
            Map.entry("talk", 517), Map.entry("tftp", 69), Map.entry("time", 37), Map.entry("vxlan", 4789),
            Map.entry("who", 513), Map.entry("www", 80), Map.entry("xdmcp", 177));

    private AsaPortNames() {
    }

    /** {@code protocol} is {@code tcp}, {@code udp} or {@code tcp-udp} (names valid for both). */
    private static Map<String, Integer> table(String protocol) {
        return "udp".equals(protocol) ? UDP : TCP;
    }

    public static OptionalInt number(String protocol, String word) {
        if (!word.isEmpty() && word.length() <= 5 && word.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(word);
            return n >= 1 && n <= 65535 ? OptionalInt.of(n) : OptionalInt.empty();
        }
        Integer n = table(protocol).get(word);
        if (n == null && "tcp-udp".equals(protocol)) {
            n = UDP.get(word);
        }
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    public static Optional<String> name(String protocol, int port) {
        Map<String, Integer> t = table(protocol);
        // http is an input alias of www: ASA prints www
        return t.entrySet().stream().filter(e -> e.getValue() == port && !e.getKey().equals("http")).map(Map.Entry::getKey).sorted().findFirst()
                .filter(n -> !"tcp-udp".equals(protocol) || UDP.containsKey(n));
    }

    public static String display(String protocol, int port) {
        return name(protocol, port).orElse(String.valueOf(port));
    }
}

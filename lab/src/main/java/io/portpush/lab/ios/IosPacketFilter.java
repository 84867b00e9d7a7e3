package io.portpush.lab.ios;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.portpush.lab.LabPacket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The lab router's own packet filter: first match over an ACL's entries in the text the router
 * stores them in, as IOS evaluates an extended list (implicit deny at the end). It is the lab's
 * reading of the IOS entry grammar, written apart from the product's model on purpose: traffic
 * the lab counts and logins it refuses must never depend on the product agreeing with itself.
 */
final class IosPacketFilter {
    private final Map<String, IosConfig.ObjectGroup> groups;

    IosPacketFilter(Map<String, IosConfig.ObjectGroup> groups) {
        this.groups = groups;
    }

    /** The first entry of {@code acl} that matches {@code p}, or null: the implicit deny. */
    IosConfig.Ace first(IosConfig.Acl acl, LabPacket p) {
        for (IosConfig.Ace e : acl.entries.values()) {
            if (!e.text.startsWith("remark") && matches(e.text, p)) {
                return e;
            }
        }
        return null;
    }

    static boolean permits(IosConfig.Ace e) {
        return e != null && e.text.startsWith("permit");
    }

    /** Whether one stored entry ({@code permit tcp host A any eq 5222 log}) matches the packet. */
    boolean matches(String text, LabPacket p) {
        List<String> w = Arrays.asList(text.strip().split("\\s+"));
        Cursor c = new Cursor(w, 1);
        String proto = c.next();
        boolean portsMatter;
        if (proto.equals("object-group")) {
            if (!service(c.next(), p)) {
                return false;
            }
            portsMatter = false;
        } else {
            if (!protocol(proto, p.protocol())) {
                return false;
            }
            portsMatter = proto.equals("tcp") || proto.equals("udp");
        }
        if (!address(c, p.source())) {
            return false;
        }
        if (portsMatter && !ports(c, proto, p.sourcePort())) {
            return false;
        }
        if (!address(c, p.destination())) {
            return false;
        }
        if (portsMatter && !ports(c, proto, p.destinationPort())) {
            return false;
        }
        // 'established' matches only packets of a connection under way (ACK or RST set)
        return !(w.contains("established") && !p.established());
    }

    private static boolean protocol(String word, int number) {
        return switch (word) {
            case "ip" -> true;
            case "tcp" -> number == 6;
            case "udp" -> number == 17;
            case "icmp" -> number == 1;
            case "gre" -> number == 47;
            case "esp" -> number == 50;
            case "ahp" -> number == 51;
            case "ospf" -> number == 89;
            case "eigrp" -> number == 88;
            default -> word.matches("\\d+") && Integer.parseInt(word) == number;
        };
    }

    private boolean address(Cursor c, IPAddress a) {
        String w = c.next();
        switch (w) {
            case "any" -> {
                return true;
            }
            case "host" -> {
                return new IPAddressString(c.next()).getAddress().equals(a);
            }
            case "object-group" -> {
                IosConfig.ObjectGroup g = groups.get(c.next());
                return g != null && g.members.stream().anyMatch(m -> member(m, a));
            }
            default -> {
                // address and wildcard: a bit set in the wildcard is a bit that does not matter
                long base = bits(new IPAddressString(w).getAddress());
                long wild = bits(new IPAddressString(c.next()).getAddress());
                return (bits(a) & ~wild) == (base & ~wild);
            }
        }
    }

    /** A network object-group member: {@code host A} or {@code A MASK}. */
    private static boolean member(String m, IPAddress a) {
        String[] f = m.split(" ");
        if (f[0].equals("host")) {
            return new IPAddressString(f[1]).getAddress().equals(a);
        }
        long net = bits(new IPAddressString(f[0]).getAddress());
        long mask = bits(new IPAddressString(f[1]).getAddress());
        return (bits(a) & mask) == (net & mask);
    }

    /** A service object-group: any member ({@code tcp eq 5222}, {@code udp range 6603 6610}) that takes the packet. */
    private boolean service(String name, LabPacket p) {
        IosConfig.ObjectGroup g = groups.get(name);
        if (g == null) {
            return false;
        }
        for (String m : g.members) {
            Cursor c = new Cursor(Arrays.asList(m.split(" ")), 0);
            String proto = c.next();
            if (protocol(proto, p.protocol()) && (!c.more() || ports(c, proto, p.destinationPort()))) {
                return true;
            }
        }
        return false;
    }

    /** An optional port operator at the cursor; absent means any port. */
    private static boolean ports(Cursor c, String proto, int port) {
        if (!c.more()) {
            return true;
        }
        String op = c.peek();
        switch (op) {
            case "eq", "neq" -> {
                c.next();
                boolean any = false;
                while (c.more() && number(proto, c.peek()).isPresent()) {
                    any |= number(proto, c.next()).getAsInt() == port;
                }
                return op.equals("eq") == any;
            }
            case "lt" -> {
                c.next();
                return port < number(proto, c.next()).getAsInt();
            }
            case "gt" -> {
                c.next();
                return port > number(proto, c.next()).getAsInt();
            }
            case "range" -> {
                c.next();
                int lo = number(proto, c.next()).getAsInt();
                int hi = number(proto, c.next()).getAsInt();
                return port >= lo && port <= hi;
            }
            default -> {
                return true;
            }
        }
    }

    private static OptionalInt number(String proto, String word) {
        return IosPortWords.number(proto.equals("udp") ? "udp" : "tcp", word);
    }

    private static long bits(IPAddress a) {
        return a.getValue().longValue();
    }

    private static final class Cursor {
        private final List<String> w;
        private int i;

        Cursor(List<String> w, int i) {
            this.w = w;
            this.i = i;
        }

        boolean more() {
            return i < w.size();
        }

        String peek() {
            return w.get(i);
        }

        String next() {
            return w.get(i++);
        }
    }
}

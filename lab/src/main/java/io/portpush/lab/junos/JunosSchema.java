package io.portpush.lab.junos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The part of the Junos configuration hierarchy the lab knows, as a tree of statement kinds. A
 * {@code set} path is checked against it word by word; a word it does not expect is a
 * {@code syntax error.} at that word, as on a real router.
 */
final class JunosSchema {
    enum Kind { CONTAINER, NAMED, LEAF, LIST, SET, FLAG }

    /** One statement: its kind, what its value may be, and its children (containers). */
    static final class Stmt {
        final Kind kind;
        final Pattern value;
        final Map<String, Stmt> children = new LinkedHashMap<>();

        Stmt(Kind kind, Pattern value) {
            this.kind = kind;
            this.value = value;
        }

        Stmt add(String keyword, Stmt child) {
            children.put(keyword, child);
            return this;
        }
    }

    static final Pattern ANY = Pattern.compile("\\S+");
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final Pattern PREFIX = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?|[0-9a-fA-F:]+:[0-9a-fA-F:]*(/\\d{1,3})?");
    static final Pattern PORT = Pattern.compile("\\d{1,5}(-\\d{1,5})?|[a-z][a-z0-9-]*");
    static final Pattern PROTOCOL = Pattern.compile("tcp|udp|icmp|icmp6|gre|esp|ah|ospf|pim|igmp|sctp|\\d{1,3}");
    static final Pattern IFNAME = Pattern.compile("(ge|xe|et|fe)-\\d+/\\d+/\\d+|lo0|fxp0|em\\d|irb|ae\\d+");
    static final Pattern DSCP = Pattern.compile("be|ef|af[1-4][1-3]|cs[0-7]|\\d{1,2}");

    static Stmt container() {
        return new Stmt(Kind.CONTAINER, null);
    }

    static Stmt named(Pattern id) {
        return new Stmt(Kind.NAMED, id);
    }

    static Stmt leaf(Pattern v) {
        return new Stmt(Kind.LEAF, v);
    }

    static Stmt list(Pattern v) {
        return new Stmt(Kind.LIST, v);
    }

    static Stmt set(Pattern v) {
        return new Stmt(Kind.SET, v);
    }

    static Stmt flag() {
        return new Stmt(Kind.FLAG, null);
    }

    static final Stmt ROOT = build();

    private static Stmt build() {
        Stmt from = container()
                .add("source-address", set(PREFIX))
                .add("destination-address", set(PREFIX))
                .add("address", set(PREFIX))
                .add("protocol", list(PROTOCOL))
                .add("source-port", list(PORT))
                .add("destination-port", list(PORT))
                .add("port", list(PORT))
                .add("tcp-established", flag())
                .add("icmp-type", list(ANY))
                .add("dscp", list(DSCP));
        Stmt then = container()
                .add("accept", flag())
                .add("discard", flag())
                .add("reject", flag())
                .add("count", leaf(NAME))
                .add("log", flag())
                .add("syslog", flag())
                .add("dscp", leaf(DSCP))
                .add("forwarding-class", leaf(NAME))
                .add("loss-priority", leaf(Pattern.compile("low|medium-low|medium-high|high")));
        Stmt term = named(NAME).add("from", from).add("then", then);
        Stmt filter = named(NAME).add("term", term).add("interface-specific", flag());
        Stmt inetFamily = container().add("filter", filter);
        Stmt firewall = container().add("family", named(Pattern.compile("inet|inet6")).add("filter", filter))
                .add("filter", filter);
        inetFamily.children.size(); // keeps the family shape explicit for readers
        Stmt unitFamily = named(Pattern.compile("inet|inet6"))
                .add("address", set(PREFIX))
                .add("filter", container().add("input", leaf(NAME)).add("output", leaf(NAME)));
        Stmt unit = named(Pattern.compile("\\d{1,5}")).add("family", unitFamily).add("description", leaf(ANY));
        Stmt iface = named(IFNAME).add("description", leaf(ANY)).add("unit", unit).add("disable", flag());
        Stmt system = container().add("host-name", leaf(NAME));
        return container().add("system", system).add("interfaces", iface).add("firewall", firewall);
    }

    /** One step of a path: a keyword with its value (if the statement takes one) and its kind. */
    record Seg(String keyword, String value, Kind kind) {
        String label() {
            return value == null ? keyword : keyword + " " + value;
        }
    }

    /** A checked path: its segments, or the index of the first bad word, or missing a value. */
    record Check(List<Seg> segs, int error, boolean incomplete) {
        boolean ok() {
            return error < 0 && !incomplete;
        }
    }

    static Check check(List<String> words) {
        Stmt s = ROOT;
        List<Seg> segs = new java.util.ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (s.kind == Kind.FLAG || s.kind == Kind.LEAF || s.kind == Kind.LIST || s.kind == Kind.SET) {
                return new Check(segs, i, false);
            }
            String k = words.get(i);
            Stmt child = s.children.get(k);
            if (child == null) {
                return new Check(segs, i, false);
            }
            i++;
            if (child.kind == Kind.CONTAINER || child.kind == Kind.FLAG) {
                segs.add(new Seg(k, null, child.kind));
            } else {
                if (i >= words.size()) {
                    return new Check(segs, -1, child.kind != Kind.NAMED);
                }
                if (!child.value.matcher(words.get(i)).matches()) {
                    return new Check(segs, i, false);
                }
                segs.add(new Seg(k, words.get(i), child.kind));
                i++;
            }
            s = child;
        }
        return new Check(segs, -1, false);
    }
}

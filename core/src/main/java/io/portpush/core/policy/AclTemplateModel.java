package io.portpush.core.policy;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intent as plain maps and lists for Jinja templates ({@code acl.name}, {@code acl.lines},
 * {@code acl.entries}, {@code acl.bindings}). Addresses carry {@code any}, {@code host},
 * {@code address}, {@code prefix} and {@code cidr}, so a template turns them into wildcards,
 * netmasks or prefixes with the {@code ipaddr} filter; ports carry {@code any}, {@code from},
 * {@code to}.
 */
public final class AclTemplateModel {
    private AclTemplateModel() {
    }

    /**
     * {@code lines}: atomic entries numbered 10, 20, ..., each group of entries from one catalogue
     * flow preceded by a remark line naming it. {@code entries}: the intent's entries unsplit
     * (for platforms that take lists, such as Junos terms).
     */
    public static Map<String, Object> of(AclIntent intent) {
        for (AclEntry e : intent.entries()) {
            if (e.qualified()) {
                // what portpush does not model it cannot write back faithfully: refuse rather than send something else
                throw new IntentException("entry '" + e.describe() + "' of " + intent.name() + " holds what portpush cannot render ("
                        + String.join(", ", e.qualifiers()) + "); it cannot be pushed or restored by portpush");
            }
            if (e.source().named() || e.destination().named()) {
                throw new IntentException("entry '" + e.describe() + "' of " + intent.name() + " names addresses portpush cannot "
                        + "list (" + String.join(", ", e.source().names()) + (e.source().named() && e.destination().named() ? ", " : "")
                        + String.join(", ", e.destination().names()) + "); it cannot be pushed or restored by portpush");
            }
        }
        Map<String, Object> acl = new LinkedHashMap<>();
        acl.put("name", intent.name());
        acl.put("stateful", intent.stateful());
        acl.put("object_groups", intent.objectGroups());
        List<Map<String, Object>> lines = new ArrayList<>();
        String lastOrigin = null;
        int seq = 10;
        for (AclEntry e : AclEntries.flatten(intent.entries())) {
            if (e.origin() != null && !e.origin().isEmpty() && !e.origin().equals(lastOrigin)) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("seq", seq);
                r.put("remark", "portpush " + e.origin());
                lines.add(r);
                seq += 10;
                lastOrigin = e.origin();
            }
            Map<String, Object> m = entry(e);
            m.put("seq", seq);
            lines.add(m);
            seq += 10;
        }
        acl.put("lines", lines);
        if (intent.objectGroups()) {
            groupedLines(intent, acl);
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        int n = 1;
        for (AclEntry e : intent.entries()) {
            Map<String, Object> m = entry(e);
            m.put("index", n++);
            m.put("sources", e.source().prefixes().stream().map(AclTemplateModel::address).toList());
            m.put("destinations", e.destination().prefixes().stream().map(AclTemplateModel::address).toList());
            m.put("source_port_list", e.sourcePorts().ranges().stream().map(AclTemplateModel::range).toList());
            m.put("destination_port_list", e.destinationPorts().ranges().stream().map(AclTemplateModel::range).toList());
            entries.add(m);
        }
        acl.put("entries", entries);
        List<Map<String, Object>> bindings = new ArrayList<>();
        for (Binding b : intent.bindings()) {
            bindings.add(Map.of("target", b.target(), "direction", b.direction().word()));
        }
        acl.put("bindings", bindings);
        return acl;
    }

    /**
     * With object-groups: {@code groups} (service groups {@code NAME-P<n>} of an entry's several
     * destination ports, with {@code members} {protocol, from, to}) and {@code grouped_lines}, like
     * {@code lines} but with {@code group} set on lines whose ports the group stands for.
     */
    private static void groupedLines(AclIntent intent, Map<String, Object> acl) {
        List<Map<String, Object>> groups = new ArrayList<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        int seq = 10;
        int index = 0;
        for (AclEntry e : intent.entries()) {
            index++;
            boolean grouped = e.ports() && e.destinationPorts().ranges().size() > 1 && e.sourcePorts().any() && !e.established();
            String group = grouped ? intent.name() + "-P" + index : null;
            if (grouped) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("name", group);
                g.put("protocol", e.protocol());
                g.put("members", e.destinationPorts().ranges().stream().map(AclTemplateModel::range).toList());
                groups.add(g);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("seq", seq);
            r.put("remark", "portpush " + e.origin());
            lines.add(r);
            seq += 10;
            AclEntry shape = grouped ? new AclEntry(e.action(), e.protocol(), e.source(), e.sourcePorts(), e.destination(), PortMatch.ANY,
                    e.established(), e.log(), e.origin()) : e;
            for (AclEntry atom : AclEntries.flatten(List.of(shape))) {
                Map<String, Object> m = entry(atom);
                m.put("seq", seq);
                if (grouped) {
                    m.put("group", group);
                }
                lines.add(m);
                seq += 10;
            }
        }
        acl.put("groups", groups);
        acl.put("grouped_lines", lines);
    }

    private static Map<String, Object> entry(AclEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", e.action().word());
        m.put("protocol", e.protocol());
        m.put("src", set(e.source()));
        m.put("src_ports", ports(e.sourcePorts()));
        m.put("dst", set(e.destination()));
        m.put("dst_ports", ports(e.destinationPorts()));
        m.put("established", e.established());
        m.put("log", e.log());
        m.put("origin", e.origin() == null ? "" : e.origin());
        m.put("slug", (e.origin() == null || e.origin().isEmpty() ? "entry" : e.origin()).replaceAll("[^A-Za-z0-9-]", "-"));
        return m;
    }

    private static Map<String, Object> set(AddressSet s) {
        if (s.any()) {
            return Map.of("any", true, "host", false, "address", "0.0.0.0", "prefix", 0, "cidr", "0.0.0.0/0");
        }
        return address(s.prefixes().get(0));
    }

    private static Map<String, Object> address(IPAddress p) {
        int len = p.getNetworkPrefixLength();
        String addr = p.getLower().withoutPrefixLength().toCanonicalString();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("any", false);
        m.put("host", len == p.getBitCount());
        m.put("address", addr);
        m.put("prefix", len);
        m.put("cidr", addr + "/" + len);
        m.put("ipv6", p.isIPv6());
        return m;
    }

    private static Map<String, Object> ports(PortMatch p) {
        if (p.any()) {
            return Map.of("any", true, "from", 0, "to", 65535);
        }
        return range(p.ranges().get(0));
    }

    private static Map<String, Object> range(PortRange r) {
        return Map.of("any", false, "from", r.from(), "to", r.to());
    }
}

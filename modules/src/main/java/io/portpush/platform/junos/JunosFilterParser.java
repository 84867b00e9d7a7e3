package io.portpush.platform.junos;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.PortMatch;
import io.portpush.core.policy.PortRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Junos firewall filters from {@code show configuration ... | display set}: one entry per
 * term, in term order, with its addresses, protocol, ports (numbers, ranges, keywords),
 * {@code tcp-established}, and accept/discard/reject; and filter bindings from interface units.
 */
public final class JunosFilterParser {
    private static final Pattern TERM = Pattern.compile(
            "^set firewall (?:family inet )?filter (\\S+) term (\\S+) (from|then) (\\S+)(?: (.+))?$");
    private static final Pattern BIND = Pattern.compile(
            "^set interfaces (\\S+) unit (\\d+) family inet filter (input|output) (\\S+)$");

    private JunosFilterParser() {
    }

    private static final class Term {
        final List<String> sources = new ArrayList<>();
        final List<String> destinations = new ArrayList<>();
        final List<String> protocols = new ArrayList<>();
        final List<PortRange> sourcePorts = new ArrayList<>();
        final List<PortRange> destinationPorts = new ArrayList<>();
        final List<PortRange> eitherPorts = new ArrayList<>();
        final List<String> qualifiers = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        String unrecognised;
        boolean established;
        boolean log;
        Action action;
    }

    /** Filter name to its entries, in order. The term name (without portpush's "tN-" prefix) is the origin. */
    public static Map<String, List<AclEntry>> filters(String displaySet) {
        Map<String, Map<String, Term>> filters = new LinkedHashMap<>();
        for (String line : displaySet.replace("\r", "").split("\n")) {
            Matcher m = TERM.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            Term t = filters.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).computeIfAbsent(m.group(2), k -> new Term());
            t.lines.add(line.strip());
            try {
                read(t, m.group(3), m.group(4), m.group(5) == null ? "" : m.group(5), line);
            } catch (RuntimeException e) {
                // one condition portpush cannot read makes the whole term unrecognised: never a term read without it
                t.unrecognised = e.getMessage();
            }
        }
        Map<String, List<AclEntry>> out = new LinkedHashMap<>();
        filters.forEach((name, terms) -> {
            List<AclEntry> entries = new ArrayList<>();
            terms.forEach((termName, t) -> {
                if (t.unrecognised != null) {
                    entries.add(AclEntry.unrecognised(String.join("; ", t.lines)));
                    return;
                }
                List<String> protocols = t.protocols.isEmpty() ? List.of("ip") : t.protocols;
                String origin = termName.replaceFirst("^t\\d+-", "");
                Action action = t.action == null ? Action.PERMIT : t.action;
                for (String proto : protocols) {
                    if (t.eitherPorts.isEmpty()) {
                        entries.add(new AclEntry(action, proto, AddressSet.parse(t.sources), new PortMatch(t.sourcePorts),
                                AddressSet.parse(t.destinations), new PortMatch(t.destinationPorts), t.established, t.log, origin,
                                t.qualifiers));
                    } else {
                        // "from port P" matches P as the source or as the destination port: two entries, same action
                        entries.add(new AclEntry(action, proto, AddressSet.parse(t.sources), new PortMatch(t.eitherPorts),
                                AddressSet.parse(t.destinations), new PortMatch(t.destinationPorts), t.established, t.log, origin,
                                t.qualifiers));
                        entries.add(new AclEntry(action, proto, AddressSet.parse(t.sources), new PortMatch(t.sourcePorts),
                                AddressSet.parse(t.destinations), new PortMatch(t.eitherPorts), t.established, t.log, origin,
                                t.qualifiers));
                    }
                }
            });
            out.put(name, entries);
        });
        return out;
    }

    /** ICMP type names of Junos {@code icmp-type} (Junos Routing Policy guide, "Firewall Filter Match Conditions for IPv4 Traffic"). */
    private static final Map<String, Integer> ICMP_TYPES = Map.ofEntries(
            Map.entry("echo-reply", 0), Map.entry("unreachable", 3), Map.entry("source-quench", 4), Map.entry("redirect", 5),
            Map.entry("echo-request", 8), Map.entry("router-advertisement", 9), Map.entry("router-solicit", 10),
            Map.entry("time-exceeded", 11), Map.entry("parameter-problem", 12), Map.entry("timestamp", 13),
            Map.entry("timestamp-reply", 14), Map.entry("info-request", 15), Map.entry("info-reply", 16),
            Map.entry("mask-request", 17), Map.entry("mask-reply", 18));

    private static void read(Term t, String part, String what, String value, String line) {
        if (part.equals("from")) {
            switch (what) {
                case "source-address", "destination-address" -> {
                    if (value.endsWith(" except")) {
                        throw new IllegalArgumentException("'except' addresses are not modelled: " + line);
                    }
                    (what.startsWith("source") ? t.sources : t.destinations).add(value);
                }
                case "protocol" -> t.protocols.add(JunosProtocols.of(value)
                        .orElseThrow(() -> new IllegalArgumentException("unknown protocol '" + value + "' in '" + line + "'")));
                case "source-port" -> t.sourcePorts.add(range(value, line));
                case "destination-port" -> t.destinationPorts.add(range(value, line));
                case "port" -> t.eitherPorts.add(range(value, line));
                case "tcp-established" -> t.established = true;
                case "icmp-type" -> {
                    Integer n = ICMP_TYPES.get(value);
                    if (n == null && !value.matches("\\d{1,3}")) {
                        throw new IllegalArgumentException("unknown icmp-type '" + value + "' in '" + line + "'");
                    }
                    t.qualifiers.add("icmp " + (n == null ? value : n));
                }
                case "dscp", "precedence", "tcp-flags", "fragment-flags", "ttl" -> t.qualifiers.add(what + " " + value);
                case "is-fragment", "first-fragment", "tcp-initial" -> t.qualifiers.add(what);
                default -> throw new IllegalArgumentException("match condition '" + what + "' is not modelled: " + line);
            }
        } else {
            switch (what) {
                case "accept" -> t.action = Action.PERMIT;
                case "discard", "reject" -> t.action = Action.DENY;
                case "syslog", "log" -> t.log = true;
                // actions that do not decide the packet's fate
                case "count", "forwarding-class", "loss-priority", "policer", "sample", "dscp" -> {
                }
                default -> throw new IllegalArgumentException("action '" + what + "' is not modelled: " + line);
            }
        }
    }

    private static PortRange range(String v, String line) {
        String[] p = v.split("-");
        OptionalInt a = JunosPortNames.number(p[0]);
        OptionalInt b = p.length > 1 ? JunosPortNames.number(p[1]) : a;
        if (a.isEmpty() || b.isEmpty()) {
            throw new IllegalArgumentException("unknown port '" + v + "' in '" + line + "'");
        }
        return new PortRange(a.getAsInt(), b.getAsInt());
    }

    /** Filter name to the interface units it is applied to. */
    public static Map<String, List<Binding>> bindings(String displaySet) {
        Map<String, List<Binding>> out = new LinkedHashMap<>();
        for (String line : displaySet.replace("\r", "").split("\n")) {
            Matcher m = BIND.matcher(line.strip());
            if (m.matches()) {
                out.computeIfAbsent(m.group(4), k -> new ArrayList<>()).add(new Binding(m.group(1) + "." + m.group(2),
                        m.group(3).equals("input") ? Binding.Direction.IN : Binding.Direction.OUT));
            }
        }
        return out;
    }
}

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
            String what = m.group(4);
            String value = m.group(5);
            if (m.group(3).equals("from")) {
                switch (what) {
                    case "source-address" -> t.sources.add(value.replace(" except", ""));
                    case "destination-address" -> t.destinations.add(value.replace(" except", ""));
                    case "protocol" -> t.protocols.add(value);
                    case "source-port" -> t.sourcePorts.add(range(value, line));
                    case "destination-port" -> t.destinationPorts.add(range(value, line));
                    case "tcp-established" -> t.established = true;
                    default -> {
                        // other match conditions (dscp, icmp-type) do not change what portpush models
                    }
                }
            } else {
                switch (what) {
                    case "accept" -> t.action = Action.PERMIT;
                    case "discard", "reject" -> t.action = Action.DENY;
                    case "syslog", "log" -> t.log = true;
                    default -> {
                        // count, forwarding-class, dscp: actions that do not decide the packet's fate
                    }
                }
            }
        }
        Map<String, List<AclEntry>> out = new LinkedHashMap<>();
        filters.forEach((name, terms) -> {
            List<AclEntry> entries = new ArrayList<>();
            terms.forEach((termName, t) -> {
                List<String> protocols = t.protocols.isEmpty() ? List.of("ip") : t.protocols;
                for (String proto : protocols) {
                    entries.add(new AclEntry(t.action == null ? Action.PERMIT : t.action, proto, AddressSet.parse(t.sources),
                            new PortMatch(t.sourcePorts), AddressSet.parse(t.destinations), new PortMatch(t.destinationPorts),
                            t.established, t.log, termName.replaceFirst("^t\\d+-", "")));
                }
            });
            out.put(name, entries);
        });
        return out;
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

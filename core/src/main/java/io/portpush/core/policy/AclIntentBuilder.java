package io.portpush.core.policy;

import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.catalogue.DestinationPorts;
import io.portpush.core.catalogue.Flow;
import io.portpush.core.catalogue.Scope;
import io.portpush.core.catalogue.SourcePort;
import io.portpush.core.catalogue.Transport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an {@link AclSpec} into an {@link AclIntent}: each catalogue flow becomes entries from
 * its initiator's addresses to its listener's addresses on its transport and ports (both ways
 * for flows both sides initiate), {@code tcp+udp} becomes two entries, return traffic is made explicit
 * for stateless platforms, and the default action closes the list.
 *
 * <p>Localhost-only flows are never opened on a network device unless {@code force}; a
 * configurable port without a default needs a value in {@code ports}; a role without
 * addresses is an error naming the variable to set.
 */
public final class AclIntentBuilder {
    private final Catalogue catalogue;
    private final Map<String, AddressSet> roles;

    /** @param roles role id to addresses, from the {@code roles} variable */
    public AclIntentBuilder(Catalogue catalogue, Map<String, AddressSet> roles) {
        this.catalogue = catalogue;
        this.roles = roles;
    }

    public AclIntent build(AclSpec spec, boolean stateful) {
        List<AclEntry> entries = new ArrayList<>();
        List<AclEntry> returns = new ArrayList<>();
        boolean returnNeeded = spec.returnTraffic() == AclSpec.ReturnTraffic.REVERSE
                || (spec.returnTraffic() == AclSpec.ReturnTraffic.AUTO && !stateful);
        for (AclSpec.Rule rule : spec.rules()) {
            if (rule.literal() != null) {
                entries.add(rule.literal());
                continue;
            }
            Set<Flow> flows = new LinkedHashSet<>();
            for (String ref : rule.refs()) {
                flows.addAll(catalogue.resolveForPolicy(ref, rule.includeOptional()));
            }
            for (Flow f : flows) {
                if (f.scope() == Scope.LOCALHOST_ONLY && rule.action() == Action.PERMIT && !spec.force()) {
                    throw new IntentException(f.isAmbiguous()
                            ? "flow " + f.ref() + " (port " + f.ports().display() + ") is kept localhost-only, but the seed is "
                            + "ambiguous: " + f.ambiguous() + " portpush will not open it on a network device on one reading. "
                            + "If your release uses it between nodes (check its port list), set force: true on this acl, or "
                            + "add an intra-cluster flow for it to a catalogue of your own (--catalogue) and name that flow in the "
                            + "rule; otherwise remove it from the rule."
                            : "flow " + f.ref() + " (port " + f.ports().display() + ") is localhost-only: the catalogue says "
                            + "it never leaves the IM and Presence host, so portpush will not open it on a network device. Remove it "
                            + "from the rule, or set force: true if you really mean it.");
                }
                List<Integer> ports = ports(f, spec);
                AddressSet src = rule.from() != null ? rule.from() : role(f.from().role(), f);
                AddressSet dst = rule.to() != null ? rule.to() : role(f.to().role(), f);
                // entries only for the sides that open sessions: a directory never connects to LDAP clients on 389
                if (f.fromInitiates()) {
                    addFlow(entries, returns, rule, f, src, dst, ports, returnNeeded);
                }
                if (f.toInitiates()) {
                    addFlow(entries, returns, rule, f, dst, src, ports, returnNeeded);
                }
            }
        }
        List<AclEntry> all = new ArrayList<>(dedupe(entries));
        for (AclEntry r : dedupe(returns)) {
            // a return entry can be covered by a forward entry of the opposite flow (8500 <-> 8500): keep the forward one
            if (all.stream().noneMatch(x -> x.action() == Action.PERMIT && x.covers(r))) {
                all.add(r);
            }
        }
        all.add(new AclEntry(spec.defaultAction(), "ip", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.ANY, false,
                spec.defaultLog(), "default"));
        return new AclIntent(spec.name(), all, spec.bindings(), stateful, spec.objectGroups());
    }

    private static List<AclEntry> dedupe(List<AclEntry> in) {
        List<AclEntry> out = new ArrayList<>();
        for (AclEntry e : in) {
            if (out.stream().noneMatch(o -> o.matchPart().equals(e.matchPart()))) {
                out.add(e);
            }
        }
        return out;
    }

    private void addFlow(List<AclEntry> entries, List<AclEntry> returns, AclSpec.Rule rule, Flow f, AddressSet src, AddressSet dst,
                         List<Integer> ports, boolean returnNeeded) {
        PortMatch dstPorts = ports.isEmpty() ? PortMatch.ANY : PortMatch.of(ports.stream().mapToInt(Integer::intValue).toArray());
        PortMatch srcPorts = f.sourcePort() instanceof SourcePort.Fixed fixed ? PortMatch.of(fixed.port()) : PortMatch.ANY;
        List<String> protocols = switch (f.transport()) {
            case TCP -> List.of("tcp");
            case UDP -> List.of("udp");
            case TCP_UDP -> List.of("tcp", "udp");
            case IP -> List.of(f.protocol().equalsIgnoreCase("ICMP") ? "icmp" : "ip");
        };
        for (String proto : protocols) {
            boolean withPorts = f.transport() != Transport.IP;
            entries.add(new AclEntry(rule.action(), proto, src, withPorts ? srcPorts : PortMatch.ANY, dst,
                    withPorts ? dstPorts : PortMatch.ANY, false, rule.log(), f.ref()));
            if (returnNeeded && rule.action() == Action.PERMIT && withPorts) {
                // the listener answers from its port to the initiator; TCP answers carry ACK (established)
                returns.add(new AclEntry(Action.PERMIT, proto, dst, dstPorts, src, srcPorts, proto.equals("tcp"), false,
                        "return:" + f.ref()));
            }
        }
    }

    private AddressSet role(String role, Flow f) {
        AddressSet a = roles.get(role);
        if (a == null) {
            throw new IntentException("flow " + f.ref() + " needs addresses for role '" + role + "': add it to the 'roles' variable "
                    + "(for example roles: {" + role + ": [192.0.2.0/24]}) in group_vars, play vars or the task, or give from/to in the rule");
        }
        return a;
    }

    private static List<Integer> ports(Flow f, AclSpec spec) {
        List<Integer> override = spec.portOverrides().get(f.ref());
        if (override != null) {
            if (!f.ports().configurable()) {
                throw new IntentException("flow " + f.ref() + " has fixed ports " + f.ports().display()
                        + " in the catalogue; 'ports' overrides only configurable ones");
            }
            return override;
        }
        if (f.ports() instanceof DestinationPorts.Configurable c && c.defaults().isEmpty()) {
            throw new IntentException("flow " + f.ref() + " has a configurable destination port with no default in the catalogue; "
                    + "set it with ports: {" + f.ref() + ": [PORT]}");
        }
        return f.ports().defaults();
    }
}

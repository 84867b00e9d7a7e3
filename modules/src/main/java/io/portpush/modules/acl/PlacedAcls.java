package io.portpush.modules.acl;

import inet.ipaddr.IPAddress;
import io.portpush.core.placement.Placement;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One policy written as the ACLs a device needs where it sits ({@code placement: auto}): each
 * entry goes inbound on the interface its source sits behind, its addresses cut to the part
 * that crosses the device (source behind that interface, destination behind another), so no
 * entry is written where it can never match. Return entries of stateless platforms come out
 * inbound on the server's side by the same rule, since their source is the server. An entry
 * whose packets never cross the device is left out and said so. The default entry ends every list,
 * and a deny default gets a list on every interface, even one where no permitted flow enters: the
 * policy speaks for every packet that crosses the device, not only for the flows it names.
 *
 * @param acls one intent per ingress zone that has entries, bound inbound on its interface
 * @param notes what the plan did that a reviewer should know (splits, flows left out)
 */
record PlacedAcls(List<AclIntent> acls, List<String> notes) {
    static PlacedAcls of(AclIntent intent, Placement placement, Map<String, String> names) {
        Map<Placement.Zone, List<AclEntry>> byZone = new LinkedHashMap<>();
        placement.zones().forEach(z -> byZone.put(z, new ArrayList<>()));
        List<String> notes = new ArrayList<>();
        List<AclEntry> defaults = new ArrayList<>();
        for (AclEntry e : intent.entries()) {
            if ("default".equals(e.origin())) {
                defaults.add(e);
                continue;
            }
            if (e.unrecognised() || !e.source().names().isEmpty() || !e.destination().names().isEmpty()) {
                // names the device resolves itself cannot be placed: kept everywhere, as written
                byZone.values().forEach(l -> l.add(e));
                notes.add(e.describe() + ": names an address portpush cannot place; written on every interface");
                continue;
            }
            Map<Placement.Zone, List<IPAddress>> from = placement.split(e.source());
            Map<Placement.Zone, List<IPAddress>> to = placement.split(e.destination());
            if (from.size() > 1 && !e.source().prefixes().isEmpty()) {
                notes.add(e.describe() + ": its source sits behind " + from.size() + " interfaces; split between them");
            }
            boolean crosses = false;
            for (Map.Entry<Placement.Zone, List<IPAddress>> in : from.entrySet()) {
                List<IPAddress> elsewhere = new ArrayList<>();
                to.forEach((zone, part) -> {
                    if (!zone.equals(in.getKey())) {
                        elsewhere.addAll(part);
                    }
                });
                if (elsewhere.isEmpty()) {
                    continue;
                }
                crosses = true;
                AddressSet src = e.source().prefixes().isEmpty() ? AddressSet.ANY : new AddressSet(in.getValue());
                // "any" stays any: a packet for an address behind its own interface does not come this way
                AddressSet dst = e.destination().prefixes().isEmpty() ? AddressSet.ANY : new AddressSet(elsewhere);
                byZone.get(in.getKey()).add(new AclEntry(e.action(), e.protocol(), src, e.sourcePorts(), dst, e.destinationPorts(),
                        e.established(), e.log(), e.origin(), e.qualifiers()));
            }
            if (!crosses) {
                notes.add(e.describe() + " (" + e.origin() + "): source and destination sit behind the same interface; its packets do not "
                        + "cross this device, so no list holds it");
            }
        }
        List<AclIntent> out = new ArrayList<>();
        boolean denies = defaults.stream().anyMatch(d -> d.action() == io.portpush.core.policy.Action.DENY);
        byZone.forEach((zone, entries) -> {
            if (entries.isEmpty() && !denies) {
                return; // a list that permits everything filters nothing
            }
            if (entries.isEmpty()) {
                // the policy's default decides what enters here too; without a list the interface would pass everything
                notes.add(zone.iface() + " (" + zone.name() + "): the policy permits nothing that enters here; its list holds only the default");
            }
            List<AclEntry> all = new ArrayList<>(entries);
            all.addAll(defaults);
            String name = names.getOrDefault(zone.name(), intent.name() + "-" + zone.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_.-]", "-"));
            out.add(new AclIntent(name, all, List.of(new Binding(zone.iface(), Binding.Direction.IN)), intent.stateful(), intent.objectGroups()));
        });
        return new PlacedAcls(out, notes);
    }
}

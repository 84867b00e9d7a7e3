package io.portpush.modules.acl;

import inet.ipaddr.IPAddress;
import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.catalogue.Flow;
import io.portpush.core.catalogue.Transport;
import io.portpush.core.meaning.ExplainRequest;
import io.portpush.core.meaning.Packet;
import io.portpush.core.meaning.PacketTrace;
import io.portpush.core.placement.Placement;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.DeviceAcl;
import io.portpush.core.runner.ModuleArgs;
import io.portpush.core.runner.RunOptions;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code portpush explain} for one acl task on one host: for a packet (or each sample packet of a
 * catalogue flow), the list's bindings on its path through the device (inbound where the source
 * sits, outbound where the destination sits, by the host's {@code zones}), and for each the entry
 * that decides it, read from the device or, in check mode, from the intent.
 */
final class AclExplain {
    private AclExplain() {
    }

    static TaskResult explain(TaskContext ctx, ModuleArgs a, ExplainRequest request, AclIntent intent, Optional<Placement> placement,
                              Supplier<Optional<DeviceAcl>> device) {
        List<Packet> packets = packets(ctx, a, request);
        boolean fromIntent = ctx.options().mode() == RunOptions.Mode.LINT;
        List<AclEntry> entries;
        List<Binding> bindings;
        List<Integer> sequences = List.of();
        if (fromIntent) {
            entries = AclEntries.flatten(intent.entries());
            bindings = intent.bindings();
        } else {
            Optional<DeviceAcl> acl = device.get();
            if (acl.isEmpty()) {
                return TaskResult.ok(intent.name() + ": not on the device", Map.of("explain", List.of(ctx.host() + " " + intent.name()
                        + ": the device holds no such list")));
            }
            entries = acl.get().entries();
            bindings = acl.get().bindings();
            sequences = acl.get().sequences();
        }
        String source = fromIntent ? "intent" : "device";
        List<String> lines = new ArrayList<>();
        for (Packet p : packets) {
            List<Binding> path = path(placement, bindings, p, lines, ctx.host());
            for (Binding b : path) {
                PacketTrace.Decision d = PacketTrace.decide(entries, p);
                String where = ctx.host() + " " + intent.name() + " " + b.direction().word() + " on " + b.target() + " (" + source + ")";
                d.maybe().forEach(m -> lines.add(where + ": " + p + " may be decided first by " + m));
                if (d.entry() < 0) {
                    lines.add(where + ": " + p + " denied by the implicit deny after the last entry (" + entries.size() + " entries)");
                } else {
                    int seq = sequences.isEmpty() ? -1 : sequences.get(d.entry());
                    lines.add(where + ": " + p + " " + (d.permitted() ? "permitted" : "denied") + " by entry " + (d.entry() + 1)
                            + (seq > 0 ? " (sequence " + seq + ")" : "") + ": " + entries.get(d.entry()).describe());
                }
            }
        }
        return TaskResult.ok(intent.name() + ": explained " + packets.size() + " packet(s)", Map.of("explain", lines));
    }

    /** The bindings a packet meets: by placement when the host has zones, else every binding. */
    private static List<Binding> path(Optional<Placement> placement, List<Binding> bindings, Packet p, List<String> lines, String host) {
        if (placement.isEmpty()) {
            if (!bindings.isEmpty()) {
                lines.add(host + ": no zones in the inventory, so every binding of the list is shown (set zones: to follow the packet's path)");
            }
            return bindings;
        }
        Optional<Placement.Zone> in = placement.get().locate(dotted(p.source()));
        Optional<Placement.Zone> out = placement.get().locate(dotted(p.destination()));
        if (in.isPresent() && out.isPresent() && in.get().iface().equals(out.get().iface())) {
            lines.add(host + ": " + p + " does not cross the device: source and destination both sit behind " + in.get().iface());
            return List.of();
        }
        List<Binding> path = new ArrayList<>();
        for (Binding b : bindings) {
            boolean ingress = in.isPresent() && b.direction() == Binding.Direction.IN && b.target().equals(in.get().iface());
            boolean egress = out.isPresent() && b.direction() == Binding.Direction.OUT && b.target().equals(out.get().iface());
            if (ingress || egress) {
                path.add(b);
            }
        }
        if (path.isEmpty()) {
            lines.add(host + ": " + p + " enters on " + in.map(Placement.Zone::iface).orElse("?") + " and leaves on "
                    + out.map(Placement.Zone::iface).orElse("?") + "; this list is not bound on that path");
        }
        return path;
    }

    private static String dotted(long a) {
        return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
    }

    private static List<Packet> packets(TaskContext ctx, ModuleArgs a, ExplainRequest request) {
        if (request.packet().isPresent()) {
            return List.of(Packet.parse(request.packet().get()));
        }
        String ref = request.flow().orElseThrow();
        Catalogue catalogue = ctx.service(Catalogue.class);
        Flow f = catalogue.flow(ref).orElseThrow(() -> a.error("", "'" + ref + "' is not a catalogue flow (see 'portpush catalogue search')"));
        Map<String, AddressSet> roles = RoleBindings.read(ctx, a);
        AddressSet from = roles.get(f.from().role());
        AddressSet to = roles.get(f.to().role());
        if (from == null || to == null) {
            throw a.error("roles", "flow " + ref + " runs " + f.from().role() + " -> " + f.to().role() + "; host " + ctx.host()
                    + " binds no addresses to " + (from == null ? f.from().role() : f.to().role()));
        }
        List<Packet> out = new ArrayList<>();
        List<Integer> protocols = f.transport() == Transport.UDP ? List.of(17) : f.transport() == Transport.TCP_UDP ? List.of(6, 17)
                : f.transport() == Transport.IP ? List.of(0) : List.of(6);
        List<Integer> ports = f.ports().defaults().isEmpty() ? List.of(0) : f.ports().defaults();
        for (int proto : protocols) {
            for (int port : ports.subList(0, Math.min(4, ports.size()))) {
                // a host inside each role's first prefix, from an ephemeral port
                out.add(new Packet(proto, sample(from), 49152, sample(to), port, false, List.of()));
            }
        }
        return out;
    }

    private static long sample(AddressSet s) {
        if (s.prefixes().isEmpty()) {
            return (198L << 24) | (51L << 16) | (100L << 8) | 1; // any: a documentation address
        }
        IPAddress p = s.prefixes().get(0);
        IPAddress block = p.getNetworkPrefixLength() != null ? p.toPrefixBlock() : p;
        long lo = block.getLower().getValue().longValue();
        long hi = block.getUpper().getValue().longValue();
        return hi - lo >= 2 ? lo + 1 : lo;
    }
}

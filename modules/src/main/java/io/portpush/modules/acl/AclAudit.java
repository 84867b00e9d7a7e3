package io.portpush.modules.acl;

import inet.ipaddr.IPAddress;
import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.catalogue.Flow;
import io.portpush.core.catalogue.Scope;
import io.portpush.core.meaning.AuditRequest;
import io.portpush.core.meaning.MeaningDiff;
import io.portpush.core.meaning.Reachability;
import io.portpush.core.placement.Placement;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AclIntentBuilder;
import io.portpush.core.policy.AclSpec;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.DeviceAcl;
import io.portpush.core.runner.ModuleArgs;
import io.portpush.core.runner.RunOptions;
import io.portpush.core.runner.Status;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code portpush audit} for one acl task on one host: every catalogue flow between the roles the
 * task's rules name (localhost-only flows aside), each way a session opens and, on stateless
 * platforms, the way its answers come back; for each, the path through the device by the host's
 * placement, and whether the intent and the device let it through there: all of it, none of it
 * or part of it, decided exactly ({@link Reachability}). A flow the intent permits that the device
 * blocks (or the reverse) is a finding.
 *
 * <p>The intent of a task with {@code placement: auto} is its whole policy on every path that
 * crosses the device; a task with {@code bind:} speaks only for the paths its list is bound on.
 * The device's side is the lists the task manages, with the bindings read from the device.
 */
final class AclAudit {
    private AclAudit() {
    }

    /** What the audit found on one leg of one flow on one path. */
    record Row(String flow, String roles, String leg, String path, String intent, String device, String lists, String status,
               String example) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("flow", flow);
            m.put("roles", roles);
            m.put("leg", leg);
            m.put("path", path);
            m.put("intent", intent);
            m.put("device", device);
            m.put("lists", lists);
            m.put("status", status);
            m.put("example", example);
            m.put("finding", finding()); // readers (console, HTML) take the verdict from here, not from the status words
            return m;
        }

        boolean finding() {
            return !status.equals("ok") && !status.equals("unfiltered") && !status.equals("does not cross");
        }
    }

    static TaskResult audit(TaskContext ctx, ModuleArgs a, AuditRequest request, AclSpec spec, AclIntent whole,
                            Optional<PlacedAcls> placed, Optional<Placement> placement, boolean stateful,
                            Function<String, Optional<DeviceAcl>> device, java.util.function.Predicate<Binding> transit,
                            java.util.function.Supplier<List<String>> otherLists) {
        Catalogue catalogue = ctx.service(Catalogue.class);
        Map<String, AddressSet> roles = RoleBindings.read(ctx, a);
        boolean fromDevice = ctx.options().mode() != RunOptions.Mode.LINT;
        List<AclIntent> intended = placed.map(PlacedAcls::acls).orElse(List.of(whole));
        List<DeviceAcl> held = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (fromDevice) {
            Set<String> names = new LinkedHashSet<>();
            intended.forEach(i -> names.add(i.name()));
            // every list bound anywhere on the device, managed by this playbook or not: a hand-made list on the path decides too
            List<String> others = new ArrayList<>();
            for (String other : otherLists.get()) {
                if (names.add(other)) {
                    others.add(other);
                }
            }
            for (String n : names) {
                device.apply(n).ifPresent(held::add);
            }
            if (!others.isEmpty()) {
                notes.add("host " + ctx.host() + ": lists on its interfaces that this task does not manage, judged on their paths too: "
                        + String.join(", ", others));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Flow f : relevant(catalogue, spec, roles, request)) {
            List<Leg> legs;
            try {
                legs = legs(catalogue, roles, f, stateful, spec);
            } catch (io.portpush.core.policy.IntentException e) {
                // a configurable port with no default: nothing to judge until the task names the port
                notes.add(f.ref() + " not audited: " + e.getMessage());
                continue;
            }
            for (Leg leg : legs) {
                rows.addAll(judge(f, leg, whole, intended, placed.isPresent(), placement, held, fromDevice, transit));
            }
        }
        List<Map<String, Object>> data = rows.stream().map(Row::toMap).toList();
        List<String> findings = rows.stream().filter(Row::finding).map(r -> r.flow + " " + r.leg + " " + r.path + ": " + r.status
                + " (intent " + r.intent + ", device " + r.device + ")" + (r.example.isEmpty() ? "" : "; e.g. " + r.example)).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("acl", whole.name());
        out.put("audit", data);
        if (placement.isPresent() && ctx.vars().get("zones") == null) {
            notes.add("host " + ctx.host() + ": placement read from the device's routing table (one zone per interface: "
                    + String.join(", ", placement.get().zones().stream().map(Placement.Zone::iface).toList()) + ")");
        }
        if (placement.isEmpty()) {
            notes.add("host " + ctx.host() + " has no zones: every binding of the list is taken to be on every flow's path");
        }
        out.put("notes", notes);
        long flows = rows.stream().map(Row::flow).distinct().count();
        if (findings.isEmpty()) {
            return new TaskResult(Status.OK, whole.name() + ": " + flows + " catalogue flow(s), " + rows.size() + " path(s), as intended",
                    out, "", List.of());
        }
        out.put("findings", findings);
        return new TaskResult(Status.FAILED, whole.name() + ": " + findings.size() + " of " + rows.size() + " flow path(s) not as intended",
                out, "", List.of());
    }

    /** Every catalogue flow whose two roles the task's rules name and the host binds; localhost-only flows never cross a device. */
    private static List<Flow> relevant(Catalogue catalogue, AclSpec spec, Map<String, AddressSet> roles, AuditRequest request) {
        Set<String> named = new LinkedHashSet<>();
        for (AclSpec.Rule rule : spec.rules()) {
            for (String ref : rule.literal() == null ? rule.refs() : List.<String>of()) {
                for (Flow f : catalogue.resolveForPolicy(ref, true)) {
                    named.add(f.from().role());
                    named.add(f.to().role());
                }
            }
        }
        List<Flow> out = new ArrayList<>();
        for (Flow f : catalogue.flows()) {
            if (f.scope() == Scope.LOCALHOST_ONLY || !named.contains(f.from().role()) || !named.contains(f.to().role())
                    || !roles.containsKey(f.from().role()) || !roles.containsKey(f.to().role())) {
                continue;
            }
            if (request.flow().isPresent() && !f.ref().equals(request.flow().get()) && !f.group().equals(request.flow().get())) {
                continue;
            }
            out.add(f);
        }
        return out;
    }

    /** One direction of a flow: the entries that would open it, all with the same source and destination. */
    private record Leg(String name, String roles, AddressSet source, AddressSet destination, List<AclEntry> entries) {
    }

    /** The flow's legs, from the entries portpush would write for it alone (the catalogue's ports, this task's port overrides). */
    private static List<Leg> legs(Catalogue catalogue, Map<String, AddressSet> roles, Flow f, boolean stateful, AclSpec spec) {
        AclSpec one = new AclSpec("audit", List.of(new AclSpec.Rule(Action.PERMIT, List.of(f.ref()), null, false, null, null, true)),
                List.of(), Action.DENY, false, AclSpec.ReturnTraffic.AUTO, true, spec.portOverrides());
        AclIntent opened = new AclIntentBuilder(catalogue, roles).build(one, stateful);
        Map<String, List<AclEntry>> byLeg = new LinkedHashMap<>();
        for (AclEntry e : AclEntries.flatten(opened.entries())) {
            if ("default".equals(e.origin())) {
                continue;
            }
            boolean ret = e.origin().startsWith("return:");
            boolean sourceIsFrom = e.source().equals(roles.get(f.from().role()));
            // a session's entry starts at its initiator; a return entry starts at the listener
            boolean fromInitiated = ret != sourceIsFrom;
            String from = fromInitiated ? f.from().role() : f.to().role();
            String to = fromInitiated ? f.to().role() : f.from().role();
            String key = from + " -> " + to + (ret ? " (return)" : "");
            byLeg.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        List<Leg> out = new ArrayList<>();
        // the entries of one leg share its source and destination
        byLeg.forEach((k, entries) -> out.add(new Leg(k.endsWith("(return)") ? "return" : "opens", k, entries.get(0).source(),
                entries.get(0).destination(), entries)));
        return out;
    }

    private static List<Row> judge(Flow f, Leg leg, AclIntent whole, List<AclIntent> intended, boolean placed, Optional<Placement> placement,
                                   List<DeviceAcl> held, boolean fromDevice, java.util.function.Predicate<Binding> transit) {
        List<Row> out = new ArrayList<>();
        if (placement.isEmpty() && leg.source().equals(leg.destination())) {
            // both ends the same addresses (node to node of one role): without zones nothing says it crosses the device
            out.add(new Row(f.ref(), leg.roles(), leg.name(), "-", "-", "-", "-", "does not cross", ""));
            return out;
        }
        if (placement.isEmpty()) {
            List<MeaningDiff.Named> intentPath = intended.stream().map(i -> named(i.name(), AclEntries.flatten(i.entries()))).toList();
            List<MeaningDiff.Named> devicePath = held.stream().map(d -> named(d.name(), d.entries())).toList();
            out.add(row(f, leg, "every binding", Optional.of(intentPath), devicePath, leg.entries(), fromDevice));
            return out;
        }
        Placement p = placement.get();
        Map<Placement.Zone, List<IPAddress>> from = p.split(leg.source());
        Map<Placement.Zone, List<IPAddress>> to = p.split(leg.destination());
        boolean crosses = false;
        for (Map.Entry<Placement.Zone, List<IPAddress>> in : from.entrySet()) {
            for (Map.Entry<Placement.Zone, List<IPAddress>> outZone : to.entrySet()) {
                if (in.getKey().equals(outZone.getKey())) {
                    continue;
                }
                crosses = true;
                String ingress = in.getKey().iface();
                String egress = outZone.getKey().iface();
                List<AclEntry> part = restrict(leg.entries(), leg.source().prefixes().isEmpty() ? AddressSet.ANY : new AddressSet(in.getValue()),
                        leg.destination().prefixes().isEmpty() ? AddressSet.ANY : new AddressSet(outZone.getValue()));
                Optional<List<MeaningDiff.Named>> intentPath;
                if (placed) {
                    intentPath = Optional.of(List.of(named("policy " + whole.name(), AclEntries.flatten(whole.entries()))));
                } else {
                    List<MeaningDiff.Named> on = new ArrayList<>();
                    for (AclIntent i : intended) {
                        for (Binding b : i.bindings()) {
                            if (onPath(b, ingress, egress) || transit.test(b)) {
                                on.add(named(i.name() + " " + b.direction().word() + " on " + b.target(), AclEntries.flatten(i.entries())));
                            }
                        }
                    }
                    intentPath = on.isEmpty() ? Optional.empty() : Optional.of(on);
                }
                List<MeaningDiff.Named> devicePath = new ArrayList<>();
                for (DeviceAcl d : held) {
                    for (Binding b : d.bindings()) {
                        if (onPath(b, ingress, egress) || transit.test(b)) {
                            devicePath.add(named(d.name() + " " + b.direction().word() + " on " + b.target(), d.entries()));
                        }
                    }
                }
                out.add(row(f, leg, ingress + " -> " + egress, intentPath, devicePath, part, fromDevice));
            }
        }
        if (!crosses) {
            out.add(new Row(f.ref(), leg.roles(), leg.name(), "-", "-", "-", "-", "does not cross", ""));
        }
        return out;
    }

    private static boolean onPath(Binding b, String ingress, String egress) {
        return (b.direction() == Binding.Direction.IN && b.target().equals(ingress))
                || (b.direction() == Binding.Direction.OUT && b.target().equals(egress));
    }

    private static MeaningDiff.Named named(String label, List<AclEntry> entries) {
        return new MeaningDiff.Named(label, entries);
    }

    /** The leg's entries cut to the addresses on this path. */
    private static List<AclEntry> restrict(List<AclEntry> entries, AddressSet src, AddressSet dst) {
        return entries.stream().map(e -> new AclEntry(e.action(), e.protocol(), src, e.sourcePorts(), dst, e.destinationPorts(),
                e.established(), e.log(), e.origin(), e.qualifiers())).toList();
    }

    private static Row row(Flow f, Leg leg, String path, Optional<List<MeaningDiff.Named>> intentPath, List<MeaningDiff.Named> devicePath,
                           List<AclEntry> flow, boolean fromDevice) {
        Optional<Reachability.Answer> intent = intentPath.map(ps -> Reachability.through(ps, flow));
        Reachability.Answer dev = fromDevice ? Reachability.through(devicePath, flow) : null;
        String lists = devicePath.isEmpty() ? (fromDevice ? "none on this path" : "-")
                : String.join(", ", devicePath.stream().map(MeaningDiff.Named::label).toList());
        String status = status(intent.map(Reachability.Answer::verdict), dev == null ? null : dev.verdict());
        Reachability.Answer shown = dev != null ? dev : intent.orElse(null);
        String example = "";
        if (shown != null) {
            boolean wantDenied = status.equals("DENIED") || status.equals("PARTIAL") || shown.verdict() == Reachability.Verdict.DENIES;
            example = wantDenied ? shown.deniedExample().map(x -> "blocked: " + x).orElse("")
                    : shown.permittedExample().map(x -> "passes: " + x).orElse("");
            if (!shown.undecidable().isEmpty()) {
                example = String.join("; ", shown.undecidable());
            }
        }
        return new Row(f.ref(), leg.roles(), leg.name(), path, intent.map(x -> x.verdict().word()).orElse("not filtered here"),
                dev == null ? "-" : dev.verdict().word(), lists, status, example);
    }

    /** ok when the device does what the intent says; otherwise what a person must look at. */
    static String status(Optional<Reachability.Verdict> intent, Reachability.Verdict device) {
        if (device == null) {
            return intent.map(v -> v == Reachability.Verdict.UNDECIDABLE ? "UNDECIDABLE" : "ok").orElse("unfiltered");
        }
        if (device == Reachability.Verdict.UNDECIDABLE) {
            return "UNDECIDABLE";
        }
        if (intent.isEmpty()) {
            return "unfiltered";
        }
        Reachability.Verdict want = intent.get();
        if (want == device) {
            return "ok";
        }
        return switch (want) {
            case PERMITS -> device == Reachability.Verdict.DENIES ? "DENIED" : "PARTIAL";
            case DENIES -> "OPEN";
            case PARTIAL -> device == Reachability.Verdict.PERMITS ? "OPEN" : "DENIED";
            case UNDECIDABLE -> "UNDECIDABLE";
        };
    }
}

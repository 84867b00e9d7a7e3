package io.portpush.modules.acl;

import io.portpush.core.adopt.AclAdoption;
import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.policy.AclDriver;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AclIntentBuilder;
import io.portpush.core.policy.AclSpec;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.DeviceAcl;
import io.portpush.core.policy.HostFirewallDriver;
import io.portpush.core.policy.PortMatch;
import io.portpush.core.policy.PortRange;
import io.portpush.core.runner.ModuleArgs;
import io.portpush.core.runner.Status;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskModule;
import io.portpush.core.runner.TaskResult;
import io.portpush.platform.Platforms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code acl_adopt: {name: EDGE}}: reads the named ACL and its bindings from the device, adopts it
 * into catalogue rules ({@link AclAdoption}) and proves the result: the task arguments it
 * proposes are read back by the same reader an {@code acl} task uses, built into an intent and
 * compared with the device's list entry by entry and by meaning. Changes nothing; {@code portpush
 * adopt} runs it and writes the playbook.
 */
public final class AclAdoptModule implements TaskModule {
    private static final Set<String> KEYS = Set.of("name", "roles");

    @Override
    public String name() {
        return "acl_adopt";
    }

    @Override
    public boolean needsConnection() {
        return true;
    }

    @Override
    public boolean audits() {
        return true; // it reads only: verify runs it
    }

    @Override
    public TaskResult run(TaskContext ctx, Object raw) {
        if (ctx.options().mode() == io.portpush.core.runner.RunOptions.Mode.LINT) {
            return TaskResult.skipped("acl_adopt reads a device; lint connects to none");
        }
        ModuleArgs a = ModuleArgs.of(ctx, raw, "name", KEYS);
        String name = a.required("name");
        AclDriver driver = Platforms.of(ctx.platform()).flatMap(io.portpush.core.platform.Platform::acl).orElse(null);
        HostFirewallDriver host = Platforms.of(ctx.platform()).flatMap(io.portpush.core.platform.Platform::hostFirewall).orElse(null);
        if (driver == null && host == null) {
            throw a.error("", "adopt reads ACLs on platforms with an acl driver; " + ctx.platform() + " of host " + ctx.host() + " has none");
        }
        Optional<DeviceAcl> found = host != null ? host.read(ctx.ssh(), name, ctx.options().commandTimeout()) : driver.read(ctx.session(), name);
        if (found.isEmpty()) {
            return TaskResult.failed(name + ": the device holds no ACL of that name; nothing to adopt");
        }
        DeviceAcl acl = found.get();
        boolean stateful = driver != null ? driver.stateful() : host.stateful();
        Map<String, AddressSet> roles = RoleBindings.read(ctx, a);
        AclAdoption adoption = new AclAdoption(ctx.service(Catalogue.class), roles, stateful);
        List<Long> counters = driver != null ? driver.counters(ctx.session(), acl) : List.of();
        AclAdoption.Result result = adoption.adopt(acl.entries(), counters);
        Map<String, Object> task = task(name, acl.bindings(), result);

        // the proof: the proposed task read as a playbook's acl task is read, built, compared with the device
        AclSpec spec = AclSpecReader.read(ModuleArgs.of(ctx, task, null, AclSpecReader.KEYS));
        AclIntent rendered = new AclIntentBuilder(ctx.service(Catalogue.class), roles).build(spec, stateful);
        AclAdoption.Proof proof = AclAdoption.prove(acl.entries(), rendered.entries());
        boolean sameBindings = new HashSet<>(rendered.bindings()).equals(new HashSet<>(acl.bindings()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task", task);
        data.put("equivalent", proof.equivalent() && sameBindings && result.blockers().isEmpty());
        data.put("same_entries", proof.sameEntries());
        data.put("report", result.report());
        data.put("blockers", result.blockers());
        data.put("differences", proof.meaning());
        data.put("entries", acl.entries().size());
        data.put("from_catalogue", result.fromCatalogue());
        data.put("literal", result.literal());
        String verdict = !result.blockers().isEmpty() ? result.blockers().size() + " entries cannot be expressed as rules"
                : !proof.equivalent() ? "the adopted rules differ in meaning: " + String.join("; ", proof.meaning())
                : !sameBindings ? "the bindings differ" : proof.sameEntries() ? "no change in meaning, the same entries"
                : "no change in meaning";
        boolean ok = Boolean.TRUE.equals(data.get("equivalent"));
        return new TaskResult(ok ? Status.OK : Status.FAILED, name + ": " + result.fromCatalogue() + " of "
                + AclEntries.flatten(acl.entries()).size() + " atomic entries from the catalogue; " + verdict, data, "", List.of());
    }

    /** The {@code acl} task that renders the adopted list, as a playbook holds it. */
    static Map<String, Object> task(String name, List<Binding> bindings, AclAdoption.Result r) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        if (!bindings.isEmpty()) {
            List<Map<String, Object>> bind = new ArrayList<>();
            for (Binding b : bindings) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("interface", b.target());
                m.put("direction", b.direction().word());
                bind.add(m);
            }
            t.put("bind", bind);
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        for (AclAdoption.Rule rule : r.rules()) {
            Map<String, Object> m = new LinkedHashMap<>();
            String verb = rule.action().word();
            if (rule.literal() == null) {
                m.put(verb, rule.refs());
            } else {
                m.put(verb, literal(rule.literal(), rule.entry()));
            }
            if (rule.log()) {
                m.put("log", true);
            }
            rules.add(m);
        }
        t.put("rules", rules);
        t.put("default", r.defaultAction().word());
        if (r.defaultLog()) {
            t.put("default_log", true);
        }
        t.put("return_traffic", r.returnTraffic().name().toLowerCase(java.util.Locale.ROOT));
        return t;
    }

    private static Map<String, Object> literal(AclEntry e, int entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", e.protocol());
        m.put("source", addresses(e.source()));
        if (!e.sourcePorts().any()) {
            m.put("source_ports", ports(e.sourcePorts()));
        }
        m.put("destination", addresses(e.destination()));
        if (!e.destinationPorts().any()) {
            m.put("ports", ports(e.destinationPorts()));
        }
        if (e.established()) {
            m.put("established", true);
        }
        // where it came from: the device's own remark (IOS, ASA, NX-OS, EOS) or term name (Junos), and its place in the list
        m.put("remark", ownRemark(e).map(r -> r + " (adopted from entry " + entry + ")").orElse("adopted from entry " + entry));
        return m;
    }

    /** The remark or term name the device's parser put on the entry; nothing for the parser's own markers. */
    static java.util.Optional<String> ownRemark(AclEntry e) {
        String o = e.origin() == null ? "" : e.origin().strip();
        if (o.isEmpty() || o.equals("literal") || o.equals("default") || o.equals("unrecognised") || o.matches("t?\\d+")) {
            return java.util.Optional.empty();
        }
        // one line of text in the playbook (control characters become spaces; a Japanese remark stays as it is): the wire gate
        // still checks every line a template makes of it
        String text = o.replaceAll("\\p{Cc}+", " ").strip();
        return text.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(text);
    }

    private static Object addresses(AddressSet a) {
        return a.any() ? "any" : a.texts().size() == 1 ? a.texts().get(0) : a.texts();
    }

    private static List<String> ports(PortMatch p) {
        return p.ranges().stream().map(r -> r.single() ? String.valueOf(r.from()) : r.from() + "-" + r.to()).toList();
    }
}

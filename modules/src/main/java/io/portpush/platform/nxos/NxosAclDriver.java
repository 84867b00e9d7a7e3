package io.portpush.platform.nxos;

import io.portpush.core.device.DeviceSession;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.platform.AclStrategy;
import io.portpush.core.policy.AclDriver;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AclTemplateModel;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.DeviceAcl;
import io.portpush.core.template.TemplateEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NX-OS IPv4 access lists bound with {@code ip access-group}. The whole list is replaced inside one
 * configuration session ({@code no ip access-list NAME}, then the list), applied at once at
 * {@code commit}; NX-OS has no commit timer, so a change the read-back does not confirm is put back
 * by portpush's restore plan, like on IOS.
 */
public final class NxosAclDriver implements AclDriver {
    static final String TEMPLATE = "cisco_nxos/acl.j2";

    @Override
    public boolean stateful() {
        return false;
    }

    @Override
    public Optional<DeviceAcl> read(DeviceSession session, String name) {
        String shown = session.show("show ip access-lists " + name);
        List<NxosAclParser.Rule> rules = NxosAclParser.show(shown).get(name);
        if (rules == null) {
            return Optional.empty();
        }
        String ifs = session.show("show running-config aclmgr");
        List<Binding> bindings = NxosAclParser.running(ifs).bindings().getOrDefault(name, List.of());
        StringBuilder text = new StringBuilder("ip access-list ").append(name).append('\n');
        rules.forEach(r -> text.append("  ").append(r.text().strip()).append('\n'));
        bindings.forEach(b -> text.append("interface ").append(b.target()).append("\n  ip access-group ").append(name).append(' ')
                .append(b.direction().word()).append('\n'));
        return Optional.of(new DeviceAcl(name, NxosAclParser.entries(rules), bindings, text.toString()));
    }

    @Override
    public Map<AclEntry, Long> hits(DeviceSession session, String name) {
        List<AclEntry> entries = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (NxosAclParser.Rule r : NxosAclParser.show(session.show("show ip access-lists " + name)).getOrDefault(name, List.of())) {
            if (r.entry().isPresent() && !r.entry().get().unrecognised()) {
                entries.add(r.entry().get());
                counts.add(r.hits());
            }
        }
        return AclEntries.hitKeys(entries, counts);
    }

    @Override
    public String render(AclIntent intent, TemplateEngine templates) {
        return templates.renderDevice(TEMPLATE, Map.of("acl", AclTemplateModel.of(intent)),
                new SourceLocation("templates/" + TEMPLATE, 0, "acl"));
    }

    @Override
    public List<String> plan(Optional<DeviceAcl> current, AclIntent intent, TemplateEngine templates, AclStrategy strategy) {
        if (current.isPresent() && AclEntries.sameEntries(current.get().entries(), intent.entries())
                && new HashSet<>(current.get().bindings()).equals(new HashSet<>(intent.bindings()))) {
            return List.of();
        }
        List<String> out = new ArrayList<>(unbind(current.map(DeviceAcl::bindings).orElse(List.of()), intent.bindings(), intent.name()));
        if (current.isPresent()) {
            out.add("no ip access-list " + intent.name());
        }
        render(intent, templates).lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
        return out;
    }

    /** Bindings the device has and the intent does not: removed under their interfaces. */
    private static List<String> unbind(List<Binding> have, List<Binding> want, String name) {
        List<String> out = new ArrayList<>();
        for (Binding b : have) {
            if (!want.contains(b)) {
                out.add("interface " + b.target());
                out.add("no ip access-group " + name + " " + b.direction().word());
                out.add("exit");
            }
        }
        return out;
    }

    @Override
    public List<String> restore(Optional<DeviceAcl> now, Optional<DeviceAcl> previous, String name, TemplateEngine templates) {
        if (previous.isPresent()) {
            return plan(now, new AclIntent(name, previous.get().entries(), previous.get().bindings(), false), templates, AclStrategy.REPLACE);
        }
        List<String> out = new ArrayList<>(unbind(now.map(DeviceAcl::bindings).orElse(List.of()), List.of(), name));
        if (now.isPresent()) {
            out.add("no ip access-list " + name);
        }
        return out;
    }
}

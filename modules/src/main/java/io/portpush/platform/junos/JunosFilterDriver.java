package io.portpush.platform.junos;

import io.portpush.core.device.DeviceSession;
import io.portpush.core.error.SourceLocation;
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
 * Junos {@code firewall family inet filter}s applied to interface units. The whole filter is
 * replaced inside one private candidate ({@code delete} + {@code set}), so the change is atomic
 * at commit; the acl module commits with {@code commit confirmed} and confirms only after the
 * read-back matches, so a device that loses portpush mid-change rolls back by itself.
 */
public final class JunosFilterDriver implements AclDriver {
    static final String TEMPLATE = "juniper_junos/acl.j2";


    @Override
    public boolean stateful() {
        return false;
    }

    @Override
    public Optional<DeviceAcl> read(DeviceSession session, String name) {
        String filter = session.show("show configuration firewall family inet filter " + name + " | display set");
        List<AclEntry> entries = JunosFilterParser.filters(filter).get(name);
        if (entries == null) {
            return Optional.empty();
        }
        String ifs = session.show("show configuration interfaces | display set");
        List<Binding> bindings = JunosFilterParser.bindings(ifs).getOrDefault(name, List.of());
        StringBuilder text = new StringBuilder(filter.strip()).append('\n');
        ifs.lines().filter(l -> l.endsWith(" " + name) && l.contains(" filter ")).forEach(l -> text.append(l.strip()).append('\n'));
        return Optional.of(new DeviceAcl(name, entries, bindings, text.toString()));
    }

    @Override
    public String render(AclIntent intent, TemplateEngine templates) {
        return templates.renderDevice(TEMPLATE, Map.of("acl", JunosBindings.withUnits(AclTemplateModel.of(intent), intent.bindings())),
                new SourceLocation("templates/" + TEMPLATE, 0, "acl"));
    }

    @Override
    public List<String> plan(Optional<DeviceAcl> current, AclIntent intent, TemplateEngine templates, io.portpush.core.platform.AclStrategy strategy) {
        if (current.isPresent() && AclEntries.sameEntries(current.get().entries(), intent.entries())
                && new HashSet<>(current.get().bindings()).equals(new HashSet<>(intent.bindings()))) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.addAll(JunosBindings.removed(current.map(DeviceAcl::bindings).orElse(List.of()), intent.bindings()));
        if (current.isPresent()) {
            out.add("delete firewall family inet filter " + intent.name());
        }
        render(intent, templates).lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
        return out;
    }

    @Override
    public List<String> restore(Optional<DeviceAcl> now, Optional<DeviceAcl> previous, String name, TemplateEngine templates) {
        if (previous.isPresent()) {
            return plan(now, new AclIntent(name, previous.get().entries(), previous.get().bindings(), false), templates, io.portpush.core.platform.AclStrategy.REPLACE);
        }
        List<String> out = new ArrayList<>();
        out.addAll(JunosBindings.removed(now.map(DeviceAcl::bindings).orElse(List.of()), List.of()));
        if (now.isPresent()) {
            out.add("delete firewall family inet filter " + name);
        }
        return out;
    }
}

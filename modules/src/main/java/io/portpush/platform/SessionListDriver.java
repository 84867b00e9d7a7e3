package io.portpush.platform;

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
 * The ACL driver of platforms that replace a list whole inside a configuration session and bind it
 * with {@code ip access-group} under the interface (EOS, NX-OS): {@code no ip access-list NAME},
 * the list as the platform's template renders it, the bindings; the session applies it all at
 * once. A platform says how its output reads and where its bindings are shown.
 */
public abstract class SessionListDriver implements AclDriver {
    /** A list as read from the device: each rule's text (remarks included), its entries, and their hit counters. */
    public record ListRead(List<String> ruleTexts, List<AclEntry> entries, List<Long> hits) {
    }

    private final String template;
    private final String bindingsCommand;
    private final String indent;

    /**
     * @param template the platform's template, e.g. {@code arista_eos/acl.j2}
     * @param bindingsCommand the show command whose output holds the interfaces' {@code ip access-group} lines
     * @param indent how the platform indents a block's lines in its configuration (for the text kept in history)
     */
    protected SessionListDriver(String template, String bindingsCommand, String indent) {
        this.template = template;
        this.bindingsCommand = bindingsCommand;
        this.indent = indent;
    }

    /** The list called {@code name} in {@code show ip access-lists NAME} output, if the device has it. */
    protected abstract Optional<ListRead> readList(String showOutput, String name);

    /** Where the list is bound, from the output of {@link #bindingsCommand}. */
    protected abstract List<Binding> bindings(String output, String name);

    @Override
    public boolean stateful() {
        return false;
    }

    @Override
    public Optional<DeviceAcl> read(DeviceSession session, String name) {
        Optional<ListRead> list = readList(session.show("show ip access-lists " + name), name);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        List<Binding> bindings = bindings(session.show(bindingsCommand), name);
        StringBuilder text = new StringBuilder("ip access-list ").append(name).append('\n');
        list.get().ruleTexts().forEach(r -> text.append(indent).append(r.strip()).append('\n'));
        bindings.forEach(b -> text.append("interface ").append(b.target()).append('\n').append(indent).append("ip access-group ")
                .append(name).append(' ').append(b.direction().word()).append('\n'));
        return Optional.of(new DeviceAcl(name, list.get().entries(), bindings, text.toString()));
    }

    @Override
    public Map<AclEntry, Long> hits(DeviceSession session, String name) {
        Optional<ListRead> list = readList(session.show("show ip access-lists " + name), name);
        if (list.isEmpty()) {
            return Map.of();
        }
        List<AclEntry> entries = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int k = 0; k < list.get().entries().size(); k++) {
            if (!list.get().entries().get(k).unrecognised()) {
                entries.add(list.get().entries().get(k));
                counts.add(list.get().hits().get(k));
            }
        }
        return AclEntries.hitKeys(entries, counts);
    }

    @Override
    public String render(AclIntent intent, TemplateEngine templates) {
        return templates.renderDevice(template, Map.of("acl", AclTemplateModel.of(intent)), new SourceLocation("templates/" + template, 0, "acl"));
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

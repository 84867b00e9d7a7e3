package io.portpush.platform.asa;

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
 * Cisco ASA extended access-lists bound with {@code access-group}. ASA is stateful (no return
 * entries). A change builds the new list complete under a temporary name, moves each
 * {@code access-group} to it (ASA replaces a binding in one command), rebuilds the list under
 * its own name, moves the bindings back and clears the temporary list.
 */
public final class AsaAclDriver implements AclDriver {
    static final String TEMPLATE = "cisco_asa/acl.j2";


    @Override
    public boolean stateful() {
        return true;
    }

    /** {@code show access-list NAME}: the {@code hitcnt=} of every line, an object-group's expanded lines each with its own. */
    @Override
    public Map<AclEntry, Long> hits(DeviceSession session, String name) {
        List<AclEntry> entries = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (AsaAclParser.Line l : AsaAclParser.showLines(session.show("show access-list " + name)).getOrDefault(name, List.of())) {
            if (!l.entry().unrecognised()) {
                entries.add(l.entry());
                counts.add(l.hits());
            }
        }
        return AclEntries.hitKeys(entries, counts);
    }

    @Override
    public Optional<DeviceAcl> read(DeviceSession session, String name) {
        String acl = session.show("show running-config access-list " + name);
        List<AclEntry> entries = acl.contains(" object-group ") || acl.contains(" object ") ? null : AsaAclParser.running(acl).get(name);
        if (entries == null && acl.contains(" object-group ")) {
            // object-groups: read what the ASA evaluates, with the groups expanded
            entries = AsaAclParser.show(session.show("show access-list " + name)).get(name);
            acl = session.show("show running-config object-group") + acl;
        }
        if (entries == null) {
            return Optional.empty();
        }
        String groups = session.show("show running-config access-group");
        List<Binding> bindings = AsaAclParser.groups(groups).getOrDefault(name, List.of());
        StringBuilder text = new StringBuilder(acl.strip()).append('\n');
        bindings.forEach(b -> text.append("access-group ").append(name).append(' ').append(b.direction().word())
                .append(" interface ").append(b.target()).append('\n'));
        List<String> owned = new ArrayList<>(groupsOf(acl, name));
        groupsOf(acl, name + "-PORTPUSH-NEW").stream().filter(g -> !owned.contains(g)).forEach(owned::add);
        return Optional.of(new DeviceAcl(name, entries, bindings, text.toString(), List.of(), owned));
    }

    @Override
    public String render(AclIntent intent, TemplateEngine templates) {
        return templates.renderDevice(TEMPLATE, Map.of("acl", AclTemplateModel.of(intent)),
                new SourceLocation("templates/" + TEMPLATE, 0, "acl"));
    }

    private List<String> lines(AclIntent intent, TemplateEngine templates) {
        AclIntent noBindings = new AclIntent(intent.name(), intent.entries(), List.of(), true, intent.objectGroups());
        return render(noBindings, templates).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Override
    public List<String> plan(Optional<DeviceAcl> current, AclIntent intent, TemplateEngine templates, io.portpush.core.platform.AclStrategy strategy) {
        boolean same = current.isPresent() && AclEntries.sameEntries(current.get().entries(), intent.entries());
        List<Binding> now = current.map(DeviceAcl::bindings).orElse(List.of());
        if (same && new HashSet<>(now).equals(new HashSet<>(intent.bindings()))) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        String name = intent.name();
        if (current.isEmpty()) {
            out.addAll(lines(intent, templates));
        } else if (!same) {
            String tmp = name + "-PORTPUSH-NEW";
            AclIntent temp = new AclIntent(tmp, intent.entries(), List.of(), true, intent.objectGroups());
            out.add("clear configure access-list " + tmp);
            out.addAll(owned(current.get().groups(), tmp).stream().map(g -> "no object-group service " + g).toList());
            out.addAll(lines(temp, templates));
            now.forEach(b -> out.add("access-group " + tmp + " " + b.direction().word() + " interface " + b.target()));
            out.add("clear configure access-list " + name);
            // the old list's groups go with it, so that the rebuilt list's groups start empty
            out.addAll(owned(current.get().groups(), name).stream().map(g -> "no object-group service " + g).toList());
            out.addAll(lines(intent, templates));
            now.forEach(b -> out.add("access-group " + name + " " + b.direction().word() + " interface " + b.target()));
            out.add("clear configure access-list " + tmp);
            out.addAll(groupsOf(String.join("\n", lines(temp, templates)), tmp).stream().map(g -> "no object-group service " + g).toList());
        }
        for (Binding b : intent.bindings()) {
            if (!now.contains(b) || (!same && current.isPresent() && !now.contains(b))) {
                out.add("access-group " + name + " " + b.direction().word() + " interface " + b.target());
            }
        }
        for (Binding b : now) {
            if (!intent.bindings().contains(b)) {
                out.add("no access-group " + name + " " + b.direction().word() + " interface " + b.target());
            }
        }
        return out;
    }

    /** Names of the service object-groups portpush made for list {@code acl} ({@code ACL-P<n>}) in some text. */
    static List<String> groupsOf(String text, String acl) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("object-group service (" + java.util.regex.Pattern.quote(acl)
                + "-P\\d+)").matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            if (!out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Of the groups read from the device, those portpush made for list {@code acl}. */
    private static List<String> owned(List<String> groups, String acl) {
        return groups.stream().filter(g -> g.matches(java.util.regex.Pattern.quote(acl) + "-P\\d+")).toList();
    }

    @Override
    public List<String> cleanup(String name) {
        return List.of("clear configure access-list " + name + "-PORTPUSH-NEW");
    }

    @Override
    public List<String> restore(Optional<DeviceAcl> now, Optional<DeviceAcl> previous, String name, TemplateEngine templates) {
        if (previous.isPresent()) {
            return plan(now, new AclIntent(name, previous.get().entries(), previous.get().bindings(), true), templates, io.portpush.core.platform.AclStrategy.SWAP);
        }
        List<String> out = new ArrayList<>();
        now.map(DeviceAcl::bindings).orElse(List.of()).forEach(b -> out.add("no access-group " + name + " " + b.direction().word()
                + " interface " + b.target()));
        out.add("clear configure access-list " + name);
        now.ifPresent(n -> owned(n.groups(), name).forEach(g -> out.add("no object-group service " + g)));
        out.add("clear configure access-list " + name + "-PORTPUSH-NEW");
        return out;
    }
}

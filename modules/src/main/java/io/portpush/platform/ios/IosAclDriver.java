package io.portpush.platform.ios;

import io.portpush.core.device.DeviceSession;
import io.portpush.core.policy.AclDriver;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AclTemplateModel;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.DeviceAcl;
import io.portpush.core.template.TemplateEngine;
import io.portpush.core.error.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IOS / IOS-XE named extended ACLs bound with {@code ip access-group}. IOS filters are
 * stateless: the intent carries explicit {@code established} return entries.
 *
 * <p>Strategy {@code swap} (default): the new list is built complete under a temporary name,
 * the interfaces are moved to it in one command each, the old list is rebuilt under its own
 * name, the interfaces moved back, the temporary list removed; at every moment each interface
 * points at a complete list (an interface bound to a missing list would permit everything).
 * Strategy {@code in-place}: sequence-number edits, inserts before deletes, kept entries keep
 * their numbers; falls back to swap when the gaps between numbers are too small.
 */
public final class IosAclDriver implements AclDriver {
    static final String TEMPLATE = "cisco_ios/acl.j2";


    @Override
    public boolean stateful() {
        return false;
    }

    /** {@code show ip access-lists NAME}: IOS prints {@code (N matches)} after an entry that matched, nothing for none. */
    @Override
    public Map<AclEntry, Long> hits(DeviceSession session, String name) {
        List<AclEntry> entries = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (IosAclParser.Line l : IosAclParser.showAccessLists(session.show("show ip access-lists " + name)).getOrDefault(name, List.of())) {
            if (!l.remark() && !l.entry().unrecognised()) {
                entries.add(l.entry());
                counts.add(Math.max(0, l.hits()));
            }
        }
        return AclEntries.hitKeys(entries, counts);
    }

    /** {@code show ip access-lists NAME}, each count put beside the entry of the read model with the same sequence number. */
    @Override
    public List<Long> counters(DeviceSession session, DeviceAcl acl) {
        Map<Integer, Long> bySeq = new java.util.HashMap<>();
        for (IosAclParser.Line l : IosAclParser.showAccessLists(session.show("show ip access-lists " + acl.name())).getOrDefault(acl.name(), List.of())) {
            if (!l.remark()) {
                bySeq.putIfAbsent(l.seq(), Math.max(0, l.hits()));
            }
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < acl.entries().size(); i++) {
            out.add(i < acl.sequences().size() ? bySeq.getOrDefault(acl.sequences().get(i), -1L) : -1L);
        }
        return out;
    }

    @Override
    public Optional<DeviceAcl> read(DeviceSession session, String name) {
        String running = session.show("show running-config");
        IosAclParser.Running r = IosAclParser.runningConfig(running);
        List<IosAclParser.Line> lines = r.acls().get(name);
        if (lines == null) {
            return Optional.empty();
        }
        List<AclEntry> entries = lines.stream().filter(l -> !l.remark()).map(IosAclParser.Line::entry).toList();
        List<Integer> sequences = lines.stream().filter(l -> !l.remark()).map(IosAclParser.Line::seq).toList();
        List<String> owned = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        IosAclParser.objectGroups(running).forEach((g, members) -> {
            if (g.matches(java.util.regex.Pattern.quote(name) + "(-PORTPUSH-NEW)?-P\\d+")) {
                owned.add(g);
                text.append("object-group service ").append(g).append('\n');
                members.forEach(m -> text.append(' ').append(m.substring(m.indexOf(' ') + 1)).append('\n'));
            }
        });
        text.append("ip access-list extended ").append(name).append('\n');
        lines.forEach(l -> text.append(' ').append(l.seq()).append(' ').append(l.text()).append('\n'));
        List<Binding> bindings = r.bindings().getOrDefault(name, List.of());
        bindings.forEach(b -> text.append("interface ").append(b.target()).append("\n ip access-group ").append(name).append(' ')
                .append(b.direction().word()).append('\n'));
        return Optional.of(new DeviceAcl(name, entries, bindings, text.toString(), sequences, owned));
    }

    @Override
    public String render(AclIntent intent, TemplateEngine templates) {
        StringBuilder sb = new StringBuilder(aclText(intent, templates));
        for (Binding b : intent.bindings()) {
            sb.append("interface ").append(b.target()).append("\n ip access-group ").append(intent.name()).append(' ')
                    .append(b.direction().word()).append('\n');
        }
        return sb.toString();
    }

    private static String aclText(AclIntent intent, TemplateEngine templates) {
        return templates.renderDevice(TEMPLATE, Map.of("acl", AclTemplateModel.of(intent)),
                new SourceLocation("templates/" + TEMPLATE, 0, "acl"));
    }

    /** The rendered ACL's lines below its header, stripped. */
    private static List<String> body(AclIntent intent, TemplateEngine templates) {
        return aclText(intent, templates).lines().dropWhile(l -> !l.startsWith("ip access-list extended ")).skip(1).map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
    }

    /** The rendered object-group definitions that come before the list (empty without object-groups). */
    private static List<String> groupLines(AclIntent intent, TemplateEngine templates) {
        return aclText(intent, templates).lines().takeWhile(l -> !l.startsWith("ip access-list extended ")).filter(l -> !l.isBlank())
                .toList();
    }

    /** {@code no object-group} lines for the groups portpush made for list {@code acl} ({@code ACL-P<n>}) among {@code groups}. */
    private static List<String> dropGroups(List<String> groups, String acl) {
        return groups.stream().filter(g -> g.matches(java.util.regex.Pattern.quote(acl) + "-P\\d+")).distinct()
                .map(g -> "no object-group service " + g).toList();
    }

    /** The names the rendered group lines define. */
    private static List<String> groupNames(List<String> groupLines) {
        return groupLines.stream().filter(l -> l.startsWith("object-group service ")).map(l -> l.split("\\s+")[2]).toList();
    }

    @Override
    public List<String> plan(Optional<DeviceAcl> current, AclIntent intent, TemplateEngine templates, io.portpush.core.platform.AclStrategy strategy) {
        List<Binding> now = current.map(DeviceAcl::bindings).orElse(List.of());
        boolean sameEntries = current.isPresent() && AclEntries.sameEntries(current.get().entries(), intent.entries());
        List<String> out = new ArrayList<>();
        if (current.isEmpty()) {
            out.addAll(groupLines(intent, templates));
            out.add("ip access-list extended " + intent.name());
            body(intent, templates).forEach(l -> out.add(" " + l));
            out.add("exit");
        } else if (!sameEntries) {
            if (strategy == io.portpush.core.platform.AclStrategy.IN_PLACE) {
                Optional<List<String>> edits = IosInPlacePlan.edits(current.get(), intent, body(intent, templates));
                if (edits.isPresent()) {
                    out.addAll(edits.get());
                } else {
                    out.addAll(swap(intent, templates, now, current.get().groups()));
                }
            } else {
                out.addAll(swap(intent, templates, now, current.get().groups()));
            }
        }
        // a swap already points the interfaces it found back at the rebuilt list
        for (Binding b : intent.bindings()) {
            if (!now.contains(b)) {
                out.add("interface " + b.target());
                out.add(" ip access-group " + intent.name() + " " + b.direction().word());
                out.add("exit");
            }
        }
        for (Binding b : now) {
            if (!intent.bindings().contains(b)) {
                out.add("interface " + b.target());
                out.add(" no ip access-group " + intent.name() + " " + b.direction().word());
                out.add("exit");
            }
        }
        return out;
    }

    private static List<String> swap(AclIntent intent, TemplateEngine templates, List<Binding> now, List<String> deviceGroups) {
        String tmp = intent.name() + "-PORTPUSH-NEW";
        List<String> body = body(intent, templates);
        List<String> out = new ArrayList<>();
        // a list left by an interrupted run must not be appended to
        out.add("no ip access-list extended " + tmp);
        AclIntent temp = new AclIntent(tmp, intent.entries(), List.of(), false, intent.objectGroups());
        out.addAll(dropGroups(deviceGroups, tmp));
        out.addAll(groupLines(temp, templates));
        out.add("ip access-list extended " + tmp);
        body(temp, templates).forEach(l -> out.add(" " + l));
        out.add("exit");
        List<Binding> moved = new ArrayList<>(now);
        for (Binding b : moved) {
            out.add("interface " + b.target());
            out.add(" ip access-group " + tmp + " " + b.direction().word());
            out.add("exit");
        }
        out.add("no ip access-list extended " + intent.name());
        // the old list's groups go with it, so that the rebuilt list's groups start empty
        out.addAll(dropGroups(deviceGroups, intent.name()));
        out.addAll(groupLines(intent, templates));
        out.add("ip access-list extended " + intent.name());
        body.forEach(l -> out.add(" " + l));
        out.add("exit");
        for (Binding b : moved) {
            out.add("interface " + b.target());
            out.add(" ip access-group " + intent.name() + " " + b.direction().word());
            out.add("exit");
        }
        out.add("no ip access-list extended " + tmp);
        out.addAll(dropGroups(groupNames(groupLines(temp, templates)), tmp));
        return out;
    }

    @Override
    public List<String> cleanup(String name) {
        return List.of("no ip access-list extended " + name + "-PORTPUSH-NEW");
    }

    @Override
    public List<String> restore(Optional<DeviceAcl> now, Optional<DeviceAcl> previous, String name, TemplateEngine templates) {
        if (previous.isPresent()) {
            DeviceAcl p = previous.get();
            AclIntent back = new AclIntent(name, p.entries(), p.bindings(), false);
            return plan(now, back, templates, io.portpush.core.platform.AclStrategy.SWAP);
        }
        List<String> out = new ArrayList<>();
        for (Binding b : now.map(DeviceAcl::bindings).orElse(List.of())) {
            out.add("interface " + b.target());
            out.add(" no ip access-group " + name + " " + b.direction().word());
            out.add("exit");
        }
        if (now.isPresent()) {
            out.add("no ip access-list extended " + name);
            out.addAll(dropGroups(now.get().groups(), name));
        }
        out.add("no ip access-list extended " + name + "-PORTPUSH-NEW");
        return out;
    }
}

package io.portpush.platform.junos;

import io.portpush.core.device.DeviceSession;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.QosDriver;
import io.portpush.core.policy.QosIntent;
import io.portpush.core.template.TemplateEngine;
import io.portpush.platform.QosTemplateModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Junos DSCP marking: a firewall filter whose terms set {@code then dscp} and accept, bound to interface units. */
public final class JunosQosDriver implements QosDriver {
    static final String TEMPLATE = "juniper_junos/qos.j2";
    private static final Pattern DSCP = Pattern.compile("^set firewall family inet filter (\\S+) term (\\S+)-(\\d+) then dscp (\\S+)$");

    @Override
    public Optional<QosIntent> read(DeviceSession session, String name, List<String> classNames) {
        String set = session.show("show configuration firewall family inet filter " + name + " | display set");
        if (set.isBlank()) {
            return Optional.empty();
        }
        String ifs = session.show("show configuration interfaces | display set");
        return Optional.of(parse(set, ifs, name));
    }

    static QosIntent parse(String set, String ifs, String name) {
        Map<String, String> dscp = new LinkedHashMap<>();
        for (String l : set.replace("\r", "").split("\n")) {
            Matcher m = DSCP.matcher(l.strip());
            if (m.matches() && m.group(1).equals(name)) {
                dscp.put(m.group(2), m.group(4));
            }
        }
        List<AclEntry> all = JunosFilterParser.filters(set).getOrDefault(name, List.of());
        List<QosIntent.QosClass> classes = new ArrayList<>();
        for (Map.Entry<String, String> c : dscp.entrySet()) {
            // a term "CLASS-N" reads back with origin "CLASS-N"
            List<AclEntry> matches = all.stream().filter(e -> e.origin().matches(Pattern.quote(c.getKey()) + "-\\d+")).toList();
            classes.add(new QosIntent.QosClass(c.getKey(), matches, c.getValue()));
        }
        List<Binding> bindings = JunosFilterParser.bindings(ifs).getOrDefault(name, List.of());
        return new QosIntent(name, classes, bindings, set.strip() + "\n");
    }

    @Override
    public String render(QosIntent intent, TemplateEngine templates) {
        return templates.renderDevice(TEMPLATE, Map.of("qos", JunosBindings.withUnits(QosTemplateModel.of(intent), intent.bindings())),
                new SourceLocation("templates/" + TEMPLATE, 0, "qos"));
    }

    @Override
    public List<String> removal(QosIntent intent) {
        List<String> out = new ArrayList<>(JunosBindings.removed(intent.bindings(), List.of()));
        out.add("delete firewall family inet filter " + intent.name());
        return out;
    }

    @Override
    public List<String> plan(Optional<QosIntent> current, QosIntent intent, TemplateEngine templates) {
        if (current.isPresent() && intent.differences(current.get()).isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.addAll(JunosBindings.removed(current.map(QosIntent::bindings).orElse(List.of()), intent.bindings()));
        if (current.isPresent()) {
            out.add("delete firewall family inet filter " + intent.name());
        }
        render(intent, templates).lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
        return out;
    }
}

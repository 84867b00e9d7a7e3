package io.portpush.platform.ios;

import io.portpush.core.device.DeviceSession;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.QosDriver;
import io.portpush.core.policy.QosIntent;
import io.portpush.core.template.TemplateEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IOS MQC marking: per class an ACL {@code QOS-<class>} of the catalogue flows, a
 * {@code class-map match-any} matching it, a {@code policy-map} setting DSCP, and
 * {@code service-policy} on interfaces. Read back from the running configuration.
 */
public final class IosQosDriver implements QosDriver {
    static final String TEMPLATE = "cisco_ios/qos.j2";

    @Override
    public Optional<QosIntent> read(DeviceSession session, String name, List<String> classNames) {
        String run = session.show("show running-config");
        return parse(run, name);
    }

    /** Reads policy-map {@code name} from a running configuration. */
    public static Optional<QosIntent> parse(String run, String name) {
        Map<String, String> classAcl = new LinkedHashMap<>();
        Map<String, String> dscp = new LinkedHashMap<>();
        List<Binding> bindings = new ArrayList<>();
        String block = null;
        String blockName = null;
        String pclass = null;
        boolean found = false;
        StringBuilder text = new StringBuilder();
        for (String raw : run.replace("\r", "").split("\n")) {
            String line = raw.stripTrailing();
            if (!line.startsWith(" ")) {
                block = null;
                Matcher cm = Pattern.compile("^class-map (?:match-any |match-all )?(\\S+)$").matcher(line);
                Matcher pm = Pattern.compile("^policy-map (\\S+)$").matcher(line);
                if (cm.matches()) {
                    block = "cmap";
                    blockName = cm.group(1);
                } else if (pm.matches()) {
                    block = "pmap";
                    blockName = pm.group(1);
                    found |= blockName.equals(name);
                    if (blockName.equals(name)) {
                        text.append(line).append('\n');
                    }
                } else if (line.startsWith("interface ")) {
                    block = "if";
                    blockName = line.substring(10);
                }
                continue;
            }
            String s = line.strip();
            if ("cmap".equals(block)) {
                Matcher m = Pattern.compile("^match access-group name (\\S+)$").matcher(s);
                if (m.matches()) {
                    classAcl.put(blockName, m.group(1));
                }
            } else if ("pmap".equals(block) && blockName.equals(name)) {
                text.append(line).append('\n');
                if (s.startsWith("class ")) {
                    pclass = s.substring(6);
                    dscp.putIfAbsent(pclass, "");
                } else if (s.startsWith("set dscp ") && pclass != null) {
                    dscp.put(pclass, s.substring(9));
                }
            } else if ("if".equals(block)) {
                Matcher m = Pattern.compile("^service-policy (input|output) (\\S+)$").matcher(s);
                if (m.matches() && m.group(2).equals(name)) {
                    bindings.add(new Binding(blockName, m.group(1).equals("input") ? Binding.Direction.IN : Binding.Direction.OUT));
                    text.append("interface ").append(blockName).append("\n service-policy ").append(m.group(1)).append(' ').append(name).append('\n');
                }
            }
        }
        if (!found) {
            return Optional.empty();
        }
        IosAclParser.Running acls = IosAclParser.runningConfig(run);
        List<QosIntent.QosClass> classes = new ArrayList<>();
        dscp.forEach((cls, value) -> {
            if (cls.equals("class-default")) {
                return;
            }
            List<AclEntry> matches = acls.acls().getOrDefault(classAcl.getOrDefault(cls, ""), List.of()).stream()
                    .filter(l -> !l.remark()).map(IosAclParser.Line::entry).toList();
            classes.add(new QosIntent.QosClass(cls, matches, value));
        });
        return Optional.of(new QosIntent(name, classes, bindings, text.toString()));
    }

    /**
     * {@code show policy-map interface} (all interfaces or one): for each interface and direction
     * ({@code GigabitEthernet2 output}), the attached policy ({@code policy}) and the DSCP each of
     * its classes sets ({@code dscp VALUE} or {@code dscp dscp table NAME} under {@code QoS Set}).
     * Read by {@link IosServicePolicies}; child policies are not part of portpush's marking.
     */
    public static Map<String, Map<String, String>> perInterface(String output) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (IosServicePolicies.ServicePolicy p : IosServicePolicies.read(output)) {
            if (!p.parent().isEmpty()) {
                continue;
            }
            Map<String, String> m = out.computeIfAbsent(p.where(), k -> new LinkedHashMap<>());
            m.put("policy", p.name());
            for (IosServicePolicies.PolicyClass c : p.classes()) {
                c.sets().stream().filter(a -> a.startsWith("dscp ") || a.startsWith("ip dscp ")).findFirst()
                        .ifPresent(a -> m.put(c.name(), a.substring(a.indexOf("dscp ") + 5)));
            }
        }
        return out;
    }

    /** The policy and class DSCPs of {@code show policy-map interface IFACE} (one interface), keys {@code policy-input}/{@code policy-output}. */
    public static Map<String, String> operational(String output) {
        Map<String, String> out = new LinkedHashMap<>();
        perInterface(output).forEach((key, m) -> {
            String dir = key.substring(key.lastIndexOf(' ') + 1);
            m.forEach((k, v) -> out.put(k.equals("policy") ? "policy-" + dir : k, v));
        });
        return out;
    }

    @Override
    public String render(QosIntent intent, TemplateEngine templates) {
        return templates.renderDevice(TEMPLATE, Map.of("qos", io.portpush.platform.QosTemplateModel.of(intent)),
                new SourceLocation("templates/" + TEMPLATE, 0, "qos"));
    }

    @Override
    public List<String> plan(Optional<QosIntent> current, QosIntent intent, TemplateEngine templates) {
        if (current.isPresent() && intent.differences(current.get()).isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(render(intent, templates).lines().filter(l -> !l.isBlank()).toList());
        for (QosIntent.QosClass old : current.map(QosIntent::classes).orElse(List.of())) {
            if (intent.classes().stream().noneMatch(c -> c.name().equals(old.name()))) {
                out.addAll(List.of("policy-map " + intent.name(), " no class " + old.name(), "exit"));
            }
        }
        for (Binding b : current.map(QosIntent::bindings).orElse(List.of())) {
            if (!intent.bindings().contains(b)) {
                out.addAll(List.of("interface " + b.target(), " no service-policy " + (b.direction() == Binding.Direction.IN ? "input"
                        : "output") + " " + intent.name(), "exit"));
            }
        }
        return out;
    }

    @Override
    public List<String> removal(QosIntent intent) {
        List<String> out = new ArrayList<>();
        for (Binding b : intent.bindings()) {
            out.addAll(List.of("interface " + b.target(), " no service-policy " + (b.direction() == Binding.Direction.IN ? "input" : "output")
                    + " " + intent.name(), "exit"));
        }
        out.add("no policy-map " + intent.name());
        for (QosIntent.QosClass c : intent.classes()) {
            out.add("no class-map match-any " + c.name());
            out.add("no ip access-list extended QOS-" + c.name());
        }
        return out;
    }

    /** Whether the device's entries for a class match (used by tests). */
    static boolean same(List<AclEntry> a, List<AclEntry> b) {
        return AclEntries.sameEntries(a, b);
    }
}

package io.portpush.platform.ios;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads IOS / IOS-XE {@code show policy-map interface}: for every interface and direction the
 * service policy attached, child policies under a class (hierarchical QoS), and per class its
 * match criteria and {@code QoS Set} marking. Layout of the Cisco IOS Quality of Service Solutions
 * Command Reference ({@code show policy-map interface}) and of the field outputs in the corpus
 * ({@code src/test/resources/real/cisco_ios/show_policy-map_interface}): the interface name alone
 * on a line, {@code Service-policy input: NAME} (some releases add the policy's id in parentheses),
 * {@code Service-policy : NAME} for a child, {@code Class-map: NAME (match-any)} (with or without
 * its id), {@code Match: ...}, and under {@code QoS Set} one action per line. Statistics, queueing,
 * policing and WRED tables are skipped: portpush manages marking, not shaping.
 */
public final class IosServicePolicies {
    /** A service policy as attached: {@code parent} is {@code POLICY class CLASS} for a child policy, empty otherwise. */
    public record ServicePolicy(String iface, String direction, String name, String parent, List<PolicyClass> classes) {
        /** {@code GigabitEthernet1 output}, the key people use. */
        public String where() {
            return (iface + " " + direction).strip();
        }
    }

    /** One class of a policy: its match kind ({@code match-any}/{@code match-all}), criteria and set actions. */
    public record PolicyClass(String name, String kind, List<String> matches, List<String> sets) {
        /** {@code class EXP0 (match-all): match mpls experimental topmost 0; set dscp ef}. */
        public String describe() {
            StringBuilder sb = new StringBuilder("class ").append(name).append(" (").append(kind).append(')');
            List<String> parts = new ArrayList<>();
            matches.forEach(m -> parts.add("match " + m));
            sets.forEach(s -> parts.add("set " + s));
            if (!parts.isEmpty()) {
                sb.append(": ").append(String.join("; ", parts));
            }
            return sb.toString();
        }
    }

    private static final Pattern SERVICE_POLICY = Pattern.compile("^Service-policy\\s*(input|output)?\\s*:\\s*(\\S+)(?:\\s+\\(\\d+\\))?$");
    private static final Pattern CLASS_MAP = Pattern.compile("^Class-map:\\s*(\\S+)\\s+\\((match-any|match-all)\\)(?:\\s+\\([\\d/]+\\))?$");
    private static final Pattern INTERFACE = Pattern.compile("^([A-Za-z][\\w-]*\\d[\\w/.:-]*)$");
    // a match id after the criteria ("(1179)") and the numbers IOS prints after DSCP names ("cs4 (32)")
    private static final Pattern NUMBER_IN_PARENTHESES = Pattern.compile("\\s+\\(\\d+\\)");

    private IosServicePolicies() {
    }

    /** A policy being read: where it is attached, its indentation (children sit deeper), its classes so far. */
    private record Open(String iface, int indent, String direction, String name, String parent, List<Cls> classes) {
        Cls last() {
            return classes.get(classes.size() - 1);
        }
    }

    /** A class being read; {@code setIndent} is the indentation of its "QoS Set" line while inside it, then of its actions. */
    private static final class Cls {
        final String name;
        final String kind;
        final List<String> matches = new ArrayList<>();
        final List<String> sets = new ArrayList<>();
        int setIndent = -1;
        int actionIndent = -1;

        Cls(String name, String kind) {
            this.name = name;
            this.kind = kind;
        }
    }

    /** Every policy attachment of the output, in order (a child right after its parent). */
    public static List<ServicePolicy> read(String output) {
        String iface = "";
        Deque<Open> open = new ArrayDeque<>();
        List<Open> order = new ArrayList<>();
        for (String raw : output.replace("\r", "").split("\n")) {
            String s = raw.strip();
            if (s.isEmpty()) {
                continue;
            }
            int indent = raw.length() - raw.stripLeading().length();
            Matcher sp = SERVICE_POLICY.matcher(s);
            Matcher cm = CLASS_MAP.matcher(s);
            if (sp.matches()) {
                while (!open.isEmpty() && open.peek().indent() >= indent) {
                    open.pop();
                }
                String direction = sp.group(1) != null ? sp.group(1) : open.isEmpty() ? "" : open.peek().direction();
                String parent = open.isEmpty() || open.peek().classes().isEmpty() ? "" : open.peek().name() + " class " + open.peek().last().name;
                Open p = new Open(iface, indent, direction, sp.group(2), parent, new ArrayList<>());
                open.push(p);
                order.add(p);
            } else if (cm.matches()) {
                while (open.size() > 1 && open.peek().indent() >= indent) {
                    open.pop();
                }
                if (!open.isEmpty()) {
                    open.peek().classes().add(new Cls(cm.group(1), cm.group(2)));
                }
            } else if (INTERFACE.matcher(s).matches()) {
                iface = s;
                open.clear();
            } else if (!open.isEmpty() && !open.peek().classes().isEmpty()) {
                Cls c = open.peek().last();
                if (c.setIndent >= 0 && indent > c.setIndent) {
                    if (c.actionIndent < 0) {
                        c.actionIndent = indent;
                    }
                    if (indent == c.actionIndent) {
                        c.sets.add(s.replaceAll("\\s+", " "));
                    }
                    continue;
                }
                c.setIndent = -1;
                if (s.startsWith("Match:")) {
                    c.matches.add(NUMBER_IN_PARENTHESES.matcher(s.substring(6).strip()).replaceAll("").replaceAll("\\s+", " "));
                } else if (s.equals("QoS Set")) {
                    c.setIndent = indent;
                    c.actionIndent = -1;
                }
            }
        }
        return order.stream().map(p -> new ServicePolicy(p.iface(), p.direction(), p.name(), p.parent(), p.classes().stream()
                .map(c -> new PolicyClass(c.name, c.kind, List.copyOf(c.matches), List.copyOf(c.sets))).toList())).toList();
    }

    /** The records of {@link #read} as people read them, keyed by {@code INTERFACE DIRECTION}. */
    public static java.util.Map<String, List<String>> describe(String output) {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (ServicePolicy p : read(output)) {
            List<String> l = out.computeIfAbsent(p.where(), k -> new ArrayList<>());
            l.add("service-policy " + p.name() + (p.parent().isEmpty() ? "" : " (child of " + p.parent() + ")"));
            p.classes().forEach(c -> l.add(p.name() + " " + c.describe()));
        }
        return out;
    }
}

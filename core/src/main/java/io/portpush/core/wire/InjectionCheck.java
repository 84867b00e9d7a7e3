package io.portpush.core.wire;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a value that rendering made unsafe: a string argument whose rendered text holds a
 * character the {@link LineGate} refuses that its template did not hold. Run on the arguments of
 * every module that talks to a device, before the module starts, so a variable holding
 * {@code "x\nno ip access-list FOO"} fails the task before any line (even a read) is sent.
 * Characters written in the playbook itself (the line breaks of a YAML block of config lines)
 * are the author's and stay allowed.
 */
public final class InjectionCheck {
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{(.*?)}}|\\{%(.*?)%}", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("(?<![.\\w'\"])([A-Za-z_]\\w*)");
    private static final Set<String> WORDS = Set.of("if", "else", "elif", "endif", "for", "endfor", "in", "not", "and", "or", "is",
            "true", "false", "True", "False", "none", "None", "set", "defined", "undefined", "loop");

    private InjectionCheck() {
    }

    /**
     * A value the rendering made unsafe.
     *
     * @param field     the argument's path ({@code rules[0].remark})
     * @param value     the rendered text
     * @param violation the character and why
     * @param variables the variables its template uses, culprits first
     */
    public record Injection(String field, String value, LineGate.Violation violation, List<String> variables) {
    }

    /** The first argument of {@code rendered} whose unsafe characters its {@code raw} template did not hold. */
    public static Optional<Injection> find(Object raw, Object rendered, Map<String, ?> vars) {
        return walk(raw, rendered, "", vars);
    }

    private static Optional<Injection> walk(Object raw, Object rendered, String path, Map<String, ?> vars) {
        if (rendered instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object r = raw instanceof Map<?, ?> rm ? rm.get(e.getKey()) : raw;
                Optional<Injection> i = walk(r, e.getValue(), path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey(), vars);
                if (i.isPresent()) {
                    return i;
                }
            }
            return Optional.empty();
        }
        if (rendered instanceof List<?> l) {
            for (int k = 0; k < l.size(); k++) {
                Object r = raw instanceof List<?> rl && k < rl.size() ? rl.get(k) : raw;
                Optional<Injection> i = walk(r, l.get(k), path + "[" + k + "]", vars);
                if (i.isPresent()) {
                    return i;
                }
            }
            return Optional.empty();
        }
        if (rendered == null) {
            return Optional.empty();
        }
        String text = String.valueOf(rendered);
        String template = raw instanceof String s ? s : "";
        Optional<LineGate.Violation> v = firstAdded(template, text);
        return v.map(violation -> new Injection(path, text, violation, culprits(template, vars)));
    }

    /** The first unsafe character of {@code text} beyond those {@code template} holds itself (counted per character). */
    static Optional<LineGate.Violation> firstAdded(String template, String text) {
        Map<Integer, Integer> allowed = new java.util.HashMap<>();
        template.codePoints().filter(cp -> LineGate.unsafe(cp) != null).forEach(cp -> allowed.merge(cp, 1, Integer::sum));
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String why = LineGate.unsafe(cp);
            if (why != null) {
                int left = allowed.getOrDefault(cp, 0);
                if (left == 0) {
                    return Optional.of(new LineGate.Violation(i, cp, why));
                }
                allowed.put(cp, left - 1);
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /** Variables named in the template's expressions; those whose value holds an unsafe character come first. */
    static List<String> culprits(String template, Map<String, ?> vars) {
        Set<String> names = new LinkedHashSet<>();
        Matcher e = EXPRESSION.matcher(template);
        while (e.find()) {
            String body = e.group(1) != null ? e.group(1) : e.group(2);
            Matcher n = NAME.matcher(body);
            while (n.find()) {
                String name = n.group(1);
                if (!WORDS.contains(name) && vars.containsKey(name) && !afterPipe(body, n.start())) {
                    names.add(name);
                }
            }
        }
        List<String> bad = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String n : names) {
            (holdsUnsafe(vars.get(n)) ? bad : rest).add(n);
        }
        bad.addAll(rest);
        return bad;
    }

    private static boolean afterPipe(String body, int at) {
        String before = body.substring(0, at).stripTrailing();
        return before.endsWith("|");
    }

    static boolean holdsUnsafe(Object value) {
        if (value instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(InjectionCheck::holdsUnsafe) || m.keySet().stream().anyMatch(InjectionCheck::holdsUnsafe);
        }
        if (value instanceof List<?> l) {
            return l.stream().anyMatch(InjectionCheck::holdsUnsafe);
        }
        return value != null && LineGate.firstUnsafe(String.valueOf(value)).isPresent();
    }
}

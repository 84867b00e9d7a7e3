package io.portpush.lab.junos;

import io.portpush.lab.junos.JunosSchema.Kind;
import io.portpush.lab.junos.JunosSchema.Seg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Junos configuration as a tree built from {@code set} paths, rendered the three ways Junos
 * prints it: the curly-brace hierarchy, {@code | display set}, and {@code show | compare}.
 */
final class JunosTree {
    static final class Node {
        final String label;
        final Kind kind;
        final Map<String, Node> children = new LinkedHashMap<>();
        final List<String> values = new ArrayList<>();

        Node(String label, Kind kind) {
            this.label = label;
            this.kind = kind;
        }

        boolean sameLeaf(Node o) {
            return kind == o.kind && values.equals(o.values);
        }
    }

    private JunosTree() {
    }

    static Node build(List<List<String>> paths) {
        Node root = new Node("", Kind.CONTAINER);
        for (List<String> p : paths) {
            JunosSchema.Check c = JunosSchema.check(p);
            Node n = root;
            for (Seg s : c.segs()) {
                switch (s.kind()) {
                    case CONTAINER, NAMED -> n = n.children.computeIfAbsent(s.label(), k -> new Node(k, s.kind()));
                    case FLAG -> n.children.computeIfAbsent(s.keyword(), k -> new Node(k, Kind.FLAG));
                    case LEAF -> {
                        Node leaf = n.children.computeIfAbsent(s.keyword(), k -> new Node(k, Kind.LEAF));
                        leaf.values.clear();
                        leaf.values.add(s.value());
                    }
                    case LIST, SET -> {
                        Node leaf = n.children.computeIfAbsent(s.keyword(), k -> new Node(k, s.kind()));
                        if (!leaf.values.contains(s.value())) {
                            leaf.values.add(s.value());
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }
        return root;
    }

    private static String quote(String v) {
        return v.contains(" ") ? "\"" + v + "\"" : v;
    }

    /** The curly-brace rendering of {@code n}'s children at {@code depth}. */
    static void render(Node n, int depth, List<String> out) {
        for (Node c : n.children.values()) {
            renderNode(c, depth, out);
        }
    }

    static void renderNode(Node c, int depth, List<String> out) {
        String pad = "    ".repeat(depth);
        switch (c.kind) {
            case FLAG -> out.add(pad + c.label + ";");
            case LEAF -> out.add(pad + c.label + " " + quote(c.values.get(0)) + ";");
            case LIST -> out.add(pad + c.label + (c.values.size() == 1 ? " " + c.values.get(0) + ";"
                    : " [ " + String.join(" ", c.values) + " ];"));
            case SET -> {
                out.add(pad + c.label + " {");
                c.values.forEach(v -> out.add(pad + "    " + v + ";"));
                out.add(pad + "}");
            }
            default -> {
                if (c.children.isEmpty()) {
                    out.add(pad + c.label + ";");
                } else if (c.label.equals("then") && c.children.size() == 1
                        && c.children.values().iterator().next().kind != Kind.SET) {
                    // Junos prints a lone action on the same line: "then accept;"
                    List<String> one = new ArrayList<>();
                    renderNode(c.children.values().iterator().next(), 0, one);
                    out.add(pad + "then " + one.get(0));
                } else {
                    out.add(pad + c.label + " {");
                    render(c, depth + 1, out);
                    out.add(pad + "}");
                }
            }
        }
    }

    static String hierarchy(Node root) {
        List<String> out = new ArrayList<>();
        render(root, 0, out);
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }

    static List<String> displaySet(Node root) {
        List<String> out = new ArrayList<>();
        setLines(root, "set", out);
        return out;
    }

    private static void setLines(Node n, String prefix, List<String> out) {
        for (Node c : n.children.values()) {
            String p = prefix + " " + c.label;
            switch (c.kind) {
                case FLAG -> out.add(p);
                case LEAF, LIST, SET -> c.values.forEach(v -> out.add(p + " " + quote(v)));
                default -> {
                    if (c.children.isEmpty()) {
                        out.add(p);
                    } else {
                        setLines(c, p, out);
                    }
                }
            }
        }
    }

    /** {@code show | compare}: what the candidate adds (+) and removes (-), under [edit ...] headers. */
    static String compare(Node before, Node after) {
        List<String> out = new ArrayList<>();
        compare(new ArrayList<>(), before, after, out);
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }

    private static void compare(List<String> path, Node before, Node after, List<String> out) {
        String header = path.isEmpty() ? "[edit]" : "[edit " + String.join(" ", path) + "]";
        boolean[] headed = {false};
        for (Node o : before.children.values()) {
            if (!after.children.containsKey(o.label)) {
                emit(header, headed, out, "-", o);
            }
        }
        for (Node c : after.children.values()) {
            Node o = before.children.get(c.label);
            if (o == null) {
                emit(header, headed, out, "+", c);
            } else if (c.kind == Kind.CONTAINER || c.kind == Kind.NAMED) {
                List<String> sub = new ArrayList<>(path);
                sub.add(c.label);
                List<String> inner = new ArrayList<>();
                compare(sub, o, c, inner);
                out.addAll(inner);
            } else if (!c.sameLeaf(o)) {
                emit(header, headed, out, "-", o);
                emit(header, headed, out, "+", c);
            }
        }
    }

    private static void emit(String header, boolean[] headed, List<String> out, String sign, Node n) {
        if (!headed[0]) {
            out.add(header);
            headed[0] = true;
        }
        List<String> lines = new ArrayList<>();
        renderNode(n, 1, lines);
        // the sign takes the first column of the indentation: "+   term T {"
        lines.forEach(l -> out.add(sign + l.substring(1)));
    }

    static boolean same(Node a, Node b) {
        return Objects.equals(hierarchy(a), hierarchy(b));
    }
}

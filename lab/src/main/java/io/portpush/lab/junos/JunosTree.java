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
    // ---- Junos XML (Junos XML API: configuration statements as tag elements) ----

    /** The tree as the Junos XML API writes it inside {@code <configuration>}. */
    static String xml(Node root) {
        StringBuilder sb = new StringBuilder();
        xmlChildren(root, sb);
        return sb.toString();
    }

    private static void xmlChildren(Node n, StringBuilder sb) {
        List<Node> kids = new ArrayList<>(n.children.values());
        for (int i = 0; i < kids.size(); i++) {
            Node c = kids.get(i);
            String kw = keyword(c);
            if (c.kind == Kind.NAMED && (kw.equals("interfaces") || kw.equals("family"))) {
                // statements of one keyword share one wrapper: <interfaces><interface>..., <family><inet>...
                sb.append('<').append(kw).append('>');
                int j = i;
                while (j < kids.size() && kids.get(j).kind == Kind.NAMED && keyword(kids.get(j)).equals(kw)) {
                    Node x = kids.get(j);
                    if (kw.equals("interfaces")) {
                        sb.append("<interface><name>").append(esc(value(x))).append("</name>");
                        xmlChildren(x, sb);
                        sb.append("</interface>");
                    } else {
                        sb.append('<').append(value(x)).append('>');
                        xmlChildren(x, sb);
                        sb.append("</").append(value(x)).append('>');
                    }
                    j++;
                }
                sb.append("</").append(kw).append('>');
                i = j - 1;
                continue;
            }
            switch (c.kind) {
                case FLAG -> sb.append('<').append(kw).append("/>");
                case LEAF, LIST -> c.values.forEach(v -> sb.append('<').append(kw).append('>').append(esc(v)).append("</").append(kw).append('>'));
                case SET -> c.values.forEach(v -> sb.append('<').append(kw).append("><name>").append(esc(v)).append("</name></")
                        .append(kw).append('>'));
                case NAMED -> {
                    sb.append('<').append(kw).append("><name>").append(esc(value(c))).append("</name>");
                    xmlChildren(c, sb);
                    sb.append("</").append(kw).append('>');
                }
                default -> {
                    if (c.children.isEmpty()) {
                        sb.append('<').append(kw).append("/>");
                    } else {
                        sb.append('<').append(kw).append('>');
                        xmlChildren(c, sb);
                        sb.append("</").append(kw).append('>');
                    }
                }
            }
        }
    }

    private static String keyword(Node n) {
        int sp = n.label.indexOf(' ');
        return sp < 0 ? n.label : n.label.substring(0, sp);
    }

    private static String value(Node n) {
        int sp = n.label.indexOf(' ');
        return sp < 0 ? "" : n.label.substring(sp + 1);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** One statement loaded from XML or text: a path to set or delete, or a hierarchy to replace first. */
    record Change(Op op, List<String> words) {
    }

    enum Op { SET, DELETE, REPLACE }

    /**
     * Statements of a Junos XML {@code <configuration>} element (children of {@code config}), with
     * its {@code delete="delete"} and {@code replace="replace"} attributes.
     */
    static List<Change> fromXml(org.w3c.dom.Element config) {
        List<Change> out = new ArrayList<>();
        fromXml(config, "", new ArrayList<>(), out);
        return out;
    }

    private static void fromXml(org.w3c.dom.Element parent, String parentName, List<String> prefix, List<Change> out) {
        for (org.w3c.dom.Node x = parent.getFirstChild(); x != null; x = x.getNextSibling()) {
            if (!(x instanceof org.w3c.dom.Element c)) {
                continue;
            }
            String name = c.getLocalName();
            if (name.equals("name") && !prefix.isEmpty()) {
                continue; // the identifier, taken with its parent
            }
            List<String> words = new ArrayList<>(prefix);
            org.w3c.dom.Element id = child(c, "name");
            if (parentName.equals("family")) {
                words.set(words.size() - 1, "family");
                words.add(name);
            } else if (id != null) {
                if (!(name.equals("interface") && parentName.equals("interfaces"))) {
                    words.add(name);
                }
                words.add(id.getTextContent().strip());
            } else {
                words.add(name);
            }
            boolean hasElements = elementChildren(c) > (id == null ? 0 : 1);
            if (!name.equals("family") && !hasElements && id == null && !c.getTextContent().isBlank()) {
                words.add(c.getTextContent().strip());
            }
            if ("delete".equals(c.getAttribute("delete")) || "delete".equals(c.getAttribute("operation"))) {
                out.add(new Change(Op.DELETE, List.copyOf(words)));
                continue;
            }
            if ("replace".equals(c.getAttribute("replace")) || "replace".equals(c.getAttribute("operation"))) {
                out.add(new Change(Op.REPLACE, List.copyOf(words)));
            }
            if (hasElements || name.equals("family")) {
                fromXml(c, name, words, out);
            } else {
                out.add(new Change(Op.SET, List.copyOf(words)));
            }
        }
    }

    private static org.w3c.dom.Element child(org.w3c.dom.Element e, String localName) {
        for (org.w3c.dom.Node x = e.getFirstChild(); x != null; x = x.getNextSibling()) {
            if (x instanceof org.w3c.dom.Element c && localName.equals(c.getLocalName())) {
                return c;
            }
        }
        return null;
    }

    private static int elementChildren(org.w3c.dom.Element e) {
        int n = 0;
        for (org.w3c.dom.Node x = e.getFirstChild(); x != null; x = x.getNextSibling()) {
            if (x instanceof org.w3c.dom.Element) {
                n++;
            }
        }
        return n;
    }

    /**
     * Statements of the curly-brace text format ({@code load merge|replace} input): nested
     * {@code {}} blocks, {@code ;} ends, {@code [ a b ]} lists, quoted strings, {@code #} and
     * {@code /* *\/} comments, the {@code replace:} tag; the {@code version} line is skipped.
     *
     * @throws IllegalArgumentException naming the line of a brace that does not balance
     */
    static List<Change> fromText(String text) {
        List<Change> out = new ArrayList<>();
        List<List<String>> stack = new ArrayList<>();
        List<Boolean> replaced = new ArrayList<>();
        List<String> words = new ArrayList<>();
        boolean replaceTag = false;
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("line " + line + ": a comment that does not end");
                }
                line += (int) text.substring(i, end).chars().filter(c -> c == '\n').count();
                i = end + 2;
            } else if (ch == '{') {
                List<String> path = new ArrayList<>(stack.isEmpty() ? List.of() : stack.get(stack.size() - 1));
                path.addAll(words);
                if (replaceTag) {
                    out.add(new Change(Op.REPLACE, List.copyOf(path)));
                }
                stack.add(path);
                replaced.add(replaceTag);
                words.clear();
                replaceTag = false;
                i++;
            } else if (ch == '}') {
                if (stack.isEmpty() || !words.isEmpty()) {
                    throw new IllegalArgumentException("line " + line + ": '}' without its '{' (or a statement without ';' before it)");
                }
                stack.remove(stack.size() - 1);
                replaced.remove(replaced.size() - 1);
                i++;
            } else if (ch == ';') {
                List<String> base = new ArrayList<>(stack.isEmpty() ? List.of() : stack.get(stack.size() - 1));
                if (!(base.isEmpty() && !words.isEmpty() && words.get(0).equals("version"))) {
                    int open = words.indexOf("[");
                    if (open >= 0) {
                        List<String> head = new ArrayList<>(base);
                        head.addAll(words.subList(0, open));
                        if (replaceTag) {
                            out.add(new Change(Op.REPLACE, List.copyOf(head)));
                        }
                        for (String v : words.subList(open + 1, words.size())) {
                            if (!v.equals("]")) {
                                List<String> p = new ArrayList<>(head);
                                p.add(v);
                                out.add(new Change(Op.SET, p));
                            }
                        }
                    } else {
                        base.addAll(words);
                        if (replaceTag) {
                            out.add(new Change(Op.REPLACE, List.copyOf(base)));
                        }
                        out.add(new Change(Op.SET, base));
                    }
                }
                words.clear();
                replaceTag = false;
                i++;
            } else if (ch == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("line " + line + ": a quoted string that does not end");
                }
                words.add(text.substring(i + 1, end));
                i = end + 1;
            } else if (ch == '[' || ch == ']') {
                words.add(String.valueOf(ch));
                i++;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "{};[]\"".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                String w = text.substring(start, i);
                if (w.equals("replace:") && words.isEmpty()) {
                    replaceTag = true;
                } else if (!(w.equals("inactive:") || w.equals("protect:")) || !words.isEmpty()) {
                    words.add(w);
                }
            }
        }
        if (!stack.isEmpty() || !words.isEmpty()) {
            throw new IllegalArgumentException("line " + line + ": the configuration ends inside a statement (a '}' or ';' is missing)");
        }
        return out;
    }
}

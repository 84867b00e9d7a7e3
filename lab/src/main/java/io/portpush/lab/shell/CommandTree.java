package io.portpush.lab.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commands of one CLI mode as a keyword tree, matched the way vendor CLIs match them: each
 * word may be any unique prefix of a keyword ({@code sh ip acc}), an exact keyword wins over
 * longer ones, and a failure says where (the column of the word that did not match).
 *
 * <p>Keywords {@code <n>} (a number) and {@code <word>} (anything) are placeholders; keywords
 * always win over placeholders.
 */
public final class CommandTree {
    /** Runs a matched command; {@code args} are the words after the matched keywords. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Invocation inv);
    }

    /** A matched command line. */
    public record Invocation(String line, List<String> words, List<Integer> offsets, int consumed) {
        public List<String> args() {
            return words.subList(consumed, words.size());
        }

        /** Column of argument {@code i} in the line, for caret messages. */
        public int argOffset(int i) {
            int k = consumed + i;
            return k < offsets.size() ? offsets.get(k) : line.length();
        }

        /** The line from argument {@code i} on, spacing kept (for remarks, descriptions). */
        public String rest(int i) {
            int k = consumed + i;
            return k < offsets.size() ? line.substring(offsets.get(k)).strip() : "";
        }

        /** The matched keywords (full words, not as typed) joined by spaces. */
        public String word(int i) {
            return words.get(i);
        }
    }

    /** The outcome of matching a line. */
    public sealed interface Match {
        record Found(Handler handler, Invocation invocation) implements Match { }

        record Invalid(int column) implements Match { }

        record Ambiguous() implements Match { }

        record Incomplete() implements Match { }

        record Empty() implements Match { }
    }

    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        Handler handler;
        boolean takesArgs;
    }

    private final Node root = new Node();

    /** Adds a command; {@code takesArgs} lets words follow the keywords. */
    public CommandTree add(String path, boolean takesArgs, Handler handler) {
        Node n = root;
        for (String w : path.split(" ")) {
            n = n.children.computeIfAbsent(w, k -> new Node());
        }
        n.handler = handler;
        n.takesArgs = takesArgs;
        return this;
    }

    public CommandTree add(String path, Handler handler) {
        return add(path, false, handler);
    }

    public Match match(String line) {
        List<String> words = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= line.length()) {
                break;
            }
            int start = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            words.add(line.substring(start, i));
            offsets.add(start);
        }
        if (words.isEmpty()) {
            return new Match.Empty();
        }
        Node n = root;
        List<String> canonical = new ArrayList<>(words);
        for (int w = 0; w < words.size(); w++) {
            String typed = words.get(w).toLowerCase(Locale.ROOT);
            String hit = null;
            int candidates = 0;
            for (String k : n.children.keySet()) {
                if (k.startsWith("<")) {
                    continue;
                }
                if (k.equals(typed)) {
                    hit = k;
                    candidates = 1;
                    break;
                }
                if (k.startsWith(typed)) {
                    hit = k;
                    candidates++;
                }
            }
            if (candidates > 1) {
                return new Match.Ambiguous();
            }
            if (hit == null) {
                if (typed.chars().allMatch(Character::isDigit) && n.children.containsKey("<n>")) {
                    hit = "<n>";
                } else if (n.children.containsKey("<word>")) {
                    hit = "<word>";
                }
            }
            if (hit == null) {
                if (n.handler != null && n.takesArgs) {
                    return new Match.Found(n.handler, new Invocation(line, canonical, offsets, w));
                }
                return new Match.Invalid(offsets.get(w));
            }
            if (!hit.startsWith("<")) {
                canonical.set(w, hit);
            }
            n = n.children.get(hit);
        }
        if (n.handler == null) {
            return new Match.Incomplete();
        }
        return new Match.Found(n.handler, new Invocation(line, canonical, offsets, words.size()));
    }
}

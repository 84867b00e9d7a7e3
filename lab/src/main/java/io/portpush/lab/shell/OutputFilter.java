package io.portpush.lab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code | include}, {@code | exclude}, {@code | begin}, {@code | section} and {@code | count}
 * output modifiers of Cisco CLIs (each keyword may be abbreviated, {@code | sec}, {@code | i}).
 */
public final class OutputFilter {
    private static final List<String> KINDS = List.of("include", "exclude", "begin", "section", "count", "grep");

    private OutputFilter() {
    }

    /** Splits {@code show ... | filter} into the command and the filter text (null when none). */
    public static String[] split(String line) {
        int bar = line.indexOf('|');
        if (bar < 0) {
            return new String[] {line, null};
        }
        return new String[] {line.substring(0, bar).stripTrailing(), line.substring(bar + 1).strip()};
    }

    /** Applies a filter; returns null when the filter itself is not understood. */
    public static String apply(String output, String filter) {
        if (filter == null) {
            return output;
        }
        String[] parts = filter.split("\\s+", 2);
        String word = parts[0].toLowerCase(Locale.ROOT);
        List<String> hits = KINDS.stream().filter(k -> k.startsWith(word)).toList();
        if (hits.size() != 1 || parts.length < 2) {
            return null;
        }
        Pattern p;
        try {
            p = Pattern.compile(parts[1].strip());
        } catch (PatternSyntaxException e) {
            return null;
        }
        List<String> lines = output.lines().toList();
        List<String> out = new ArrayList<>();
        switch (hits.get(0)) {
            case "include", "grep" -> lines.stream().filter(l -> p.matcher(l).find()).forEach(out::add);
            case "exclude" -> lines.stream().filter(l -> !p.matcher(l).find()).forEach(out::add);
            case "begin" -> {
                boolean on = false;
                for (String l : lines) {
                    on = on || p.matcher(l).find();
                    if (on) {
                        out.add(l);
                    }
                }
            }
            case "count" -> {
                return "Number of lines which match regexp = " + lines.stream().filter(l -> p.matcher(l).find()).count() + "\n";
            }
            default -> { // section: a top-level line and its indented children, kept when any of them match
                List<String> section = new ArrayList<>();
                boolean match = false;
                for (String l : lines) {
                    boolean top = !l.isEmpty() && !Character.isWhitespace(l.charAt(0));
                    if (top) {
                        if (match) {
                            out.addAll(section);
                        }
                        section.clear();
                        match = false;
                    }
                    if (!l.isEmpty() && !l.equals("!")) {
                        section.add(l);
                        match = match || p.matcher(l).find();
                    }
                }
                if (match) {
                    out.addAll(section);
                }
            }
        }
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }
}

package io.portpush.core.wire;

import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The one check every line passes before it reaches a device, whatever module built it. A line
 * is refused when it holds a character that could end it early or change what the terminal does
 * with it: C0 controls (CR, LF, TAB, ESC...), DEL, C1 controls (including the 8-bit CSI that
 * starts an escape sequence), the Unicode line and paragraph separators, and format characters
 * (bidirectional overrides, zero-width characters, the byte order mark), which make a line read
 * differently from what is sent. Platform rules ({@link LineRules}) add length limits, the
 * character set and characters the CLI acts on.
 *
 * <p>Why one gate and not escaping: a configuration line has no escape for a line break, and
 * the safe answer to "a variable holds two commands" is to send neither.
 */
public final class LineGate {
    private LineGate() {
    }

    /** The first reason {@code line} must not be sent under {@code rules}, if any. */
    public static Optional<Violation> check(String line, LineRules rules) {
        Optional<Violation> c = firstUnsafe(line);
        if (c.isPresent()) {
            return c;
        }
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            if (rules.asciiOnly() && cp > 0x7e) {
                return Optional.of(new Violation(i, cp, "is not printable ASCII, the only characters " + rules.platform()
                        + " stores as sent"));
            }
            for (LineRules.Forbidden f : rules.forbidden()) {
                if (f.codePoint() == cp) {
                    return Optional.of(new Violation(i, cp, f.why()));
                }
            }
            i += Character.charCount(cp);
        }
        int length = line.codePointCount(0, line.length());
        if (length > rules.maxLine()) {
            return Optional.of(new Violation(-1, -1, "is " + length + " characters long; " + rules.platform() + " takes at most "
                    + rules.maxLine()));
        }
        for (LineRules.FieldLimit f : rules.fields()) {
            Matcher m = f.pattern().matcher(line);
            if (m.find() && m.group(1) != null) {
                int n = m.group(1).codePointCount(0, m.group(1).length());
                if (n > f.max()) {
                    return Optional.of(new Violation(-1, -1, "has a " + f.what() + " of " + n + " characters; " + rules.platform()
                            + " takes at most " + f.max() + " (" + f.source() + ")"));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first character that may never appear in anything sent to a device, on any platform:
     * the rule for values that a template will put inside a line.
     */
    public static Optional<Violation> firstUnsafe(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String why = unsafe(cp);
            if (why != null) {
                return Optional.of(new Violation(i, cp, why));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /** Why {@code cp} is never sent, or null when it may be. */
    static String unsafe(int cp) {
        if (cp == '\n' || cp == '\r' || cp == 0x0b || cp == 0x0c || cp == 0x85) {
            return "ends a line";
        }
        if (cp == 0x1b || cp == 0x9b) {
            return "starts a terminal escape sequence";
        }
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
            return "is a control character (the device's terminal acts on it)";
        }
        if (cp == 0x2028 || cp == 0x2029) {
            return "ends a line in Unicode";
        }
        if (Character.getType(cp) == Character.FORMAT) {
            return "is an invisible format character (it makes the line read differently from what is sent)";
        }
        if (Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.UNASSIGNED
                || Character.getType(cp) == Character.PRIVATE_USE) {
            return "is not a character a device can store";
        }
        return null;
    }

    /**
     * One reason a line is refused.
     *
     * @param index     the position in the line (UTF-16 index), or -1 when the whole line is at fault
     * @param codePoint the character, or -1
     * @param why       what is wrong with it
     */
    public record Violation(int index, int codePoint, String why) {
        /** {@code LF (U+000A) at column 3 ends a line}, or the whole-line reason. */
        public String describe() {
            if (codePoint < 0) {
                return why;
            }
            return name(codePoint) + " at column " + (index + 1) + " " + why;
        }

        /** A readable name for a character: {@code LF (U+000A)}, {@code '?' (U+003F)}. */
        public static String name(int cp) {
            String hex = String.format("U+%04X", cp);
            String short_ = switch (cp) {
                case '\n' -> "LF";
                case '\r' -> "CR";
                case '\t' -> "TAB";
                case 0x1b -> "ESC";
                case 0x7f -> "DEL";
                case 0x00 -> "NUL";
                default -> null;
            };
            if (short_ != null) {
                return short_ + " (" + hex + ")";
            }
            if (cp >= 0x20 && cp < 0x7f) {
                return "'" + (char) cp + "' (" + hex + ")";
            }
            String n = Character.getName(cp);
            return (n == null ? "character" : n) + " (" + hex + ")";
        }
    }
}

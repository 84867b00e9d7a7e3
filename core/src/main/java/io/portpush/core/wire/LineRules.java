package io.portpush.core.wire;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one platform's CLI accepts on a line, beyond the rules every line obeys (no control
 * characters, no escape sequences; see {@link LineGate}). {@code asciiOnly}: the device takes
 * printable ASCII only (IOS and ASA store other bytes as garbage or refuse them).
 * {@code forbidden}: printable characters the interactive CLI acts on instead of storing (IOS and
 * ASA show help on {@code ?}). {@code fields}: per-field length limits from the vendor's
 * documentation, such as the 100-character IOS ACL remark.
 *
 * @param platform   the platform name, for messages
 * @param maxLine    the longest line the device's command buffer takes
 * @param asciiOnly  whether only printable ASCII may be sent
 * @param forbidden  printable characters refused on this platform, each with why
 * @param fields     documented limits of parts of a line
 */
public record LineRules(String platform, int maxLine, boolean asciiOnly, List<Forbidden> forbidden, List<FieldLimit> fields) {
    /** Rules that apply everywhere: no control characters, lines up to 4,096 characters (a terminal's line buffer). */
    public static final LineRules ANY = new LineRules("any", 4096, false, List.of(), List.of());

    public LineRules {
        Objects.requireNonNull(platform, "platform");
        forbidden = List.copyOf(forbidden);
        fields = List.copyOf(fields);
        if (maxLine < 1) {
            throw new IllegalArgumentException("maxLine must be positive");
        }
    }

    /** A printable character the platform's CLI acts on instead of storing. */
    public record Forbidden(int codePoint, String why) {
    }

    /**
     * A documented limit of one part of a line: group 1 of {@code pattern} is the part.
     *
     * @param what   the part's name ({@code ACL remark})
     * @param source where the limit is documented
     */
    public record FieldLimit(String what, Pattern pattern, int max, String source) {
    }
}

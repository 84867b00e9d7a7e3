package io.portpush.core.wire;

import io.portpush.core.error.ExitCodes;
import io.portpush.core.error.PortpushException;

/**
 * A line (or a value meant for one) that the {@link LineGate} refused: nothing of it was sent.
 * The message shows the line with the offending character made visible, never raw.
 */
public final class UnsafeLineException extends PortpushException {
    private static final long serialVersionUID = 1L;

    public UnsafeLineException(String message) {
        super(message);
    }

    /** The refusal of {@code line} bound for {@code host}, with the character made visible. */
    public static UnsafeLineException of(String host, String line, LineGate.Violation v) {
        return new UnsafeLineException("refused to send to " + host + ": the line '" + visible(line) + "' " + v.describe()
                + "; nothing of it was sent");
    }

    /** {@code text} with every character the gate refuses written as {@code \\uXXXX}, so a message can never carry one. */
    public static String visible(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (LineGate.unsafe(cp) != null) {
                b.append(cp == '\n' ? "\\n" : cp == '\r' ? "\\r" : cp == '\t' ? "\\t" : String.format("\\u%04X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        String s = b.toString();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    @Override
    public int exitCode() {
        return ExitCodes.HOST_FAILED;
    }
}

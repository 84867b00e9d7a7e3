package io.portpush.core.change;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One reviewed change in a plan file: the policy object of one host, the fingerprint of the state
 * it was computed from (SHA-256 of the object's recorded read model: entries and bindings, never
 * hit counters or other values that move with traffic), that state's text for showing drift, and
 * exactly the lines that will be sent.
 */
public record PlannedChange(String host, String object, String fingerprint, String before, List<String> lines, boolean atomic,
                            String diff, List<String> meaning) {
    public PlannedChange {
        lines = List.copyOf(lines);
        meaning = List.copyOf(meaning);
    }

    /** The fingerprint of a recorded state. */
    public static String fingerprint(String record) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(record.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

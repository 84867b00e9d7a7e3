package io.portpush.core.runner;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces every known secret value with {@code ********} in text that leaves portpush (console
 * lines, reports, diffs, history, error messages). Secrets are learned from variables whose
 * names say they are secret (passwords, enable secrets, keys) before anything is printed.
 */
public final class Redactor {
    public static final String MASK = "********";
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** The shortest secret that can be masked without masking unrelated text. */
    public static final int MIN_LENGTH = 3;

    /**
     * Learns a secret value to mask from now on. Values of one or two characters are refused:
     * masking them would hide innocent text everywhere, and not masking them would print them.
     *
     * @throws IllegalArgumentException for a secret shorter than {@link #MIN_LENGTH} (the value is not in the message)
     */
    public void learn(String secret) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a secret of " + secret.length() + " character(s) cannot be masked in output without "
                    + "masking unrelated text; use one of at least " + MIN_LENGTH);
        }
        secrets.add(secret);
    }

    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        List<String> longestFirst = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String s : longestFirst) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}

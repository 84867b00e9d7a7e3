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

    public void learn(String secret) {
        // very short values would mask innocent text all over the output
        if (secret != null && secret.length() >= 3) {
            secrets.add(secret);
        }
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

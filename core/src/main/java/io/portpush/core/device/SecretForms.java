package io.portpush.core.device;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in configuration text by patterns: group 1 of each pattern is kept, the rest
 * of the match (the secret) becomes {@link #MASK}. Each platform lists its own forms.
 */
public record SecretForms(List<Pattern> patterns) {
    /** What a masked secret reads as. */
    public static final String MASK = "********";

    public SecretForms {
        patterns = List.copyOf(patterns);
    }

    /** Patterns compiled multiline: {@code ^} is the start of a configuration line. */
    public static SecretForms of(String... regexes) {
        return new SecretForms(java.util.Arrays.stream(regexes).map(r -> Pattern.compile(r, Pattern.MULTILINE)).toList());
    }

    /** {@code text} with every secret masked. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Pattern p : patterns) {
            Matcher m = p.matcher(out);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + MASK));
            }
            m.appendTail(b);
            out = b.toString();
        }
        return out;
    }
}

package io.portpush.core.error;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The known names closest in spelling to a mistyped one, for "did you mean" hints. */
public final class DidYouMean {
    private DidYouMean() {
    }

    /** The closest names of {@code known} to {@code word}, when close enough to be a typo (empty otherwise). */
    public static List<String> closest(String word, Collection<String> known) {
        int best = Integer.MAX_VALUE;
        List<String> out = new ArrayList<>();
        String w = word.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(w, k.toLowerCase(Locale.ROOT));
            if (d < best) {
                best = d;
                out.clear();
            }
            if (d == best && !out.contains(k)) {
                out.add(k);
            }
        }
        return best <= Math.max(2, word.length() / 3) ? out : List.of();
    }

    /** {@code " (did you mean default?)"}, or an empty string when nothing is close. */
    public static String hint(String word, Collection<String> known) {
        List<String> c = closest(word, known);
        return c.isEmpty() ? "" : " (did you mean " + String.join(" or ", c) + "?)";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

package io.portpush.core.policy;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How an entry's protocol is written in the model, whatever a platform calls it: {@code ip},
 * {@code icmp}, {@code tcp} and {@code udp} as words, every other IP protocol as its number
 * (IANA "Assigned Internet Protocol Numbers"), so {@code ahp} on IOS and {@code ah} on ASA are
 * both {@code 51}. Each platform passes its own table of names.
 */
public final class IpProtocols {
    private IpProtocols() {
    }

    /** The model's word for an IP protocol number. */
    public static String word(int number) {
        return switch (number) {
            case 0 -> "ip";
            case 1 -> "icmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            default -> String.valueOf(number);
        };
    }

    /** A platform's protocol word (a name of {@code names}, case-insensitive, or a number 0-255) in the model's form. */
    public static Optional<String> of(String word, Map<String, Integer> names) {
        String w = word.toLowerCase(Locale.ROOT);
        Integer n = names.get(w);
        if (n == null && number(w, 255) >= 0) {
            n = number(w, 255);
        }
        return n == null ? Optional.empty() : Optional.of(word(n));
    }

    /** A word of one to three digits no greater than {@code max}, as a number; -1 for any other (no regular expression: a hot path). */
    public static int number(String w, int max) {
        int n = w.length();
        if (n == 0 || n > 3) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= max ? v : -1;
    }
}

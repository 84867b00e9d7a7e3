package io.portpush.core.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expands Ansible host ranges: {@code fw[01:20].dc1}, {@code web[a:c]}, {@code r[1:9:2]}. */
public final class HostRanges {
    private static final Pattern RANGE = Pattern.compile("\\[([0-9a-zA-Z]+):([0-9a-zA-Z]+)(?::(\\d+))?\\]");

    private HostRanges() {
    }

    public static List<String> expand(String pattern) {
        Matcher m = RANGE.matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        String head = pattern.substring(0, m.start());
        String tail = pattern.substring(m.end());
        String a = m.group(1);
        String b = m.group(2);
        int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        List<String> items = new ArrayList<>();
        if (a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)) {
            int from = Integer.parseInt(a);
            int to = Integer.parseInt(b);
            // a leading zero fixes the width, as in Ansible: [01:20] -> 01, 02, ... 20
            int width = a.length() > 1 && a.startsWith("0") ? a.length() : 0;
            for (int i = from; i <= to; i += step) {
                items.add(width > 0 ? String.format("%0" + width + "d", i) : String.valueOf(i));
            }
        } else if (a.length() == 1 && b.length() == 1) {
            for (char c = a.charAt(0); c <= b.charAt(0); c += (char) step) {
                items.add(String.valueOf(c));
            }
        } else {
            throw new IllegalArgumentException("bad host range [" + a + ":" + b + "]");
        }
        List<String> out = new ArrayList<>();
        for (String i : items) {
            out.addAll(expand(head + i + tail));
        }
        return out;
    }
}

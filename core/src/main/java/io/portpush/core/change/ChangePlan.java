package io.portpush.core.change;

import java.util.List;

/**
 * What a driver plans to send to take a device from what it holds to what is intended.
 *
 * @param lines the lines in the order they are sent
 * @param atomic whether the lines form one script the device loads whole or not at all
 *               (nftables {@code nft -f}); otherwise they are typed one by one
 */
public record ChangePlan(List<String> lines, boolean atomic) {
    public ChangePlan {
        lines = List.copyOf(lines);
    }

    /** Lines typed one by one at the device's configuration prompt. */
    public static ChangePlan lines(List<String> lines) {
        return new ChangePlan(lines, false);
    }

    /** One script loaded as a single transaction; blank lines are dropped from what is shown. */
    public static ChangePlan script(String script) {
        return new ChangePlan(script.lines().filter(l -> !l.isBlank()).toList(), true);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public int size() {
        return lines.size();
    }

    /** The script text of an atomic plan (its lines joined), for the device to load. */
    public String script() {
        return String.join("\n", lines) + "\n";
    }
}

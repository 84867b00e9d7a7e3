package io.portpush.core.inventory;

import io.portpush.core.error.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks what a run will act on before anything connects: every term of every play's
 * {@code hosts} and of {@code --limit} names a group or host of the inventory, and together the
 * plays match at least one host. Ansible only warns here; portpush refuses (exit 6), because at
 * 2 a.m. a typo that silently does nothing looks exactly like success.
 */
public final class Targets {
    private Targets() {
    }

    /**
     * @param patterns   the plays' {@code hosts} patterns, each with where it was written
     * @param limit      {@code --limit}, or null
     * @param allowEmpty {@code --allow-empty}: a run matching no host succeeds (for scripts)
     * @throws NotFoundException naming each unknown term (with the closest names) or the empty result
     */
    public static void check(Inventory inventory, List<Pattern> patterns, String limit, boolean allowEmpty) {
        List<String> problems = new ArrayList<>();
        for (Pattern p : patterns) {
            for (String t : inventory.unknownTerms(p.pattern())) {
                problems.add(p.where() + ": hosts pattern '" + p.pattern() + "' names '" + t + "', which is no group or host of "
                        + inventory.source() + hint(inventory, t));
            }
        }
        if (limit != null) {
            for (String t : inventory.unknownTerms(limit)) {
                problems.add("--limit '" + limit + "' names '" + t + "', which is no group or host of " + inventory.source()
                        + hint(inventory, t));
            }
        }
        if (!problems.isEmpty()) {
            throw new NotFoundException(String.join("\n", problems) + "\nnothing was run");
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (Pattern p : patterns) {
            List<String> h = new ArrayList<>(inventory.select(p.pattern()));
            if (limit != null) {
                h.retainAll(inventory.select(limit));
            }
            hosts.addAll(h);
        }
        if (hosts.isEmpty() && !allowEmpty && !patterns.isEmpty()) {
            throw new NotFoundException("no host matches: the plays' hosts (" + String.join(", ", patterns.stream().map(Pattern::pattern)
                    .toList()) + ")" + (limit == null ? "" : " limited to '" + limit + "'") + " select nothing in " + inventory.source()
                    + "; nothing was run (--allow-empty accepts an empty run)");
        }
    }

    private static String hint(Inventory inventory, String term) {
        List<String> near = inventory.closest(term.replace("~", ""));
        return near.isEmpty() ? " (groups: " + String.join(", ", inventory.groups().keySet()) + ")"
                : " (did you mean " + String.join(" or ", near) + "?)";
    }

    /** A hosts pattern and where it was written (a play's file:line). */
    public record Pattern(String pattern, String where) {
    }
}

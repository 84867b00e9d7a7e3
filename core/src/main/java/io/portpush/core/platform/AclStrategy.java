package io.portpush.core.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a platform replaces an ACL that is bound and carrying traffic. A platform declares the ones
 * it supports ({@link Capabilities#strategies()}); asking for another is an input error, never a
 * silent fallback.
 */
public enum AclStrategy {
    /** Build the new list under a temporary name, move the binding to it, remove the old one: no moment without a list. */
    SWAP("swap"),
    /** Change entries by sequence number inside the bound list (IOS): the fewest lines, each change applies at once. */
    IN_PLACE("in-place"),
    /** Load the whole new filter into a candidate and commit it at once (Junos): the device swaps atomically. */
    REPLACE("replace");

    private final String word;

    AclStrategy(String word) {
        this.word = word;
    }

    /** The playbook word ({@code strategy: in-place}). */
    public String word() {
        return word;
    }

    public static Optional<AclStrategy> of(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst();
    }
}

package io.portpush.core.policy;

/** What an entry does with matching packets. */
public enum Action {
    PERMIT, DENY;

    public String word() {
        return this == PERMIT ? "permit" : "deny";
    }
}

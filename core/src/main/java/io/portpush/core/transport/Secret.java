package io.portpush.core.transport;

import java.util.Objects;

/**
 * A password, passphrase or enable secret. Its {@code toString} never shows the value, so a
 * secret that slips into a log line, an error or a report prints as {@code ********}.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public static Secret of(String value) {
        return value == null ? null : new Secret(value);
    }

    /** The value itself; call only where it is sent to a device or an SSH server. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "********";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}

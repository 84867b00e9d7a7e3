package io.portpush.core.transport;

import io.portpush.core.error.ExitCodes;
import io.portpush.core.error.PortpushException;

/**
 * An SSH-level failure. {@link Kind#UNREACHABLE} covers connection and authentication failures
 * (the host never ran anything); the others happen inside a working session.
 */
public final class TransportException extends PortpushException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides whether a retry or a restore makes sense. */
    public enum Kind { UNREACHABLE, AUTHENTICATION, HOST_KEY, TIMEOUT, DISCONNECTED }

    private final Kind kind;

    public TransportException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the device may have received commands before the failure. */
    public boolean midSession() {
        return kind == Kind.TIMEOUT || kind == Kind.DISCONNECTED;
    }

    @Override
    public int exitCode() {
        return midSession() ? ExitCodes.HOST_FAILED : ExitCodes.UNREACHABLE;
    }
}

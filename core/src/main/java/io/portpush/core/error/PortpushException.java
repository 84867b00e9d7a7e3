package io.portpush.core.error;

/**
 * Base of every error portpush reports to a person. The message is meant to be printed as is:
 * it says what went wrong and, where it can, what to do about it. Each subtype maps to one
 * documented process exit code.
 */
public abstract class PortpushException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected PortpushException(String message) {
        super(message);
    }

    protected PortpushException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code the CLI uses when this error ends a command. */
    public abstract int exitCode();
}

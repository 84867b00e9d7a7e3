package io.portpush.core.error;

/** Something a person named (a group, a host, a revision) does not exist. */
public final class NotFoundException extends PortpushException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCodes.NOT_FOUND;
    }
}

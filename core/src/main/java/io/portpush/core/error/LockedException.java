package io.portpush.core.error;

/** Another portpush process holds what this command needs (the state directory, a running lab). Exit 7. */
public final class LockedException extends PortpushException {
    private static final long serialVersionUID = 1L;

    public LockedException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCodes.LOCKED;
    }
}

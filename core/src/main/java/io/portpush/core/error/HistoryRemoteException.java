package io.portpush.core.error;

/**
 * The history's git remote could not be read or written: before a run nothing was sent to any
 * device; after it, the run's revisions are in the local history and the next push sends them.
 * Exit 8.
 */
public final class HistoryRemoteException extends PortpushException {
    private static final long serialVersionUID = 1L;

    public HistoryRemoteException(String message, Throwable cause) {
        super(message, cause);
    }

    public HistoryRemoteException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCodes.HISTORY_REMOTE;
    }
}

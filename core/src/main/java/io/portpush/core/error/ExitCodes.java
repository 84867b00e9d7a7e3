package io.portpush.core.error;

/** Process exit codes, documented in the README. */
public final class ExitCodes {
    /** Everything asked for was done, or nothing needed doing. */
    public static final int OK = 0;
    /** An unexpected internal error (a bug): the message and stack trace say where. */
    public static final int INTERNAL = 1;
    /** At least one host failed a task. */
    public static final int HOST_FAILED = 2;
    /** Drift found: a device differs from the intent (verify, check). */
    public static final int DRIFT = 3;
    /** At least one host was unreachable. */
    public static final int UNREACHABLE = 4;
    /** An input file (catalogue, inventory, playbook) is invalid. */
    public static final int INVALID_INPUT = 5;
    /** Something named on the command line does not exist (group, host, revision). */
    public static final int NOT_FOUND = 6;
    /** Another portpush run holds the state directory (history, lab). */
    public static final int LOCKED = 7;
    /** The history's git remote could not be fetched before a run, or pushed to after it. */
    public static final int HISTORY_REMOTE = 8;
    /** The command line itself is wrong (unknown option, missing argument). */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}

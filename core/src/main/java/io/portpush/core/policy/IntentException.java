package io.portpush.core.policy;

import io.portpush.core.error.ExitCodes;
import io.portpush.core.error.PortpushException;

/** An ACL or QoS request that cannot be turned into policy; the message says what to change. */
public final class IntentException extends PortpushException {
    private static final long serialVersionUID = 1L;

    public IntentException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCodes.INVALID_INPUT;
    }
}

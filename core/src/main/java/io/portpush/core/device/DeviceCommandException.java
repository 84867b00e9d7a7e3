package io.portpush.core.device;

import io.portpush.core.error.ExitCodes;
import io.portpush.core.error.PortpushException;

/** The device refused a command: it printed an error for it. */
public final class DeviceCommandException extends PortpushException {
    private static final long serialVersionUID = 1L;
    private final String command;
    private final String deviceMessage;

    public DeviceCommandException(String host, String command, String deviceMessage) {
        super(host + ": the device refused '" + command + "': " + deviceMessage);
        this.command = command;
        this.deviceMessage = deviceMessage;
    }

    public String command() {
        return command;
    }

    public String deviceMessage() {
        return deviceMessage;
    }

    @Override
    public int exitCode() {
        return ExitCodes.HOST_FAILED;
    }
}

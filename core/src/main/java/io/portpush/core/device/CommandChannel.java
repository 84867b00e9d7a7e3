package io.portpush.core.device;

/**
 * How a {@link DeviceSession}'s lines reach the device: typed at the CLI prompt of an SSH shell,
 * or carried by a management API (Junos NETCONF) that takes the same statements. The session
 * checks every line against the platform's {@link io.portpush.core.wire.LineGate} before it gets
 * here, reads errors from the answer with the platform's {@link Dialect}, and logs both.
 */
public interface CommandChannel extends AutoCloseable {
    /**
     * Sends one line (a command or a configuration statement) and returns the device's answer,
     * without the echo and the prompt; a refusal comes back as the device's error text.
     */
    String send(String line);

    @Override
    void close();
}

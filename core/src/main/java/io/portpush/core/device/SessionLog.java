package io.portpush.core.device;

/** What a device session reports as it talks: every line sent, and (for -vvv) every answer. */
public interface SessionLog {
    void sent(String line);

    default void received(String output) {
    }
}

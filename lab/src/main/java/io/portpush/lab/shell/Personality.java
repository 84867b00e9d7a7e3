package io.portpush.lab.shell;

/**
 * The CLI of one platform: prompts, commands and their output. One instance per device; it owns
 * the device's running configuration, shared by all sessions to that device.
 */
public interface Personality {
    /** Text printed after login, before the first prompt (may be empty). */
    String banner(Session session);

    /** The prompt for the session's current mode, exactly as the device prints it. */
    String prompt(Session session);

    /** A short mode word for the command log: {@code exec}, {@code config}, {@code config-if}... */
    String mode(Session session);

    /** Handles one typed line (without the line ending). */
    Reply handle(Session session, String line);

    /** Runs a single command from an SSH exec request (no pty, no prompt). */
    default String exec(Session session, String command) {
        return handle(session, command).output();
    }

    /** The session ended (exit, or the client closed the channel). */
    default void closed(Session session) {
    }

    /** The device's NETCONF server, when the platform offers one (the {@code netconf} SSH subsystem). */
    default java.util.Optional<io.portpush.lab.netconf.NetconfServer.NetconfDevice> netconf() {
        return java.util.Optional.empty();
    }

    /**
     * Whether the device lets a new SSH connection from {@code client} to {@code local} through
     * (its own filters on the way in, where the profile asks for it); refused connections are
     * dropped before the SSH banner, as a filtered SYN never reaches the SSH server.
     */
    default boolean admits(java.net.InetSocketAddress client, java.net.InetSocketAddress local) {
        return true;
    }

    /** The running configuration as the device would save it, for persistence across lab restarts. */
    String savedConfig();

    /** Replays a saved configuration at startup; returns problems as text, empty when none. */
    String restore(String savedConfig);
}

package io.portpush.core.device;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How one platform's CLI talks: prompts, session setup, privilege, configuration mode and the
 * error texts that mean a line was refused. Every module shares it through {@link DeviceSession}.
 */
public interface Dialect {

    /** Matches any prompt of the device at the end of what was read (all modes). */
    Pattern prompt();

    /** Matches the prompt of the unprivileged mode, when the platform has one and needs {@code enable}. */
    default Optional<Pattern> unprivilegedPrompt() {
        return Optional.empty();
    }

    /** Matches the password question of {@code enable}. */
    default Pattern passwordPrompt() {
        return Pattern.compile("[Pp]assword: ?$");
    }

    /** What this platform's CLI accepts on one line, checked by the {@link io.portpush.core.wire.LineGate} before anything is sent. */
    default io.portpush.core.wire.LineRules lineRules() {
        return io.portpush.core.wire.LineRules.ANY;
    }

    /**
     * {@code config} (this platform's running configuration) with every secret the platform
     * stores masked in its own forms (clear or hashed: {@code secret 9 ...}, {@code password 7 ...},
     * SNMP communities, pre-shared keys, Junos {@code $9$} strings), lines otherwise whole.
     * Backups in history go through it: a hash is as good as a password to an offline cracker.
     */
    default String maskSecrets(String config) {
        return config;
    }

    /**
     * A NETCONF channel on {@code ssh} that carries this platform's statements, for hosts with
     * {@code ansible_connection: netconf}; empty where portpush speaks only the platform's CLI.
     */
    default java.util.Optional<CommandChannel> netconf(String host, io.portpush.core.transport.SshConnection ssh, java.time.Duration timeout) {
        return java.util.Optional.empty();
    }

    /** Commands that make the session scriptable (paging off, width). */
    List<String> sessionSetup();

    /** Commands that enter configuration mode. */
    List<String> enterConfig();

    /**
     * Commands that enter configuration mode for a change made with {@code commit}: where the
     * platform arms its undo timer on entry (IOS {@code configure terminal revert timer N}), they
     * differ from {@link #enterConfig()}.
     */
    default List<String> enterConfig(Commit commit) {
        return enterConfig();
    }

    /**
     * Why the device's answer to {@link #enterConfig(Commit)} shows that its undo timer did not
     * start (IOS without a configuration archive); empty when it started or none was asked for.
     */
    default Optional<String> notArmed(Commit commit, String answer) {
        return Optional.empty();
    }

    /**
     * Whether, after a {@link Commit.Confirmed} the operator asked for, the device takes the change
     * back by itself unless confirmed (Junos, EOS, IOS with its revert timer).
     */
    default boolean undoesUnconfirmed() {
        return !commitConfirmed(1, "portpush").equals(commit("portpush")) || armsOnRequest();
    }

    /**
     * Whether the undo timer exists only when a confirm window asks for it, armed as configuration
     * mode opens or by lines typed in it (IOS, ASA, NX-OS): there a confirm means something only
     * after such an arming.
     */
    default boolean armsOnRequest() {
        return !enterConfig(new Commit.Confirmed(1, "portpush", true)).equals(enterConfig()) || runsGivenUndo();
    }

    /** Whether the device's timer runs the undo lines portpush gives it ({@link #armInConfig}) rather than a copy of its own. */
    default boolean runsGivenUndo() {
        return !armInConfig(new Commit.Confirmed(1, "portpush", true, List.of("x"))).isEmpty();
    }

    /**
     * Configuration lines, typed first in configuration mode, that set a device-side countdown
     * running {@link Commit.Confirmed#undo} unless {@link #confirm} removes it (ASA: an EEM applet
     * with {@code event timer countdown}); empty where the platform has its own undo or none.
     *
     * @throws IllegalArgumentException when the undo lines cannot be carried (the message says why)
     */
    default List<String> armInConfig(Commit.Confirmed commit) {
        return List.of();
    }

    /** Commands that leave configuration mode (after a commit, where the platform has one). */
    List<String> exitConfig();

    /** The device's refusal in a command's output, if any (e.g. {@code % Invalid input}). */
    Optional<String> error(String output);

    /** The command that prints the running configuration in the form {@link #hasLine} reads. */
    default String runningConfigCommand() {
        return "show running-config";
    }

    /**
     * Whether the running configuration already holds {@code line} under {@code parents}
     * (idempotence of the config module).
     */
    default boolean hasLine(String running, List<String> parents, String line) {
        List<String> lines = running.lines().map(String::stripTrailing).toList();
        int from = 0;
        int indent = -1;
        for (String parent : parents) {
            int found = -1;
            for (int i = from; i < lines.size(); i++) {
                if (lines.get(i).strip().equals(parent.strip()) && leading(lines.get(i)) > indent) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return false;
            }
            indent = leading(lines.get(found));
            from = found + 1;
        }
        for (int i = from; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!parents.isEmpty() && !l.isBlank() && leading(l) <= indent) {
                break;
            }
            if (l.strip().equals(line.strip())) {
                return true;
            }
        }
        return false;
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Commands that make the configuration active (Junos: commit); empty where lines apply at once. */
    default List<String> commit(String comment) {
        return List.of();
    }

    /**
     * Commands that activate the configuration but take it back by themselves unless confirmed
     * within {@code minutes} (Junos {@code commit confirmed}); where the platform has no such
     * net, a plain commit.
     */
    default List<String> commitConfirmed(int minutes, String comment) {
        return commit(comment);
    }

    /**
     * Whether {@link #confirm} is typed in configuration mode (Junos: {@code commit}) or at the
     * privileged prompt (EOS: {@code configure session NAME commit}).
     */
    default boolean confirmsInConfigMode() {
        return true;
    }

    /** Commands (in configuration mode) that confirm a {@link #commitConfirmed}; empty where there is none. */
    default List<String> confirm(String comment) {
        return List.of();
    }

    /** Commands that throw away uncommitted configuration before leaving (Junos: rollback 0). */
    default List<String> discard() {
        return List.of();
    }

    /** Commands that save the running configuration for the next boot (write memory). */
    default List<String> save() {
        return List.of();
    }

    /** Cleans a show command's output: the prompt decorations some platforms print ({@code [edit]}). */
    default String clean(String output) {
        return output;
    }
}

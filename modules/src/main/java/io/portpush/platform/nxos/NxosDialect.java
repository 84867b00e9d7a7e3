package io.portpush.platform.nxos;

import io.portpush.core.device.Dialect;
import io.portpush.core.wire.LineRules;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cisco NX-OS: {@code switch#} and {@code switch(config-...)#} prompts (users log in privileged),
 * paging off, errors printed as {@code % Invalid command at '^' marker.}. Changes go through a
 * configuration session (Cisco Nexus 9000 NX-OS System Management Configuration Guide,
 * "Configuring Session Manager"): nothing applies until {@code commit}, which applies the whole
 * session at once or none of it; {@code abort} drops it. NX-OS has no commit timer: the commit is
 * final, and a change that fails its read-back is restored by portpush. With a confirm window the
 * undo is the switch's own: a checkpoint of running-config taken first, and an EEM applet whose
 * one-shot countdown rolls back to it unless the confirm removes both.
 */
public final class NxosDialect implements Dialect {
    static final String SESSION = "portpush";
    private static final Pattern PROMPT = Pattern.compile("[\\w.\\-]+(\\([\\w.\\-/:]+\\))?# ?$");
    private static final Pattern ERROR = Pattern.compile("(?m)^(% ?(Invalid|Incomplete|Ambiguous|Permission|Error|Verification Failed|"
            + "Commit Failed).*|ERROR: .*|.*[Ff]ailed to .*)$");
    private static final LineRules RULES = new LineRules("cisco_nxos", 4096, true,
            List.of(new LineRules.Forbidden('?', "makes the NX-OS CLI print help instead of taking the line")), List.of());
    private static final io.portpush.core.device.SecretForms SECRETS = io.portpush.core.device.SecretForms.of(
            "^(\\s*username \\S+ password(?: [05])? )\\S+",
            "^(\\s*snmp-server (?:community|user \\S+ \\S+ auth \\S+) )\\S+",
            "^(\\s*(?:tacacs-server|radius-server)(?: host \\S+)? key(?: [0-9])? )\\S+");

    @Override
    public Pattern prompt() {
        return PROMPT;
    }

    @Override
    public LineRules lineRules() {
        return RULES;
    }

    @Override
    public String maskSecrets(String config) {
        return SECRETS.mask(config);
    }

    @Override
    public List<String> sessionSetup() {
        return List.of("terminal length 0", "terminal width 511");
    }

    /** A fresh session every time: one of this name left by an interrupted run is aborted first. */
    @Override
    public List<String> enterConfig() {
        return List.of("configure session " + SESSION, "abort", "configure session " + SESSION);
    }

    @Override
    public List<String> exitConfig() {
        return List.of();
    }

    static final String CHECKPOINT = "portpush-undo";
    static final String UNDO_APPLET = "PORTPUSH-UNDO";

    /**
     * With a confirm window: {@code checkpoint portpush-undo} (Cisco Nexus 9000 NX-OS System
     * Management Configuration Guide, "Configuring Rollback"; names are unique, so a checkpoint
     * left by a window that never ended is refused, not overwritten), then an EEM applet
     * ("Configuring the Embedded Event Manager") with {@code event timer countdown time S} whose
     * actions are {@code rollback running-config checkpoint portpush-undo} (which also takes away
     * the applet: the checkpoint predates it) and {@code no checkpoint portpush-undo}; then the
     * configuration session as always.
     */
    @Override
    public List<String> enterConfig(io.portpush.core.device.Commit commit) {
        if (!(commit instanceof io.portpush.core.device.Commit.Confirmed c) || !c.asked()) {
            return enterConfig();
        }
        List<String> out = new java.util.ArrayList<>(List.of("checkpoint " + CHECKPOINT, "configure terminal",
                "event manager applet " + UNDO_APPLET,
                " description \"portpush: rolls back unless the change is confirmed\"",
                " event timer countdown time " + c.minutes() * 60L + " name " + CHECKPOINT,
                " action 1.0 cli command \"rollback running-config checkpoint " + CHECKPOINT + "\"",
                " action 2.0 cli command \"no checkpoint " + CHECKPOINT + "\"",
                "end"));
        out.addAll(enterConfig());
        return out;
    }

    /** Removes the countdown applet and the checkpoint: the change stays. Typed at the exec prompt. */
    @Override
    public List<String> confirm(String comment) {
        return List.of("configure terminal", "no event manager applet " + UNDO_APPLET, "end", "no checkpoint " + CHECKPOINT);
    }

    @Override
    public boolean confirmsInConfigMode() {
        return false;
    }

    /** {@code verify} first: a session that would not apply is refused whole, before anything changes. */
    @Override
    public List<String> commit(String comment) {
        return List.of("verify", "commit");
    }

    @Override
    public List<String> discard() {
        return List.of("abort");
    }

    @Override
    public Optional<String> error(String output) {
        Matcher m = ERROR.matcher(output);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }
}

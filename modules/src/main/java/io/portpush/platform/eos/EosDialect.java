package io.portpush.platform.eos;

import io.portpush.core.device.Dialect;
import io.portpush.core.wire.LineRules;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Arista EOS: {@code switch>} / {@code switch#} prompts and their configuration modes
 * ({@code switch(config-s-portpu-acl-EDGE)#}), {@code enable}, paging off, errors printed as
 * {@code % Invalid input}. Changes go through a configuration session (Arista EOS User Manual,
 * "Configure Session"): nothing applies until {@code commit}; {@code commit timer} applies and
 * takes the change back by itself unless {@code configure session NAME commit} confirms it in
 * time, which is EOS's commit confirmed; {@code abort} drops the session.
 */
public final class EosDialect implements Dialect {
    /** The session portpush makes its changes in. */
    static final String SESSION = "portpush";
    private static final Pattern PROMPT = Pattern.compile("[\\w.\\-]+(\\([\\w.\\-/:]+\\))?[>#] ?$");
    private static final Pattern USER = Pattern.compile("[\\w.\\-]+> ?$");
    private static final Pattern ERROR = Pattern.compile("(?m)^(% ?(Invalid input|Incomplete command|Ambiguous command|Error|"
            + "Unavailable command|Access list|Session|Cannot).*)$");

    /** Printable ASCII; {@code ?} prints help instead of being stored, as on IOS. */
    private static final LineRules RULES = new LineRules("arista_eos", 4096, true,
            List.of(new LineRules.Forbidden('?', "makes the EOS CLI print help instead of taking the line")), List.of());

    /** EOS secret forms: enable and user secrets (sha512 or clear), SNMP communities, TACACS/RADIUS keys. */
    private static final io.portpush.core.device.SecretForms SECRETS = io.portpush.core.device.SecretForms.of(
            "^(\\s*enable (?:secret|password)(?: (?:0|5|sha512))? )\\S+",
            "^(\\s*username \\S+(?: privilege \\d+)?(?: role \\S+)? (?:secret|password)(?: (?:0|5|7|sha512))? )\\S+",
            "^(\\s*snmp-server community )\\S+",
            "^(\\s*(?:tacacs-server|radius-server)(?: host \\S+)? key(?: [0-9])? )\\S+");

    @Override
    public Pattern prompt() {
        return PROMPT;
    }

    @Override
    public Optional<Pattern> unprivilegedPrompt() {
        return Optional.of(USER);
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
        return List.of("terminal length 0", "terminal width 32767");
    }

    /**
     * A fresh session every time: a session of this name left by an interrupted run holds a
     * snapshot of an older running configuration, and committing it would put that back, so it is
     * entered, aborted, and made again.
     */
    @Override
    public List<String> enterConfig() {
        return List.of("configure session " + SESSION, "abort", "configure session " + SESSION);
    }

    /** {@code commit} and {@code abort} leave configuration mode themselves. */
    @Override
    public List<String> exitConfig() {
        return List.of();
    }

    @Override
    public List<String> commit(String comment) {
        return List.of("commit");
    }

    @Override
    public List<String> commitConfirmed(int minutes, String comment) {
        Duration d = Duration.ofMinutes(minutes);
        return List.of(String.format("commit timer %02d:%02d:00", d.toHours(), d.toMinutesPart()));
    }

    @Override
    public boolean confirmsInConfigMode() {
        return false;
    }

    @Override
    public List<String> confirm(String comment) {
        return List.of("configure session " + SESSION + " commit");
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

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
 * final, and a change that fails its read-back is restored by portpush.
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

package io.portpush.platform.asa;

import io.portpush.core.device.Dialect;
import io.portpush.core.wire.LineRules;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cisco ASA: {@code asa>} / {@code asa#} prompts with a trailing space, {@code terminal pager 0}, {@code ERROR:} lines. */
public final class AsaDialect implements Dialect {
    private static final Pattern PROMPT = Pattern.compile("[\\w.\\-/@:]+(\\([\\w.\\-]+\\))?[>#] ?$");
    private static final Pattern USER = Pattern.compile("[\\w.\\-/@:]+> ?$");
    private static final Pattern ERROR = Pattern.compile("(?m)^(ERROR:.*|Invalid password)$");


    @Override
    public Pattern prompt() {
        return PROMPT;
    }

    @Override
    public Optional<Pattern> unprivilegedPrompt() {
        return Optional.of(USER);
    }

    /**
     * Printable ASCII; {@code ?} prints help instead of being stored; an access-list remark holds
     * at most 100 characters (Cisco ASA Series Command Reference, access-list remark: "The text
     * can be up to 100 characters in length").
     */
    private static final LineRules RULES = new LineRules("cisco_asa", 4096, true,
            List.of(new LineRules.Forbidden('?', "makes the ASA CLI print help instead of taking the line")),
            List.of(new LineRules.FieldLimit("access-list remark", Pattern.compile("^access-list \\S+ (?:line \\d+ )?remark (.*)$"), 100,
                    "Cisco ASA Series Command Reference, access-list remark")));

    @Override
    public LineRules lineRules() {
        return RULES;
    }

    /**
     * ASA secret forms (Cisco ASA Series Command Reference: enable password, username password,
     * passwd, snmp-server community and host community, ikev1/ikev2 pre-shared-key, aaa-server key).
     */
    private static final io.portpush.core.device.SecretForms SECRETS = io.portpush.core.device.SecretForms.of(
            "^(\\s*enable password )\\S+",
            "^(\\s*username \\S+ password )\\S+",
            "^(\\s*passwd )\\S+",
            "^(\\s*snmp-server community )\\S+",
            "^(\\s*snmp-server host \\S+ \\S+ (?:poll |trap )?community )\\S+",
            "^(\\s*ikev1 pre-shared-key )\\S+",
            "^(\\s*ikev2 (?:local|remote)-authentication pre-shared-key )\\S+",
            "^(\\s*key )\\S+");

    @Override
    public String maskSecrets(String config) {
        return SECRETS.mask(config);
    }

    @Override
    public List<String> sessionSetup() {
        return List.of("terminal pager 0");
    }

    @Override
    public List<String> enterConfig() {
        return List.of("configure terminal");
    }

    @Override
    public List<String> exitConfig() {
        return List.of("end");
    }

    @Override
    public List<String> save() {
        return List.of("write memory");
    }

    @Override
    public Optional<String> error(String output) {
        Matcher m = ERROR.matcher(output);
        return m.find() ? Optional.of(m.group().strip()) : Optional.empty();
    }
}

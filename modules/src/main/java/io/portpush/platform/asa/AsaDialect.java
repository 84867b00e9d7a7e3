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

    /** The applet that holds the way back while a confirm window is open; one per firewall at a time. */
    static final String UNDO_APPLET = "PORTPUSH-UNDO";

    /**
     * ASA has no confirmed commit: the way back rides on an Embedded Event Manager applet whose
     * one-shot {@code event timer countdown} runs the undo lines as {@code action N cli command}s
     * unless {@code no event manager applet} removes it first (Cisco ASA General Operations CLI
     * Configuration Guide, "Embedded Event Manager", ASA 9.2(1) and later; applet names at most 32
     * characters). The countdown is configured last: it starts as it is typed. The last action
     * removes the applet (assumed to work as on IOS EEM; not checked against a firewall).
     */
    @Override
    public List<String> armInConfig(io.portpush.core.device.Commit.Confirmed commit) {
        if (!commit.asked() || commit.undo().isEmpty()) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        out.add("event manager applet " + UNDO_APPLET);
        out.add(" description portpush: restores the previous state unless the change is confirmed");
        int n = 1;
        for (String line : commit.undo()) {
            if (line.indexOf('"') >= 0) {
                throw new IllegalArgumentException("the line '" + line + "' holds a double quote, which an EEM 'action cli command' cannot "
                        + "carry, so the firewall's undo countdown cannot be set: run without --confirm-timeout or drop the quote");
            }
            out.add(" action " + n++ + " cli command \"" + line + "\"");
        }
        // last, the applet removes itself: a later window must never find stale actions of this one
        out.add(" action " + n + " cli command \"no event manager applet " + UNDO_APPLET + "\"");
        out.add(" output none");
        out.add(" event timer countdown time " + commit.minutes() * 60L);
        out.add("exit");
        return out;
    }

    /** Removes the countdown applet: the change stays. */
    @Override
    public List<String> confirm(String comment) {
        return List.of("no event manager applet " + UNDO_APPLET);
    }
}

package io.portpush.platform.junos;

import io.portpush.core.device.Dialect;
import io.portpush.core.wire.LineRules;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Juniper Junos: {@code user@host>} / {@code user@host#} prompts (the latter after an
 * {@code [edit]} line), a private candidate configuration, {@code commit} to activate it, and
 * {@code syntax error.} / {@code error:} texts.
 */
public final class JunosDialect implements Dialect {
    private static final Pattern PROMPT = Pattern.compile("(\\r?\\n\\[edit[^\\]\\n]*\\]\\r?\\n)?[\\w.\\-]+@[\\w.\\-]+[>#] $");
    private static final Pattern ERROR = Pattern.compile("(?m)^\\s*(syntax error.*|error: .*|missing argument\\.|.* is ambiguous\\.|unknown command\\.)$");


    @Override
    public Pattern prompt() {
        return PROMPT;
    }

    /** {@code ?} lists completions in the Junos CLI instead of being stored. */
    private static final LineRules RULES = new LineRules("juniper_junos", 4096, false,
            List.of(new LineRules.Forbidden('?', "makes the Junos CLI list completions instead of taking the line")), List.of());

    @Override
    public LineRules lineRules() {
        return RULES;
    }

    /**
     * Junos secret forms (Junos CLI User Guide: encrypted-password, $9$ secrets, pre-shared-key
     * ascii-text/hexadecimal, authentication-key, secret, snmp community), in set and curly-brace form.
     */
    private static final io.portpush.core.device.SecretForms SECRETS = io.portpush.core.device.SecretForms.of(
            "((?:encrypted-password|secret|authentication-key|ascii-text|hexadecimal|simple-password) )(?:\"[^\"]*\"|[^\\s;]+)",
            "(snmp community )\\S+",
            "^(\\s*community )\\S+(?= \\{)",
            "()\\$9\\$[^\\s\";]+");

    @Override
    public String maskSecrets(String config) {
        return SECRETS.mask(config);
    }

    /** Junos speaks NETCONF over the SSH subsystem; the channel carries the same statements as the CLI. */
    @Override
    public Optional<io.portpush.core.device.CommandChannel> netconf(String host, io.portpush.core.transport.SshConnection ssh,
                                                                   java.time.Duration timeout) {
        return Optional.of(new JunosNetconfChannel(ssh.netconf(timeout)));
    }

    @Override
    public List<String> sessionSetup() {
        return List.of("set cli screen-length 0", "set cli screen-width 511", "set cli complete-on-space off");
    }

    @Override
    public List<String> enterConfig() {
        return List.of("configure private");
    }

    @Override
    public List<String> exitConfig() {
        return List.of("exit configuration-mode");
    }

    @Override
    public String runningConfigCommand() {
        return "show configuration | display set";
    }

    @Override
    public boolean hasLine(String running, List<String> parents, String line) {
        String l = line.strip();
        if (l.startsWith("delete ")) {
            String path = "set " + l.substring(7);
            return running.lines().noneMatch(x -> x.strip().equals(path) || x.strip().startsWith(path + " "));
        }
        return running.lines().anyMatch(x -> x.strip().equals(l));
    }

    @Override
    public List<String> commit(String comment) {
        return List.of("commit comment \"" + comment.replace("\"", "'") + "\"");
    }

    @Override
    public List<String> commitConfirmed(int minutes, String comment) {
        return List.of("commit confirmed " + minutes + " comment \"" + comment.replace("\"", "'") + "\"");
    }

    @Override
    public List<String> confirm(String comment) {
        return List.of("commit comment \"" + comment.replace("\"", "'") + "\"");
    }

    @Override
    public List<String> discard() {
        return List.of("rollback 0");
    }

    @Override
    public Optional<String> error(String output) {
        Matcher m = ERROR.matcher(output);
        if (!m.find()) {
            return Optional.empty();
        }
        // check-out failures print the offending statement above the error line
        int start = output.lastIndexOf("[edit", m.start());
        return Optional.of((start >= 0 ? output.substring(start, m.end()) : m.group()).strip().replace("\n", " "));
    }
}

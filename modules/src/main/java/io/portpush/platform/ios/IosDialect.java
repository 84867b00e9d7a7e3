package io.portpush.platform.ios;

import io.portpush.core.device.Dialect;
import io.portpush.core.wire.LineRules;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cisco IOS / IOS-XE: {@code R1>} and {@code R1#} prompts, {@code enable}, paging off, errors
 * printed as {@code % Invalid input ...} (the same texts Ansible's cisco.ios terminal plugin
 * looks for).
 */
public final class IosDialect implements Dialect {
    private static final Pattern PROMPT = Pattern.compile("[\\w.\\-/@:]+(\\([\\w.\\-]+\\))?[>#] ?$");
    private static final Pattern USER = Pattern.compile("[\\w.\\-/@:]+> ?$");
    private static final Pattern ERROR = Pattern.compile("(?m)^(% ?(Invalid input|Incomplete command|Ambiguous command|Error|Bad|"
            + "Duplicate|Remark text|Unknown|Access denied|class map .* not configured).*|policy map \\S+ not configured|"
            + "%Error.*|Policy map \\S+ is being used)$");


    @Override
    public Pattern prompt() {
        return PROMPT;
    }

    @Override
    public Optional<Pattern> unprivilegedPrompt() {
        return Optional.of(USER);
    }

    /**
     * Printable ASCII; {@code ?} prints help instead of being stored; an ACL remark holds at most
     * 100 characters (Cisco, "Commented IP Access List Entries", IOS XE security configuration
     * guide: "Each remark is limited to 100 characters in length").
     */
    private static final LineRules RULES = new LineRules("cisco_ios", 4096, true,
            List.of(new LineRules.Forbidden('?', "makes the IOS CLI print help instead of taking the line")),
            List.of(new LineRules.FieldLimit("ACL remark", Pattern.compile("^\\s*(?:\\d+\\s+)?remark (.*)$"), 100,
                    "Cisco IOS XE Security Configuration Guide, Commented IP Access List Entries")));

    @Override
    public LineRules lineRules() {
        return RULES;
    }

    /**
     * IOS secret forms (Cisco IOS Security Command Reference: enable secret, username, snmp-server
     * community, crypto isakmp key, key-string, line password; types 0/5/7/8/9).
     */
    private static final io.portpush.core.device.SecretForms SECRETS = io.portpush.core.device.SecretForms.of(
            "^(\\s*enable (?:secret|password)(?: level \\d+)?(?: [0-9])? )\\S+",
            "^(\\s*username \\S+(?: privilege \\d+)?(?: algorithm-type \\S+)? (?:secret|password)(?: [0-9])? )\\S+",
            "^(\\s*snmp-server community )\\S+",
            "^(\\s*snmp-server host \\S+(?: (?:informs|traps))?(?: version (?:1|2c|3 \\S+))? )\\S+",
            "^(\\s*crypto isakmp key(?: [0-9])? )\\S+",
            "^(\\s*(?:pre-shared-key|key-string|password|key(?! (?:chain|config-key|generate|pubkey-chain)))(?: (?:local|remote|address \\S+))?(?: [0-9])? )\\S+",
            "^(\\s*(?:tacacs-server|radius-server) key(?: [0-9])? )\\S+",
            "^(\\s*ntp authentication-key \\d+ md5 )\\S+");

    @Override
    public String maskSecrets(String config) {
        return SECRETS.mask(config);
    }

    private static final Pattern SEQUENCED = Pattern.compile("^\\d+\\s+");

    /**
     * Inside an access list IOS stores an entry with a sequence number and pads {@code deny}
     * ({@code permit ip any any} reads back as {@code 10 permit ip any any}, {@code deny ip}
     * as {@code deny   ip}): an entry given without a number is there when one equal to it but
     * for the number and spacing is.
     */
    @Override
    public boolean hasLine(String running, List<String> parents, String line) {
        if (Dialect.super.hasLine(running, parents, line)) {
            return true;
        }
        boolean inAcl = !parents.isEmpty() && parents.get(parents.size() - 1).strip().matches("ip(v6)? access-list .*");
        if (!inAcl || SEQUENCED.matcher(line.strip()).find()) {
            return false;
        }
        String want = line.strip().replaceAll("\\s+", " ");
        String acl = parents.get(parents.size() - 1).strip();
        boolean inBlock = false;
        for (String l : running.lines().toList()) {
            if (!l.startsWith(" ")) {
                inBlock = l.strip().equals(acl);
                continue;
            }
            if (inBlock && SEQUENCED.matcher(l.strip()).replaceFirst("").replaceAll("\\s+", " ").equals(want)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<String> sessionSetup() {
        return List.of("terminal length 0", "terminal width 511");
    }

    @Override
    public List<String> enterConfig() {
        return List.of("configure terminal");
    }

    @Override
    public List<String> exitConfig() {
        return List.of("end");
    }

    /** The most IOS takes for {@code configure terminal revert timer} (1-120 minutes). */
    static final int MAX_REVERT_MINUTES = 120;

    /**
     * With a confirm window, Configuration Rollback Confirmed Change: {@code configure terminal
     * revert timer N} archives the running configuration and rolls back to it unless
     * {@code configure confirm} follows within N minutes (Cisco IOS XE System Management
     * Configuration Guide, "Configuration Rollback Confirmed Change"). Needs {@code archive} with a
     * {@code path} on the device.
     */
    @Override
    public List<String> enterConfig(io.portpush.core.device.Commit commit) {
        if (commit instanceof io.portpush.core.device.Commit.Confirmed c && c.asked()) {
            return List.of("configure terminal revert timer " + Math.min(MAX_REVERT_MINUTES, c.minutes()));
        }
        return enterConfig();
    }

    /** What a router prints when the timer started (byteworks.com and other IOS-XE transcripts). */
    private static final Pattern ARMED = Pattern.compile("Rollback Confirmed Change: Backing up current running config to (\\S+)");

    @Override
    public Optional<String> notArmed(io.portpush.core.device.Commit commit, String answer) {
        if (ARMED.matcher(answer).find()) {
            return Optional.empty();
        }
        return Optional.of("the revert timer did not start (the router did not say 'Rollback Confirmed Change: Backing up current running "
                + "config to ...'): configure 'archive' with a 'path' on the device to use --confirm-timeout, or run without it; "
                + "nothing was sent. The router said: " + answer.strip().replaceAll("\\s+", " "));
    }

    /** Stops the revert timer: typed at the privileged prompt. */
    @Override
    public List<String> confirm(String comment) {
        return List.of("configure confirm");
    }

    @Override
    public boolean confirmsInConfigMode() {
        return false;
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

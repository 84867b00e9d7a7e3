package io.portpush.core.device;

import io.portpush.core.transport.InteractiveShell;
import io.portpush.core.transport.Secret;
import io.portpush.core.transport.SshConnection;
import io.portpush.core.wire.LineGate;
import io.portpush.core.wire.UnsafeLineException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A logged-in CLI session on one device: the SSH connection, its shell and the platform's
 * {@link Dialect}. Opened once per host and reused by every task of a play. Every line sent is
 * reported to {@code sent} (for -vv output and reports), already free of secrets.
 */
public final class DeviceSession implements AutoCloseable {
    private final String host;
    private final SshConnection connection;
    private final InteractiveShell shell;
    private final CommandChannel channel;
    private final Dialect dialect;
    private final Duration timeout;
    private final SessionLog sent;
    private final List<String> configSent = new ArrayList<>();
    private boolean inConfig;

    private DeviceSession(String host, SshConnection connection, InteractiveShell shell, CommandChannel channel, Dialect dialect,
                          Duration timeout, SessionLog sent) {
        this.host = host;
        this.connection = connection;
        this.shell = shell;
        this.channel = channel != null ? channel : new CommandChannel() {
            @Override
            public String send(String line) {
                return dialect.clean(shell.command(line, dialect.prompt(), timeout));
            }

            @Override
            public void close() {
                shell.close();
            }
        };
        this.dialect = dialect;
        this.timeout = timeout;
        this.sent = sent;
    }

    /** Logs in: waits for the first prompt, enters privileged mode when needed, runs the session setup. */
    public static DeviceSession open(String host, SshConnection connection, Dialect dialect, Secret enable, Duration timeout,
                                     SessionLog sent) {
        InteractiveShell shell = connection.shell();
        DeviceSession s = new DeviceSession(host, connection, shell, null, dialect, timeout, sent);
        try {
            String first = shell.readUntil(dialect.prompt(), timeout);
            Optional<java.util.regex.Pattern> user = dialect.unprivilegedPrompt();
            if (user.isPresent() && user.get().matcher(first).find()) {
                s.enable(enable);
            }
            for (String c : dialect.sessionSetup()) {
                s.show(c);
            }
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * A session whose lines travel over {@code channel} (a management API such as NETCONF) rather
     * than a CLI shell: nothing to log in to, no terminal setup.
     */
    public static DeviceSession over(String host, SshConnection connection, Dialect dialect, CommandChannel channel, SessionLog sent) {
        return new DeviceSession(host, connection, null, channel, dialect, null, sent);
    }

    /**
     * Checks a whole change against the gate before its first line is sent, so a refused line
     * fails the change while the device is still untouched (check mode shows it too).
     *
     * @throws UnsafeLineException for the first line the gate refuses
     */
    public void preflight(List<String> lines) {
        lines.forEach(this::gate);
    }

    /** Every line passes the {@link LineGate} before the wire; a refused line is never written, not even in part. */
    private void gate(String line) {
        Optional<LineGate.Violation> v = LineGate.check(line, dialect.lineRules());
        if (v.isPresent()) {
            throw UnsafeLineException.of(host, line, v.get());
        }
    }

    private void enable(Secret secret) {
        sent.sent("enable");
        shell.write("enable\n");
        String out = shell.readUntil(java.util.regex.Pattern.compile(dialect.passwordPrompt().pattern() + "|" + dialect.prompt().pattern()), timeout);
        if (dialect.passwordPrompt().matcher(out).find()) {
            if (secret == null) {
                throw new DeviceCommandException(host, "enable", "the device asks for an enable password and the inventory has none "
                        + "(set ansible_become_password)");
            }
            if (LineGate.firstUnsafe(secret.reveal()).isPresent()) {
                // the secret itself is never shown, only that it cannot be typed
                throw new DeviceCommandException(host, "enable", "the enable password holds a control character or line break; "
                        + "it cannot be typed at the prompt (check ansible_become_password)");
            }
            shell.write(secret.reveal() + "\n");
            String after = shell.readUntil(dialect.prompt(), timeout);
            if (dialect.unprivilegedPrompt().map(p -> p.matcher(after).find()).orElse(false) || after.contains("Bad secrets")
                    || after.contains("Invalid password")) {
                throw new DeviceCommandException(host, "enable", "wrong enable password (check ansible_become_password)");
            }
        }
    }

    public String host() {
        return host;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs a command that does not change the device; returns its output. Refusals throw. */
    public String show(String command) {
        boolean running = command.equals(dialect.runningConfigCommand());
        if (running && lastRunning != null && System.nanoTime() - lastRunningAt < RUNNING_REUSE_NANOS) {
            return lastRunning;
        }
        lastRunning = null;
        gate(command);
        sent.sent(command);
        String out = channel.send(command);
        sent.received(dialect.maskSecrets(out));
        Optional<String> err = dialect.error(out);
        if (err.isPresent()) {
            throw new DeviceCommandException(host, command, err.get());
        }
        if (running) {
            lastRunning = out;
            lastRunningAt = System.nanoTime();
        }
        return out;
    }

    /**
     * The running configuration this session read last, reused for a second read while nothing
     * else was sent in between and a few seconds at most have passed: the plan's read and the
     * backup before a change are one read on the device. Any other command, configuration above
     * all, makes the next read a real one, so a verify always reads the device again.
     */
    private String lastRunning;
    private long lastRunningAt;
    private static final long RUNNING_REUSE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    /** Whether this session armed a device timer ({@link Dialect#armsOnRequest}) that no confirm has stopped yet. */
    private boolean timerArmed;

    /** Whether this session armed the device's undo timer and has not confirmed it. */
    public boolean timerArmed() {
        return timerArmed;
    }

    /** Enters configuration mode. */
    public void enterConfig() {
        for (String c : dialect.enterConfig()) {
            show(c);
        }
        inConfig = true;
    }

    /**
     * Sends one configuration line; a refusal throws (and the caller decides how to restore).
     * Returns the device's output (warnings, commit messages).
     */
    public String config(String line) {
        lastRunning = null;
        gate(line);
        sent.sent(line);
        configSent.add(line);
        String out = channel.send(line);
        sent.received(dialect.maskSecrets(out));
        Optional<String> err = dialect.error(out);
        if (err.isPresent()) {
            throw new DeviceCommandException(host, line, err.get());
        }
        return out;
    }

    /**
     * The device transaction every policy kind shares: configuration mode, {@code lines} in order,
     * the platform's commit lines for {@code commit}, back to the privileged prompt. A refusal
     * throws with the session still in configuration mode, so the caller can {@link #discard}
     * (candidate platforms) or restore what was applied.
     */
    public void apply(List<String> lines, Commit commit) {
        preflight(lines);
        List<String> enter = dialect.enterConfig(commit);
        if (enter.equals(dialect.enterConfig())) {
            enterConfig();
        } else {
            // the device arms its undo timer as configuration mode opens; it must say that it did
            StringBuilder answer = new StringBuilder();
            for (String c : enter) {
                answer.append(show(c));
            }
            inConfig = true;
            Optional<String> why = dialect.notArmed(commit, answer.toString());
            if (why.isPresent()) {
                throw new DeviceCommandException(host, String.join("; ", enter), why.get());
            }
            timerArmed = true;
        }
        if (commit instanceof Commit.Confirmed c && c.asked() && !c.undo().isEmpty()) {
            List<String> arm;
            try {
                arm = dialect.armInConfig(c);
            } catch (IllegalArgumentException e) {
                throw new DeviceCommandException(host, "(the device's undo timer)", e.getMessage() + "; nothing was sent");
            }
            for (String line : arm) {
                config(line);
            }
            timerArmed |= !arm.isEmpty();
        }
        for (String line : lines) {
            config(line);
        }
        List<String> activate = commit instanceof Commit.Confirmed c ? dialect.commitConfirmed(c.minutes(), c.comment())
                : dialect.commit(commit.comment());
        for (String c : activate) {
            config(c);
        }
        exitConfig();
    }

    /**
     * Leaves configuration mode after a failed {@link #apply}, throwing away what the candidate holds
     * where the platform keeps one (Junos {@code rollback 0}, EOS {@code abort}); on platforms
     * that apply at once it only leaves the mode. Returns whether a candidate was discarded.
     */
    public boolean discard() {
        if (!inConfig) {
            return false;
        }
        List<String> lines = dialect.discard();
        for (String c : lines) {
            config(c);
        }
        exitConfig();
        return !lines.isEmpty();
    }

    /**
     * Confirms a {@link Dialect#commitConfirmed} so the device keeps the change: the dialect's
     * confirm lines, in configuration mode or at the privileged prompt as the platform takes them.
     */
    public void confirm(String comment) {
        List<String> lines = dialect.confirm(comment);
        if (lines.isEmpty() || dialect.armsOnRequest() && !timerArmed) {
            // nothing to confirm: IOS's 'configure confirm' only means something while its revert timer runs
            return;
        }
        timerArmed = false;
        if (!dialect.confirmsInConfigMode()) {
            lines.forEach(this::show);
            return;
        }
        enterConfig();
        lines.forEach(this::config);
        exitConfig();
    }

    public void exitConfig() {
        if (!inConfig) {
            return;
        }
        for (String c : dialect.exitConfig()) {
            show(c);
        }
        inConfig = false;
    }

    public boolean inConfig() {
        return inConfig;
    }

    /** Every configuration line sent in this session, in order. */
    public List<String> configSent() {
        return List.copyOf(configSent);
    }

    public SshConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        channel.close();
        connection.close();
    }
}

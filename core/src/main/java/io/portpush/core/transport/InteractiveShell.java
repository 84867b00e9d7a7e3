package io.portpush.core.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * A pty shell on a network device: write a line, read until the prompt. Only the tail of what
 * was read is searched for the prompt (as Netmiko and Ansible do), so a prompt-like line inside
 * command output does not end the read early.
 */
public final class InteractiveShell implements AutoCloseable {
    /** Watchdogs for read timeouts; daemon threads, shared by every shell. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "portpush-ssh-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final int TAIL = 256;

    private final SshTarget target;
    private final Session session;
    private final Session.Shell shell;
    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder pending = new StringBuilder();
    private final byte[] buf = new byte[16384];

    InteractiveShell(SshTarget target, Session session, Session.Shell shell) {
        this.target = target;
        this.session = session;
        this.shell = shell;
        this.in = shell.getInputStream();
        this.out = shell.getOutputStream();
    }

    public void write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw disconnected("sending a command", e);
        }
    }

    /**
     * Reads until {@code prompt} matches at the end of the received text; returns everything
     * read, the prompt included. A timeout closes the session (the device's state is then
     * unknown to this session) and throws.
     */
    public String readUntil(Pattern prompt, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(this::abort, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            while (true) {
                int from = Math.max(0, pending.length() - TAIL);
                Matcher m = prompt.matcher(pending).region(from, pending.length());
                if (m.find()) {
                    String result = pending.substring(0, m.end());
                    pending.delete(0, m.end());
                    return result;
                }
                int n;
                try {
                    n = in.read(buf);
                } catch (IOException e) {
                    if (System.nanoTime() >= deadline) {
                        throw timeout(prompt, timeout);
                    }
                    throw disconnected("reading", e);
                }
                if (n < 0) {
                    if (System.nanoTime() >= deadline) {
                        throw timeout(prompt, timeout);
                    }
                    throw disconnected("reading", null);
                }
                pending.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } finally {
            watchdog.cancel(false);
        }
    }

    /** Sends a line and reads until the prompt; returns the output without the echo and the prompt. */
    public String command(String line, Pattern prompt, Duration timeout) {
        write(line + "\n");
        String raw = readUntil(prompt, timeout).replace("\r\n", "\n").replace("\r", "");
        int nl = raw.indexOf('\n');
        String body = nl < 0 ? "" : raw.substring(nl + 1);
        Matcher m = prompt.matcher(body);
        int cut = body.length();
        while (m.find()) {
            cut = m.start();
        }
        return body.substring(0, cut);
    }

    private void abort() {
        try {
            shell.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private TransportException timeout(Pattern prompt, Duration timeout) {
        String tail = pending.length() > 80 ? pending.substring(pending.length() - 80) : pending.toString();
        return new TransportException(TransportException.Kind.TIMEOUT, target.display() + ": no prompt within "
                + timeout.toMillis() + " ms (waiting for /" + prompt.pattern() + "/; last received: '"
                + tail.replace("\r", "").replace("\n", "\\n") + "')", null);
    }

    private TransportException disconnected(String doing, IOException e) {
        return new TransportException(TransportException.Kind.DISCONNECTED, target.display() + ": connection lost while "
                + doing + (e == null ? "" : ": " + e.getMessage()), e);
    }

    @Override
    public void close() {
        try {
            shell.close();
            session.close();
        } catch (IOException e) {
            // closing a broken channel
        }
    }
}

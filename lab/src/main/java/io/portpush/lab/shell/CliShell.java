package io.portpush.lab.shell;

import io.portpush.lab.CommandLog;
import io.portpush.lab.Faults;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An interactive shell on a lab device, as a terminal line of a real device behaves: characters
 * are echoed, a completed line's echo, output and next prompt leave in one write with the prompt
 * last, and lines typed ahead are queued and answered in order.
 */
public final class CliShell implements Command, Runnable {
    private final Personality personality;
    private final Supplier<Faults> faults;
    private final CommandLog log;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private ChannelSession channel;
    private Session session;
    private volatile boolean closed;

    private final StringBuilder current = new StringBuilder();
    private int echoed;
    private boolean lastWasCr;
    private boolean secretPending;
    private int lines;

    public CliShell(Personality personality, Supplier<Faults> faults, CommandLog log) {
        this.personality = personality;
        this.faults = faults;
        this.log = log;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // a device's terminal has one stream
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        this.channel = channel;
        this.session = new Session(log.newSession(), channel.getSession().getUsername(), 1);
        Thread t = new Thread(this, "lab-shell-" + session.id());
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        try {
            sleep(faults.get().loginDelayMillis());
            write(crlf(personality.banner(session)) + lineEnds(personality.prompt(session)));
            byte[] buf = new byte[8192];
            // terminals send UTF-8; a character may be split across two reads, so the decoder keeps state
            java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
            java.nio.ByteBuffer pending = java.nio.ByteBuffer.allocate(8192 + 8);
            java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(8192 + 8);
            int n;
            while (!closed && (n = in.read(buf)) >= 0) {
                StringBuilder reply = new StringBuilder();
                pending.put(buf, 0, n).flip();
                chars.clear();
                decoder.decode(pending, chars, false);
                pending.compact();
                chars.flip();
                while (chars.hasRemaining() && !closed) {
                    accept(chars.get(), reply);
                }
                if (!closed && !secretPending && echoed < current.length()) {
                    reply.append(current, echoed, current.length());
                    echoed = current.length();
                }
                if (reply.length() > 0 && !closed) {
                    write(reply.toString());
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        } finally {
            end(0);
        }
    }

    private void accept(char c, StringBuilder reply) throws IOException {
        if (c == '\n' && lastWasCr) {
            lastWasCr = false;
            return;
        }
        lastWasCr = c == '\r';
        if (c == '\r' || c == '\n') {
            String line = current.toString();
            if (!secretPending && echoed < line.length()) {
                reply.append(line, echoed, line.length());
            }
            current.setLength(0);
            echoed = 0;
            reply.append("\r\n");
            process(line, reply);
        } else if (c == 0x7f || c == 0x08) {
            if (current.length() > 0) {
                current.setLength(current.length() - 1);
                if (echoed > current.length()) {
                    echoed = current.length();
                    if (!secretPending) {
                        reply.append("\b \b");
                    }
                }
            }
        } else if (c == 0x15) { // ^U: erase the line
            current.setLength(0);
            echoed = 0;
        } else if (c >= 0x20 || c == '\t') {
            current.append(c);
        }
    }

    private void process(String line, StringBuilder reply) throws IOException {
        boolean secret = secretPending;
        secretPending = false;
        String mode = personality.mode(session);
        log.add(session.id(), mode, secret ? "<secret>" : line);
        Faults f = faults.get();
        lines++;
        if (f.dropAfterCommands() > 0 && lines > f.dropAfterCommands()) {
            drop(reply);
            return;
        }
        if (!secret && isConfig(mode) && !line.isBlank() && f.dropAfterConfigLines() > 0
                && session.countConfigLine() > f.dropAfterConfigLines()) {
            drop(reply);
            return;
        }
        sleep(f.commandLatencyMillis());
        if (!secret && f.stalls(line)) {
            // a hung device: nothing comes back for this line until the client gives up
            if (reply.length() > 0) {
                write(reply.toString());
                reply.setLength(0);
            }
            while (!closed) {
                sleep(50);
            }
            return;
        }
        Reply r = personality.handle(session, line);
        log.answered(session.id(), mode, secret ? "<secret>" : line, r.output());
        reply.append(crlf(r.output()));
        if (r.close()) {
            write(reply.toString());
            reply.setLength(0);
            end(0);
            return;
        }
        secretPending = r.secretNext();
        reply.append(lineEnds(personality.prompt(session)));
    }

    private static boolean isConfig(String mode) {
        return mode.startsWith("config") || mode.equals("configure");
    }

    /** Fault: the connection dies here, the line is not applied. */
    private void drop(StringBuilder reply) throws IOException {
        if (reply.length() > 0) {
            write(reply.toString());
            reply.setLength(0);
        }
        closed = true;
        personality.closed(session);
        channel.getSession().close(true);
    }

    /** A prompt's own line breaks as a terminal sends them (Junos: CR LF, "[edit]", CR LF, the prompt), no break added. */
    private static String lineEnds(String prompt) {
        return prompt.indexOf('\n') < 0 ? prompt : prompt.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static String crlf(String s) {
        if (s.isEmpty()) {
            return s;
        }
        String t = s.replace("\r\n", "\n").replace("\n", "\r\n");
        return t.endsWith("\r\n") ? t : t + "\r\n";
    }

    private synchronized void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void end(int code) {
        if (closed && exit == null) {
            return;
        }
        boolean first = !closed;
        closed = true;
        if (first) {
            personality.closed(session);
        }
        ExitCallback cb = exit;
        exit = null;
        if (cb != null) {
            cb.onExit(code);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        end(0);
    }
}

package io.portpush.lab.netconf;

import io.portpush.core.transport.NetconfFrames;
import io.portpush.core.transport.NetconfSession;
import io.portpush.lab.CommandLog;
import io.portpush.lab.Faults;
import io.portpush.lab.shell.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Supplier;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The {@code netconf} SSH subsystem of a lab device (RFC 6241/6242): the server's hello with the
 * device's capabilities, the client's hello (chunked framing when both say base:1.1), then one
 * {@code <rpc>} at a time answered by the device's {@link NetconfDevice}, each reply carrying the
 * rpc's attributes back as RFC 6241 4.2 asks. Every RPC goes to the device's command log.
 */
public final class NetconfServer implements Command, Runnable {
    static final String NS = "urn:ietf:params:xml:ns:netconf:base:1.0";
    /** Operations that change a candidate or the device: logged in mode {@code netconf-configure}. */
    private static final java.util.Set<String> CHANGES = java.util.Set.of("load-configuration", "edit-config", "commit",
            "commit-configuration", "discard-changes", "lock", "unlock", "open-configuration", "close-configuration", "copy-config",
            "delete-config");

    private final NetconfDevice device;
    private final CommandLog log;
    private final Supplier<Faults> faults;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private Session session;
    private volatile boolean closed;

    public NetconfServer(NetconfDevice device, CommandLog log, Supplier<Faults> faults) {
        this.device = device;
        this.log = log;
        this.faults = faults;
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
        // NETCONF uses one stream each way
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        session = new Session(log.newSession(), channel.getSession().getUsername(), 15);
        session.put("via", "netconf");
        Thread t = new Thread(this, "lab-netconf-" + session.id());
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        NetconfFrames frames = new NetconfFrames(in, out);
        try {
            StringBuilder hello = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hello xmlns=\"" + NS + "\">\n  <capabilities>\n");
            device.capabilities().forEach(c -> hello.append("    <capability>").append(c).append("</capability>\n"));
            hello.append("  </capabilities>\n  <session-id>").append(session.id()).append("</session-id>\n</hello>");
            frames.write(hello.toString());
            String theirs = frames.read();
            if (theirs == null) {
                return;
            }
            Element h = NetconfSession.parseXml(theirs);
            if (!"hello".equals(h.getLocalName())) {
                log.answered(session.id(), "netconf", "<" + h.getLocalName() + ">", "closed: a session must start with <hello>");
                return;
            }
            boolean v11 = NetconfSession.descendants(h, "capability").stream()
                    .anyMatch(c -> c.getTextContent().strip().equals(NetconfFrames.BASE_1_1));
            if (v11 && device.capabilities().contains(NetconfFrames.BASE_1_1)) {
                frames.useChunked();
            }
            log.answered(session.id(), "netconf", "<hello>", v11 ? "NETCONF 1.1 (chunked framing)" : "NETCONF 1.0");
            String msg;
            while (!closed && (msg = frames.read()) != null) {
                if (!answer(frames, msg)) {
                    break;
                }
            }
        } catch (IOException | org.xml.sax.SAXException e) {
            // the client broke the framing or went away: a device drops the session
            if (session != null) {
                log.answered(session.id(), "netconf", "(framing)", "closed: " + e.getMessage());
            }
        } finally {
            end();
        }
    }

    /** Answers one message; false when the session ends with it. */
    private boolean answer(NetconfFrames frames, String msg) throws IOException {
        Element rpc;
        try {
            rpc = NetconfSession.parseXml(msg);
        } catch (org.xml.sax.SAXException e) {
            frames.write(reply("", error("rpc", "malformed-message", "xml syntax error: " + e.getMessage(), "")));
            log.answered(session.id(), "netconf", "(not XML)", "rpc-error: malformed-message");
            return true;
        }
        String attrs = attributes(rpc);
        if (!"rpc".equals(rpc.getLocalName())) {
            frames.write(reply(attrs, error("protocol", "unknown-element", "syntax error, expecting <rpc>", rpc.getLocalName())));
            return true;
        }
        if (rpc.getAttribute("message-id").isEmpty()) {
            // RFC 6241 4.1: an rpc without message-id is refused with missing-attribute
            frames.write(reply(attrs, error("rpc", "missing-attribute", "the rpc has no message-id", "rpc")));
            return true;
        }
        Element op = firstElement(rpc);
        long latency = faults.get().commandLatencyMillis();
        if (latency > 0) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (op == null) {
            frames.write(reply(attrs, error("protocol", "missing-element", "the rpc holds no operation", "rpc")));
            return true;
        }
        String what = NetconfDevice.describe(op);
        String mode = CHANGES.contains(op.getLocalName()) ? "netconf-configure" : "netconf";
        log.add(session.id(), mode, what);
        if (op.getLocalName().equals("close-session")) {
            frames.write(reply(attrs, "<ok/>"));
            log.answered(session.id(), mode, what, "ok");
            return false;
        }
        if (op.getLocalName().equals("kill-session")) {
            frames.write(reply(attrs, error("protocol", "operation-not-supported", "the lab does not kill other sessions", "kill-session")));
            return true;
        }
        String body;
        try {
            body = device.handle(session, op);
        } catch (RuntimeException e) {
            body = error("application", "operation-failed", String.valueOf(e.getMessage()), op.getLocalName());
        }
        frames.write(reply(attrs, body));
        log.answered(session.id(), mode, what, summary(body));
        return true;
    }

    private static String summary(String body) {
        int e = body.indexOf("<error-message>");
        if (e >= 0) {
            int end = body.indexOf("</error-message>", e);
            return "rpc-error: " + body.substring(e + 15, end < 0 ? body.length() : end).strip();
        }
        if (body.startsWith("<ok/>")) {
            return "ok";
        }
        int gt = body.indexOf('>');
        return body.isEmpty() ? "(empty reply)" : body.substring(0, gt < 0 ? body.length() : gt + 1) + " (" + body.length() + " characters)";
    }

    /** An {@code <rpc-error>} element as Junos writes them. */
    public static String error(String type, String tag, String message, String badElement) {
        return "<rpc-error>\n<error-type>" + type + "</error-type>\n<error-tag>" + tag + "</error-tag>\n<error-severity>error</error-severity>\n"
                + "<error-message>" + NetconfSession.escape(message) + "</error-message>\n"
                + (badElement.isEmpty() ? "" : "<error-info>\n<bad-element>" + NetconfSession.escape(badElement) + "</bad-element>\n</error-info>\n")
                + "</rpc-error>\n";
    }

    private String reply(String attrs, String body) {
        return "<rpc-reply xmlns=\"" + NS + "\" xmlns:junos=\"" + device.replyNamespace() + "\"" + attrs + ">\n" + body + "</rpc-reply>";
    }

    /** The rpc's attributes, to repeat on the reply (RFC 6241 4.2), namespace declarations left out. */
    private static String attributes(Element rpc) {
        StringBuilder sb = new StringBuilder();
        NamedNodeMap all = rpc.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            Attr a = (Attr) all.item(i);
            if (a.getName().startsWith("xmlns")) {
                continue;
            }
            sb.append(' ').append(a.getName()).append("=\"").append(NetconfSession.escape(a.getValue())).append('"');
        }
        return sb.toString();
    }

    static Element firstElement(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                return c;
            }
        }
        return null;
    }

    private void end() {
        boolean first = !closed;
        closed = true;
        if (first && session != null) {
            device.closed(session);
        }
        ExitCallback cb = exit;
        exit = null;
        if (cb != null) {
            cb.onExit(0);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        end();
    }

    /** What a device answers over NETCONF. */
    public interface NetconfDevice {
        /** The capabilities of the server's hello. */
        List<String> capabilities();

        /** The {@code xmlns:junos} (or vendor) namespace of replies. */
        String replyNamespace();

        /** The body of the rpc-reply for one operation ({@code <ok/>}, data, or rpc-error elements). */
        String handle(Session session, Element operation);

        /** The session ended (close-session, or the channel closed). */
        void closed(Session session);

        /**
         * A one-line account of an operation for the command log: its name and attributes, then its
         * children compactly ({@code confirmed confirm-timeout=5 log=...}, nested ones in braces).
         */
        static String describe(Element op) {
            StringBuilder sb = new StringBuilder("<").append(op.getLocalName());
            NamedNodeMap all = op.getAttributes();
            for (int i = 0; i < all.getLength(); i++) {
                Attr a = (Attr) all.item(i);
                if (!a.getName().startsWith("xmlns")) {
                    sb.append(' ').append(a.getName()).append("=\"").append(a.getValue()).append('"');
                }
            }
            sb.append('>');
            String inner = children(op);
            if (!inner.isEmpty()) {
                sb.append(' ').append(inner.length() > 300 ? inner.substring(0, 300) + "..." : inner);
            }
            return sb.toString();
        }

        private static String children(Element e) {
            List<String> parts = new java.util.ArrayList<>();
            boolean elements = false;
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c) {
                    elements = true;
                    String inner = children(c);
                    boolean nested = firstElement(c) != null;
                    parts.add(c.getLocalName() + (inner.isEmpty() ? "" : nested ? "{" + inner + "}" : "=" + inner));
                }
            }
            if (!elements) {
                return e.getTextContent().strip().replaceAll("\\s*\n\\s*", "; ");
            }
            return String.join(" ", parts);
        }
    }
}

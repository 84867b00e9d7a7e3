package io.portpush.core.transport;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A NETCONF session over SSH (RFC 6241/6242): the hello exchange, one RPC at a time with its
 * {@code message-id}, replies parsed with the JDK's XML parser (no DTDs, no external entities),
 * {@code <close-session/>} at the end. Framing is 1.0 or 1.1 as both hellos allow.
 */
public final class NetconfSession implements AutoCloseable {
    private static final ScheduledExecutorService WATCHDOG = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "portpush-netconf-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final String NS = "urn:ietf:params:xml:ns:netconf:base:1.0";

    private final SshTarget target;
    private final Session session;
    private final Session.Subsystem subsystem;
    private final NetconfFrames frames;
    private final Duration timeout;
    private final Set<String> capabilities;
    private final String sessionId;
    private int messageId = 100;
    private boolean closed;

    private NetconfSession(SshTarget target, Session session, Session.Subsystem subsystem, NetconfFrames frames, Duration timeout,
                           Set<String> capabilities, String sessionId) {
        this.target = target;
        this.session = session;
        this.subsystem = subsystem;
        this.frames = frames;
        this.timeout = timeout;
        this.capabilities = Set.copyOf(capabilities);
        this.sessionId = sessionId;
    }

    static NetconfSession start(SshTarget target, Session session, Session.Subsystem sub, Duration timeout) throws IOException {
        NetconfFrames frames = new NetconfFrames(sub.getInputStream(), sub.getOutputStream());
        frames.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><hello xmlns=\"" + NS + "\"><capabilities>"
                + "<capability>" + NetconfFrames.BASE_1_0 + "</capability><capability>" + NetconfFrames.BASE_1_1 + "</capability>"
                + "</capabilities></hello>");
        String hello = read(target, sub, frames, timeout, "the server's hello");
        Element h = parse(target, hello);
        if (!"hello".equals(h.getLocalName())) {
            throw protocol(target, "the server opened with <" + h.getLocalName() + "> instead of <hello>");
        }
        Set<String> caps = new LinkedHashSet<>();
        for (Element c : descendants(h, "capability")) {
            caps.add(c.getTextContent().strip());
        }
        if (caps.contains(NetconfFrames.BASE_1_1)) {
            frames.useChunked();
        } else if (!caps.contains(NetconfFrames.BASE_1_0)) {
            throw protocol(target, "the server's hello names neither NETCONF 1.0 nor 1.1 (" + String.join(", ", caps) + ")");
        }
        String id = descendants(h, "session-id").stream().findFirst().map(e -> e.getTextContent().strip()).orElse("");
        return new NetconfSession(target, session, sub, frames, timeout, caps, id);
    }

    /** What the server said it supports in its hello. */
    public Set<String> capabilities() {
        return capabilities;
    }

    public String sessionId() {
        return sessionId;
    }

    /** Whether the session speaks chunked framing (NETCONF 1.1 on both sides). */
    public boolean chunked() {
        return frames.chunked();
    }

    /**
     * Sends one {@code <rpc>} holding {@code operation} (XML, already escaped by the caller) and
     * returns its {@code <rpc-reply>}; errors inside the reply are the caller's to read ({@link #errors}).
     */
    public Element rpc(String operation) {
        if (closed) {
            throw new TransportException(TransportException.Kind.DISCONNECTED, target.display() + ": the NETCONF session is closed", null);
        }
        String id = String.valueOf(++messageId);
        try {
            frames.write("<rpc xmlns=\"" + NS + "\" message-id=\"" + id + "\">" + operation + "</rpc>");
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.DISCONNECTED, target.display() + ": connection lost while sending an RPC: "
                    + e.getMessage(), e);
        }
        while (true) {
            String text = read(target, subsystem, frames, timeout, "an rpc-reply");
            Element reply = parse(target, text);
            if ("notification".equals(reply.getLocalName())) {
                continue; // not asked for, but a server may send them; they are not the answer
            }
            if (!"rpc-reply".equals(reply.getLocalName())) {
                throw protocol(target, "expected <rpc-reply>, got <" + reply.getLocalName() + ">");
            }
            String got = reply.getAttribute("message-id");
            if (!got.isEmpty() && !got.equals(id)) {
                throw protocol(target, "an rpc-reply for message " + got + " while waiting for " + id);
            }
            return reply;
        }
    }

    /** One {@code <rpc-error>} of a reply. */
    public record RpcError(String severity, String tag, String message, String path, String badElement) {
        /** A line a person can act on: the message, then where. */
        public String describe() {
            StringBuilder sb = new StringBuilder(message.isEmpty() ? tag : message);
            if (!badElement.isEmpty()) {
                sb.append(" (at '").append(badElement).append("')");
            }
            if (!path.isEmpty()) {
                sb.append(" [").append(path).append(']');
            }
            return sb.toString();
        }

        public boolean isError() {
            return !"warning".equals(severity);
        }
    }

    /** The {@code rpc-error} elements anywhere in a reply, in document order. */
    public static List<RpcError> errors(Element reply) {
        List<RpcError> out = new ArrayList<>();
        for (Element e : descendants(reply, "rpc-error")) {
            out.add(new RpcError(childText(e, "error-severity"), childText(e, "error-tag"), childText(e, "error-message"),
                    childText(e, "error-path"), descendants(e, "bad-element").stream().findFirst()
                            .map(b -> b.getTextContent().strip()).orElse("")));
        }
        return out;
    }

    /** Every element named {@code localName} under {@code root} (any namespace), in document order. */
    public static List<Element> descendants(Element root, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList all = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        return out;
    }

    /** The first element named {@code localName} under {@code root}, if any. */
    public static Optional<Element> first(Element root, String localName) {
        return descendants(root, localName).stream().findFirst();
    }

    private static String childText(Element e, String localName) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && localName.equals(c.getLocalName())) {
                return c.getTextContent().strip();
            }
        }
        return "";
    }

    /** Text made safe to place inside an XML element or attribute: a value can never close or open a tag. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Parses one message with external entities and DTDs refused (a reply cannot read local files). */
    public static Element parseXml(String xml) throws SAXException, IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml.strip()))).getDocumentElement();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element parse(SshTarget target, String xml) {
        try {
            return parseXml(xml);
        } catch (SAXException | IOException e) {
            String head = xml.length() > 120 ? xml.substring(0, 120) + "..." : xml;
            throw protocol(target, "a message that is not XML (" + e.getMessage() + "): " + head.replace("\n", "\\n"));
        }
    }

    private static String read(SshTarget target, Session.Subsystem sub, NetconfFrames frames, Duration timeout, String what) {
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            try {
                sub.close();
            } catch (IOException e) {
                // already gone
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        try {
            String msg = frames.read();
            if (msg == null) {
                if (System.nanoTime() - start >= timeout.toNanos()) {
                    throw new TransportException(TransportException.Kind.TIMEOUT, target.display() + ": no " + what + " within "
                            + timeout.toMillis() + " ms", null);
                }
                throw new TransportException(TransportException.Kind.DISCONNECTED, target.display()
                        + ": the device closed the NETCONF session while portpush waited for " + what, null);
            }
            return msg;
        } catch (NetconfFrames.NetconfFramingException e) {
            throw protocol(target, e.getMessage());
        } catch (IOException e) {
            if (System.nanoTime() - start >= timeout.toNanos()) {
                throw new TransportException(TransportException.Kind.TIMEOUT, target.display() + ": no " + what + " within "
                        + timeout.toMillis() + " ms", e);
            }
            throw new TransportException(TransportException.Kind.DISCONNECTED, target.display() + ": connection lost while waiting for "
                    + what + ": " + e.getMessage(), e);
        } finally {
            watchdog.cancel(false);
        }
    }

    private static TransportException protocol(SshTarget target, String why) {
        return new TransportException(TransportException.Kind.DISCONNECTED, target.display() + ": NETCONF protocol error: " + why, null);
    }

    /** Ends the session politely ({@code <close-session/>}), then the channel. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (subsystem.isOpen()) {
                rpc("<close-session/>");
            }
        } catch (RuntimeException e) {
            // the session ends either way
        } finally {
            closed = true;
            try {
                subsystem.close();
                session.close();
            } catch (IOException e) {
                // closing a broken channel
            }
        }
    }
}

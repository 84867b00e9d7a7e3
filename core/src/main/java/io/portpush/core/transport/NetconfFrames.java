package io.portpush.core.transport;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * NETCONF message framing over an SSH subsystem channel (RFC 6242): the 1.0 end-of-message marker
 * {@code ]]>]]>} until both sides said {@code urn:ietf:params:netconf:base:1.1} in their hellos, chunked
 * framing ({@code \n#LEN\n...\n##\n}) after. One instance per direction pair of one session; not
 * thread-safe (a session sends one RPC at a time).
 */
public final class NetconfFrames {
    /** The capability that switches a session to chunked framing once both hellos carry it. */
    public static final String BASE_1_1 = "urn:ietf:params:netconf:base:1.1";
    public static final String BASE_1_0 = "urn:ietf:params:netconf:base:1.0";
    private static final byte[] EOM = "]]>]]>".getBytes(StandardCharsets.US_ASCII);
    /** Largest chunk accepted (RFC 6242 allows 4294967295; a lab or a client needs far less). */
    private static final long MAX_CHUNK = 64L * 1024 * 1024;

    private final InputStream in;
    private final OutputStream out;
    private boolean chunked;

    public NetconfFrames(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** From now on both directions use chunked framing (after the hello exchange, when both sides speak 1.1). */
    public void useChunked() {
        chunked = true;
    }

    public boolean chunked() {
        return chunked;
    }

    /** Writes one message in the current framing. */
    public void write(String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        if (chunked) {
            out.write(("\n#" + body.length + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write("\n##\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(body);
            out.write(EOM);
        }
        out.flush();
    }

    /**
     * Reads one whole message; {@code null} when the peer closed the channel between messages.
     *
     * @throws NetconfFramingException when the bytes break the framing (the session cannot go on)
     */
    public String read() throws IOException {
        return chunked ? readChunked() : readEom();
    }

    private String readEom() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] tail = new byte[EOM.length];
        long seen = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (buf.toString(StandardCharsets.UTF_8).isBlank()) {
                    return null;
                }
                throw new EOFException("the channel closed inside a message");
            }
            buf.write(b);
            tail[(int) (seen++ % EOM.length)] = (byte) b;
            if (seen >= EOM.length && endsWithEom(tail, seen)) {
                byte[] all = buf.toByteArray();
                return new String(all, 0, all.length - EOM.length, StandardCharsets.UTF_8);
            }
        }
    }

    /** Whether the ring {@code tail} (last byte written at {@code seen - 1}) holds the end-of-message marker. */
    private static boolean endsWithEom(byte[] tail, long seen) {
        for (int i = 0; i < EOM.length; i++) {
            if (tail[(int) ((seen - EOM.length + i) % EOM.length)] != EOM[i]) {
                return false;
            }
        }
        return true;
    }

    private String readChunked() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (true) {
            int first = in.read();
            if (first < 0 && buf.size() == 0) {
                return null;
            }
            expect(first, '\n');
            expect(in.read(), '#');
            int c = in.read();
            if (c == '#') {
                expect(in.read(), '\n');
                return buf.toString(StandardCharsets.UTF_8);
            }
            long len = 0;
            int digits = 0;
            while (c >= '0' && c <= '9') {
                if (digits == 0 && c == '0') {
                    throw new NetconfFramingException("a chunk size starts with 0");
                }
                len = len * 10 + (c - '0');
                if (len > MAX_CHUNK) {
                    throw new NetconfFramingException("a chunk of more than " + MAX_CHUNK + " bytes");
                }
                digits++;
                c = in.read();
            }
            if (digits == 0) {
                throw new NetconfFramingException("a chunk header without a size");
            }
            expect(c, '\n');
            byte[] chunk = in.readNBytes((int) len);
            if (chunk.length < len) {
                throw new EOFException("the channel closed inside a chunk");
            }
            buf.write(chunk);
        }
    }

    private static void expect(int got, char want) throws IOException {
        if (got < 0) {
            throw new EOFException("the channel closed inside a chunk header");
        }
        if (got != want) {
            throw new NetconfFramingException("chunk framing: expected '" + (want == '\n' ? "\\n" : String.valueOf(want))
                    + "', got byte " + got);
        }
    }

    /** The peer broke the framing of RFC 6242; the session must end. */
    public static final class NetconfFramingException extends IOException {
        private static final long serialVersionUID = 1L;

        public NetconfFramingException(String message) {
            super(message);
        }
    }
}

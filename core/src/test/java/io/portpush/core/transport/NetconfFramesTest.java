package io.portpush.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NetconfFramesTest {
    /** A stream that hands out one byte per read, as a slow channel may. */
    private static InputStream trickle(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            int i;

            @Override
            public int read() {
                return i < b.length ? b[i++] & 0xff : -1;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (i >= b.length) {
                    return -1;
                }
                buf[off] = b[i++];
                return 1;
            }
        };
    }

    @Test
    void endOfMessageFramingSplitsMessagesEvenWhenTheMarkerOverlapsItsOwnStart() throws IOException {
        // "]]]>]]>" ends with the marker one byte in: the message is "<a>]"
        NetconfFrames f = new NetconfFrames(trickle("<a>]]]>]]><b/>]]>]]>\n"), new ByteArrayOutputStream());
        assertThat(f.read()).isEqualTo("<a>]");
        assertThat(f.read()).isEqualTo("<b/>");
        assertThat(f.read()).as("blank after the last message: the peer closed").isNull();
    }

    @Test
    void chunkedFramingJoinsChunksAndWritesWhatItReads() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NetconfFrames w = new NetconfFrames(new ByteArrayInputStream(new byte[0]), out);
        w.useChunked();
        w.write("<rpc-reply>é</rpc-reply>");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\n#25\n<rpc-reply>é</rpc-reply>\n##\n");
        NetconfFrames r = new NetconfFrames(trickle("\n#4\n<rpc\n#3\n/>x\n##\n" + out.toString(StandardCharsets.UTF_8)), new ByteArrayOutputStream());
        r.useChunked();
        assertThat(r.read()).isEqualTo("<rpc/>x");
        assertThat(r.read()).isEqualTo("<rpc-reply>é</rpc-reply>");
        assertThat(r.read()).isNull();
    }

    @Test
    void brokenChunkHeadersAreFramingErrors() {
        for (String bad : new String[] {"\n#\n", "\n#012\nabc", "\nX4\nabcd", "\n#4x\n"}) {
            NetconfFrames r = new NetconfFrames(trickle(bad), new ByteArrayOutputStream());
            r.useChunked();
            assertThatThrownBy(r::read).as(bad.replace("\n", "\\n")).isInstanceOf(NetconfFrames.NetconfFramingException.class);
        }
        NetconfFrames cut = new NetconfFrames(trickle("\n#10\nabc"), new ByteArrayOutputStream());
        cut.useChunked();
        assertThatThrownBy(cut::read).isInstanceOf(java.io.EOFException.class);
    }

    @Test
    void escapedTextCannotCloseAnElementOrEndAMessage() {
        String v = "a</x>]]>]]><rpc>&\"'";
        String e = NetconfSession.escape(v);
        assertThat(e).doesNotContain("<", "]]>").isEqualTo("a&lt;/x&gt;]]&gt;]]&gt;&lt;rpc&gt;&amp;&quot;&apos;");
    }
}

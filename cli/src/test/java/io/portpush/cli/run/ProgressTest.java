package io.portpush.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void aLogGetsAPlainLineEveryPeriodAndAtTheEnd() {
        StringWriter w = new StringWriter();
        AtomicLong now = new AtomicLong(1_000_000);
        Progress p = new Progress(new PrintWriter(w), false, 10_000, now::get);
        p.start(100);
        for (int i = 1; i <= 100; i++) {
            now.addAndGet(250); // four hosts a second
            p.hostDone();
        }
        // 25 s in all: a line at 10 s, at 20 s, and the last
        assertThat(w.toString().lines()).containsExactly(
                "  [############..................] 40/100 hosts, 4.0/s, about 15 s left",
                "  [########################......] 80/100 hosts, 4.0/s, about 5 s left",
                "  [##############################] 100/100 hosts, 4.0/s, done in 25 s");
    }

    @Test
    void aTerminalGetsABarRedrawnInPlaceAndSmallPlaysNothing() {
        StringWriter w = new StringWriter();
        AtomicLong now = new AtomicLong(0);
        Progress p = new Progress(new PrintWriter(w), true, 10_000, now::get);
        p.start(30);
        for (int i = 1; i <= 30; i++) {
            now.addAndGet(50);
            p.hostDone();
        }
        assertThat(w.toString()).startsWith("\r  [").endsWith("30/30 hosts, 20.0/s, done in 2 s\n").doesNotContain("\n\r");
        assertThat(w.toString().split("\r", -1).length - 1).as("at most ten redraws a second, and the last").isBetween(14, 16);
        StringWriter small = new StringWriter();
        Progress q = new Progress(new PrintWriter(small), false, 0, now::get);
        q.start(Progress.MIN_HOSTS);
        for (int i = 0; i < Progress.MIN_HOSTS; i++) {
            q.hostDone();
        }
        assertThat(small.toString()).isEmpty();
    }
}

package io.portpush.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficCheckTest {
    static TrafficCheck.Counter c(String flow, long hits) {
        return new TrafficCheck.Counter("entry " + flow, flow, false, hits);
    }

    static TrafficCheck.Counter deny(long hits) {
        return new TrafficCheck.Counter("deny ip any any", "", true, hits);
    }

    static final TrafficCheck.Rule STRICT = new TrafficCheck.Rule(3, true);
    static final Duration W = Duration.ofSeconds(10);

    @Test
    void aFlowThatStopsCountingAndADefaultThatFloodsFail() {
        TrafficCheck.Report r = TrafficCheck.judge(STRICT, List.of(c("xcp.client-access", 100), c("", 7), deny(50)),
                List.of(c("xcp.client-access", 300), c("", 7), deny(100)),
                List.of(c("xcp.client-access", 0), c("return:xcp.client-access", 0), deny(0)),
                List.of(c("xcp.client-access", 0), c("return:xcp.client-access", 0), deny(250)), W);
        assertThat(r.failed()).isTrue();
        assertThat(r.failures()).containsExactly(
                "intended flow xcp.client-access stopped counting (200 hits in the 10 s before the change, 0 after)",
                "the default entry's rate rose from 5.0/s to 25.0/s (more than 3x)");
        assertThat(r.lines()).contains("default entry: 5.0/s before, 25.0/s after", "0 of 2 intended flows counted traffic during the 10 s soak");
    }

    @Test
    void theSameNumbersOnlyReportWithoutARule() {
        TrafficCheck.Report r = TrafficCheck.judge(TrafficCheck.Rule.REPORT_ONLY, List.of(c("a.b", 0), deny(0)), List.of(c("a.b", 10), deny(0)),
                List.of(c("a.b", 0), deny(0)), List.of(c("a.b", 0), deny(100)), W);
        assertThat(r.failed()).isFalse();
        assertThat(r.lines()).anyMatch(l -> l.startsWith("intended flow a.b stopped counting"));
    }

    @Test
    void steadyTrafficPassesAndAQuietDefaultMayStayQuiet() {
        TrafficCheck.Report r = TrafficCheck.judge(STRICT, List.of(c("a.b", 0), deny(0)), List.of(c("a.b", 40), deny(0)),
                List.of(c("a.b", 0), deny(0)), List.of(c("a.b", 38), deny(2)), W);
        assertThat(r.failures()).isEmpty();
        assertThat(r.summary()).isEqualTo("1 of 1 intended flows counted traffic during the 10 s soak");
        // a default that was silent: up to factor x one packet per window is allowed, more is not
        TrafficCheck.Report flood = TrafficCheck.judge(STRICT, List.of(deny(0)), List.of(deny(0)), List.of(deny(0)), List.of(deny(4)), W);
        assertThat(flood.failures()).containsExactly("the default entry's rate rose from 0.0/s to 0.4/s (more than 3x)");
    }

    @Test
    void aFlowWithoutTrafficBeforeIsNoFailureAndMissingCountersAreNotZeros() {
        TrafficCheck.Report r = TrafficCheck.judge(STRICT, List.of(c("a.b", -1)), List.of(c("a.b", -1)), List.of(c("a.b", 0)), List.of(c("a.b", 0)), W);
        assertThat(r.failures()).isEmpty();
        assertThat(TrafficCheck.factor("5x")).contains(5.0);
        assertThat(TrafficCheck.factor("2.5")).contains(2.5);
        assertThat(TrafficCheck.factor("x5")).isEmpty();
        assertThat(TrafficCheck.factor("0x")).isEmpty();
    }
}

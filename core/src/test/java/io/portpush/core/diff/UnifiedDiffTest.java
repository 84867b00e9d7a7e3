package io.portpush.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.of("r1/acl/EDGE", "a\nb\n", "a\nb\n")).isEmpty();
    }

    @Test
    void aChangedLineReadsAsDiffUPrintsIt() {
        String d = UnifiedDiff.of("r1/acl/EDGE", " 10 permit tcp any any eq 22\n 20 deny ip any any\n",
                " 10 permit tcp any any eq 5222\n 20 deny ip any any\n");
        assertThat(d).isEqualTo("""
                --- a/r1/acl/EDGE
                +++ b/r1/acl/EDGE
                @@ -1,2 +1,2 @@
                - 10 permit tcp any any eq 22
                + 10 permit tcp any any eq 5222
                  20 deny ip any any
                """);
    }

    @Test
    void fromNothingEveryLineIsAdded() {
        assertThat(UnifiedDiff.of("x", "", "one\ntwo\n")).contains("+one\n+two\n").startsWith("--- a/x\n+++ b/x\n");
    }
}

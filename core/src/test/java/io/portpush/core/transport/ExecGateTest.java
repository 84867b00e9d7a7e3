package io.portpush.core.transport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.wire.UnsafeLineException;
import org.junit.jupiter.api.Test;

/** The gate of exec channels: the command and every line of a script, split on LF only. */
class ExecGateTest {
    @Test
    void aScriptOfCleanLinesPasses() {
        assertThatCode(() -> SshConnection.gate("fw", "nft -f -", "add table inet portpush\nflush chain inet portpush EDGE\n"))
                .doesNotThrowAnyException();
        assertThatCode(() -> SshConnection.gate("fw", "nft -j list ruleset", null)).doesNotThrowAnyException();
    }

    @Test
    void aCarriageReturnInsideAScriptLineIsRefusedNotTakenForALineEnd() {
        assertThatThrownBy(() -> SshConnection.gate("fw", "nft -f -", "add rule inet portpush EDGE accept comment \"x\"\rflush ruleset\n"))
                .isInstanceOf(UnsafeLineException.class).hasMessageContaining("CR (U+000D)").hasMessageContaining("fw");
        assertThatThrownBy(() -> SshConnection.gate("fw", "nft list chain inet portpush EDGE\u001b[2J", null))
                .isInstanceOf(UnsafeLineException.class).hasMessageContaining("ESC");
        assertThatThrownBy(() -> SshConnection.gate("fw", "nft -f -", "a\tb")).isInstanceOf(UnsafeLineException.class);
    }
}

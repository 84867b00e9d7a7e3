package io.portpush.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.device.Commit;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfirmWindowTest {
    @Test
    void textsMinutesAndTheCommitAChangeMakes() {
        assertThat(ConfirmWindow.parse("5m")).contains(new ConfirmWindow(Duration.ofMinutes(5)));
        assertThat(ConfirmWindow.parse("90s").orElseThrow().minutes()).as("device timers count whole minutes, rounded up").isEqualTo(2);
        assertThat(ConfirmWindow.parse("3").orElseThrow().seconds()).isEqualTo(180);
        assertThat(ConfirmWindow.parse("0m")).isEmpty();
        assertThat(ConfirmWindow.parse("soon")).isEmpty();
        assertThatThrownBy(() -> new ConfirmWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ConfirmWindow.commit(ConfirmWindow.parse("90s"), 5, "c")).isEqualTo(new Commit.Confirmed(2, "c", true));
        assertThat(ConfirmWindow.commit(Optional.empty(), 5, "c")).isEqualTo(new Commit.Confirmed(5, "c", false));
        assertThat(Soak.parse("30s").orElseThrow().window()).isEqualTo(Duration.ofSeconds(30));
    }
}

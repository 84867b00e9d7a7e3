package io.portpush.core.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code serial}: batches of a number of hosts or a percentage, as Ansible cuts them. */
class RunnerBatchesTest {
    private static final List<String> HOSTS = List.of("a", "b", "c", "d", "e");

    @Test
    void noSerialIsOneBatch() {
        assertThat(Runner.batches(HOSTS, null)).containsExactly(HOSTS);
        assertThat(Runner.batches(List.of(), "2")).containsExactly(List.of());
    }

    @Test
    void aNumberCutsBatchesOfThatSizeTheLastOneShorter() {
        assertThat(Runner.batches(HOSTS, "2")).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
        assertThat(Runner.batches(HOSTS, "5")).containsExactly(HOSTS);
        assertThat(Runner.batches(HOSTS, "9")).containsExactly(HOSTS);
        assertThat(Runner.batches(HOSTS, "0")).as("at least one host per batch").hasSize(5);
    }

    @Test
    void aPercentageRoundsDownButNeverToZero() {
        assertThat(Runner.batches(HOSTS, "40%")).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
        assertThat(Runner.batches(HOSTS, "10%")).hasSize(5);
        assertThat(Runner.batches(HOSTS, "100%")).containsExactly(HOSTS);
    }
}

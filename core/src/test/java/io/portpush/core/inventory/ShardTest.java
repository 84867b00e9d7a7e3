package io.portpush.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shards: every host in exactly one, the same one whatever the inventory around it, about even, little movement when N grows. */
class ShardTest {
    private static final List<String> HOSTS = IntStream.rangeClosed(1, 2000).mapToObj(i -> "r%04d".formatted(i)).toList();

    @Test
    void everyHostIsInExactlyOneShardAndTheSharesAreAboutEven() {
        int n = 8;
        int[] sizes = new int[n];
        for (String h : HOSTS) {
            List<Integer> holders = IntStream.range(0, n).filter(k -> new Shard(k, n).holds(h)).boxed().toList();
            assertThat(holders).as(h).hasSize(1);
            sizes[holders.get(0)]++;
        }
        // 250 expected per shard; rendezvous hashing on SHA-256 stays well inside +-20%
        assertThat(IntStream.of(sizes).boxed().toList()).allSatisfy(s -> assertThat(s).isBetween(200, 300));
    }

    @Test
    void aHostsShardDependsOnItsNameOnly() {
        List<String> reversed = new ArrayList<>(HOSTS);
        java.util.Collections.reverse(reversed);
        for (String h : reversed.subList(0, 50)) {
            assertThat(Shard.of(h, 5)).isEqualTo(Shard.of(h, 5));
        }
        // known values: a change of the hash would move every host's history between shards
        assertThat(List.of(Shard.of("r0001", 4), Shard.of("edge-fw1", 4), Shard.of("mx1", 4))).containsExactly(2, 1, 2);
        assertThat(Shard.ALL.holds("anything")).isTrue();
    }

    @Test
    void growingFromNToNPlusOneShardsMovesOnlyTheHostsTheNewShardTakes() {
        int moved = 0;
        for (String h : HOSTS) {
            int before = Shard.of(h, 4);
            int after = Shard.of(h, 5);
            if (before != after) {
                assertThat(after).as(h + " may only move to the new shard").isEqualTo(4);
                moved++;
            }
        }
        // about one host in five; hash mod N would move about four in five
        assertThat(moved).isBetween(300, 500);
    }

    @Test
    void kOverNIsReadWithErrorsThatSayWhatIsWrong() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse(" 0/1 ")).isEqualTo(Shard.ALL);
        assertThatThrownBy(() -> Shard.parse("4/4")).hasMessageContaining("from 0 to 3").hasMessageContaining("JOB_COMPLETION_INDEX");
        assertThatThrownBy(() -> Shard.parse("1/0")).hasMessageContaining("at least one shard");
        assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("is not K/N");
        assertThatThrownBy(() -> new Shard(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}

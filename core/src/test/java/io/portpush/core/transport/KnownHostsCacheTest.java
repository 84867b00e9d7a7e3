package io.portpush.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One parse of known_hosts for a run's connections, and a key learnt during the run is seen by the next connection. */
class KnownHostsCacheTest {
    @TempDir
    Path dir;

    private static PublicKey key() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair().getPublic();
    }

    @Test
    void theFileIsParsedOnceAndAgainOnlyWhenItChanges() throws Exception {
        Path kh = dir.resolve("known_hosts");
        PublicKey r1 = key();
        Files.writeString(kh, KnownHostsVerifier.line("127.0.0.1", 2201, r1) + "\n");
        KnownHostsCache cache = new KnownHostsCache();
        var first = cache.entries(kh);
        assertThat(cache.entries(kh)).isSameAs(first);
        KnownHostsVerifier one = new KnownHostsVerifier(List.of(kh), false, null, cache);
        assertThat(one.verify("127.0.0.1", 2201, r1)).isTrue();
        // a changed key is refused from the cached entries as from the file
        assertThat(one.verify("127.0.0.1", 2201, key())).isFalse();
        assertThat(one.problem()).contains("HOST KEY CHANGED");

        // another connection of the run learns a key: the next one reads the grown file
        PublicKey r2 = key();
        KnownHostsVerifier learning = new KnownHostsVerifier(List.of(kh), true, kh, cache);
        assertThat(learning.verify("127.0.0.1", 2202, r2)).isTrue();
        assertThat(cache.entries(kh)).isNotSameAs(first).hasSize(2);
        assertThat(new KnownHostsVerifier(List.of(kh), false, null, cache).verify("127.0.0.1", 2202, r2)).isTrue();
        assertThat(new KnownHostsVerifier(List.of(kh), false, null, cache).findExistingAlgorithms("127.0.0.1", 2202))
                .containsExactly("ecdsa-sha2-nistp256");
    }
}

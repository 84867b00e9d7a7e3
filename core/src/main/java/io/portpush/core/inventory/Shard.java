package io.portpush.core.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One share of the hosts, for runs split over several processes or machines
 * ({@code portpush run --shard K/N}, K from 0 as Kubernetes' {@code JOB_COMPLETION_INDEX} counts).
 *
 * <p>A host's shard depends on its name only, by rendezvous hashing: each shard scores the name
 * (SHA-256 of {@code name/shard}) and the highest score takes it. So the same host always lands
 * on the same shard, whatever else the inventory holds or in which order; shards get about equal
 * shares; and going from N to N+1 shards moves only the hosts the new shard wins (about one in
 * N+1), where {@code hash mod N} would move almost all of them and with them the history paths
 * each shard pushes.
 *
 * @param index this shard, 0 to count-1
 * @param count how many shards the hosts are split into
 */
public record Shard(int index, int count) {
    /** Every host: the run is not split. */
    public static final Shard ALL = new Shard(0, 1);

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": K/N needs N >= 1 and 0 <= K < N");
        }
    }

    /** Reads {@code K/N}; an {@link IllegalArgumentException} says what is wrong with it. */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        String problem;
        if (!m.matches()) {
            problem = "'" + text + "' is not K/N (this shard's index from 0, then the number of shards: 0/4 .. 3/4)";
        } else {
            int k = Integer.parseInt(m.group(1));
            int n = Integer.parseInt(m.group(2));
            if (n >= 1 && k < n) {
                return new Shard(k, n);
            }
            problem = "'" + text + "': " + (n < 1 ? "there must be at least one shard" : "shard indexes run from 0 to " + (n - 1)
                    + " (Kubernetes' JOB_COMPLETION_INDEX counts from 0)");
        }
        throw new IllegalArgumentException(problem);
    }

    /** True when this shard works on the host. */
    public boolean holds(String host) {
        return count == 1 || of(host, count) == index;
    }

    /** The shard, 0 to count-1, that takes the host. */
    public static int of(String host, int count) {
        int best = 0;
        long bestScore = Long.MIN_VALUE;
        for (int s = 0; s < count; s++) {
            long score = score(host, s);
            if (score > bestScore) {
                bestScore = score;
                best = s;
            }
        }
        return best;
    }

    private static long score(String host, int shard) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((host + "/" + shard).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

package io.portpush.core.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Marks each device change while it is in flight, on disk, before the first command is sent
 * and removes the mark when the device is known to be in its old or new state. A run killed
 * in between (SIGKILL, power loss) leaves its marks; the next run, holding the lock, reports
 * them with the state saved before the change, so the person knows which devices to check.
 */
public final class Journal {
    private final Path dir;
    private final String runId;

    public Journal(Path stateDir, String runId) {
        this.dir = stateDir.resolve("inflight");
        this.runId = runId;
    }

    private Path file(String host, String object) {
        return dir.resolve(runId + "__" + host + "__" + object.replace('/', '~') + ".txt");
    }

    /** Before the first command: what the device held, so a person can restore it by hand if needed. */
    public void begin(String host, String object, String before) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file(host, object).getFileName() + ".tmp");
            Files.writeString(tmp, "run " + runId + " started changing " + object + " on " + host + " at " + Instant.now()
                    + "\nstate before the change:\n" + before, StandardCharsets.UTF_8);
            Files.move(tmp, file(host, object), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the change journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The device is in a known state again (changed and verified, or restored). */
    public void end(String host, String object) {
        try {
            Files.deleteIfExists(file(host, object));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Marks left by runs that died, as one line each; they are moved to {@code inflight/reported/}
     * so each is reported once. Call while holding the {@link RunLock}.
     */
    public static List<String> leftovers(Path stateDir) {
        Path dir = stateDir.resolve("inflight");
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                String[] parts = f.getFileName().toString().replace(".txt", "").split("__");
                String first = Files.readAllLines(f, StandardCharsets.UTF_8).stream().findFirst().orElse("");
                Path reported = dir.resolve("reported");
                Files.createDirectories(reported);
                Files.move(f, reported.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                out.add(parts.length >= 3 ? parts[1] + " " + parts[2].replace('~', '/') + ": " + first
                        + " and never finished; the device may hold the old or the new state (saved in " + reported.resolve(f.getFileName())
                        + "). Check it with 'portpush verify' and run again or roll back." : first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

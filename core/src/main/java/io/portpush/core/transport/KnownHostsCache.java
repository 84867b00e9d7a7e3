package io.portpush.core.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * {@code known_hosts} files parsed once and shared by every connection of a run, read again only
 * when a file's time or size changes (a key learnt with {@code --accept-new-host-keys} appends a
 * line). Parsing decodes every key on every line (an ECDSA key is an elliptic-curve point): read
 * per connection, a 1,000-line file cost every login a thousand decodings, half of a 1,000-router
 * run's CPU with nothing to change.
 */
public final class KnownHostsCache {
    private record Parsed(FileTime modified, long size, List<OpenSSHKnownHosts.KnownHostEntry> entries) {
    }

    private final Map<Path, Parsed> files = new ConcurrentHashMap<>();

    /** The file's entries as it holds them now. */
    List<OpenSSHKnownHosts.KnownHostEntry> entries(Path file) throws IOException {
        Path key = file.toAbsolutePath();
        BasicFileAttributes a = Files.readAttributes(key, BasicFileAttributes.class);
        Parsed p = files.get(key);
        if (p != null && p.modified().equals(a.lastModifiedTime()) && p.size() == a.size()) {
            return p.entries();
        }
        List<OpenSSHKnownHosts.KnownHostEntry> entries = List.copyOf(new OpenSSHKnownHosts(key.toFile()).entries());
        files.put(key, new Parsed(a.lastModifiedTime(), a.size(), entries));
        return entries;
    }
}

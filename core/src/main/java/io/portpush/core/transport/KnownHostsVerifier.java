package io.portpush.core.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Checks host keys against OpenSSH {@code known_hosts} files (the user's and the project's).
 * An unknown key is refused unless {@code acceptNew} (trust on first use, recorded in
 * {@code recordTo}); a changed key is always refused. The reason of the last refusal is kept so
 * that the caller can tell the person exactly what to do.
 */
public final class KnownHostsVerifier implements HostKeyVerifier {
    private final List<Path> files;
    private final boolean acceptNew;
    private final Path recordTo;
    private volatile String problem;
    private final KnownHostsCache cache;

    public KnownHostsVerifier(List<Path> files, boolean acceptNew, Path recordTo) {
        this(files, acceptNew, recordTo, new KnownHostsCache());
    }

    /** With the run's {@code cache}: the files are parsed once for all its connections. */
    public KnownHostsVerifier(List<Path> files, boolean acceptNew, Path recordTo, KnownHostsCache cache) {
        this.files = List.copyOf(files);
        this.acceptNew = acceptNew;
        this.recordTo = recordTo;
        this.cache = cache;
    }

    /** Why the last key was refused, or null. */
    public String problem() {
        return problem;
    }

    static String hostPattern(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    public static String fingerprint(PublicKey key) {
        try {
            byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The known_hosts line for a key. */
    public static String line(String host, int port, PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        return hostPattern(host, port) + " " + KeyType.fromKey(key) + " " + Base64.getEncoder().encodeToString(blob);
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String host = hostPattern(hostname, port);
        KeyType type = KeyType.fromKey(key);
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                continue;
            }
            try {
                for (OpenSSHKnownHosts.KnownHostEntry e : cache.entries(f)) {
                    if (e.appliesTo(type, host)) {
                        if (e.verify(key)) {
                            return true;
                        }
                        problem = "HOST KEY CHANGED for " + host + ": " + f + " holds another " + type + " key, the device now presents "
                                + fingerprint(key) + ". This may be a reinstalled device or a man-in-the-middle; portpush never "
                                + "accepts a changed key. After checking the new fingerprint, remove the old entry with: "
                                + "ssh-keygen -R '" + host + "' -f " + f;
                        return false;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read known_hosts file " + f + ": " + e.getMessage(), e);
            }
        }
        if (acceptNew && recordTo != null) {
            record(line(hostname, port, key));
            return true;
        }
        problem = "host key of " + host + " is not known (" + type + " " + fingerprint(key) + "). Check the fingerprint, then "
                + "run again with --accept-new-host-keys to trust it and record it in " + (recordTo == null ? "known_hosts" : recordTo);
        return false;
    }

    private void record(String line) {
        try {
            Files.createDirectories(recordTo.toAbsolutePath().getParent());
            // several forks may learn keys at once: the lock keeps lines whole
            try (FileChannel ch = FileChannel.open(recordTo, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock lock = ch.lock()) {
                ch.write(StandardCharsets.UTF_8.encode(line + "\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record host key in " + recordTo + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        String host = hostPattern(hostname, port);
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                continue;
            }
            try {
                for (OpenSSHKnownHosts.KnownHostEntry e : cache.entries(f)) {
                    for (KeyType t : KeyType.values()) {
                        if (t != KeyType.UNKNOWN && e.appliesTo(t, host) && !out.contains(t.toString())) {
                            out.add(t.toString());
                        }
                    }
                }
            } catch (IOException e) {
                // unreadable file: verify() reports it
            }
        }
        return out;
    }
}

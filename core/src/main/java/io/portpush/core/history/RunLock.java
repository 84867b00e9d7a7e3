package io.portpush.core.history;

import io.portpush.core.error.ExitCodes;
import io.portpush.core.error.PortpushException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Keeps two portpush runs from interleaving on one history. It is an operating-system file
 * lock, so a run that crashes or is killed (even with SIGKILL) releases it at once; the file
 * also names the holder (pid, user, start time, run id) for the refusal message.
 */
public final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static RunLock acquire(Path stateDir, String runId) {
        try {
            Files.createDirectories(stateDir);
            Path f = stateDir.resolve("run.lock");
            FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).strip();
                ch.close();
                throw new io.portpush.core.error.LockedException("another portpush run is using " + stateDir + " (" + (holder.isEmpty() ? "holder unknown" : holder)
                        + "); wait for it to finish. A run that died releases this lock by itself.");
            }
            String me = "pid " + ProcessHandle.current().pid() + ", user " + System.getProperty("user.name") + ", started "
                    + Instant.now() + ", run " + runId;
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new RunLock(ch, l);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process is ending; the OS releases the lock anyway
        }
    }
}

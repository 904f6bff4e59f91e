package dev.sysbuild.generations;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one lock that serialises profile changes and activations, across processes (an flock on
 * {@code profiles/.lock}) and across threads of this process (the JVM refuses a second flock
 * of the same file, so threads queue on a {@link ReentrantLock} first). A dead process's flock
 * goes away with it, so a crash never leaves the profile locked.
 */
public final class ProfileLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private ProfileLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Waits for the lock of {@code layout}'s profile. Re-entrant within one thread. */
    public static ProfileLock acquire(ProfileLayout layout) throws IOException {
        Path file = layout.lockFile().toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        threadLock.lock();
        if (threadLock.getHoldCount() > 1) return new ProfileLock(threadLock, null, null);
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new ProfileLock(threadLock, ch, ch.lock());
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (java.nio.file.AccessDeniedException e) {
            threadLock.unlock();
            throw new IOException("cannot lock the profile (" + file + "): permission denied; changing the system"
                    + " needs root (or --root DIR for a directory you own)", e);
        } catch (IOException | RuntimeException e) {
            threadLock.unlock();
            throw new IOException("cannot lock the profile (" + file + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (fileLock != null) {
                fileLock.release();
                channel.close();
            }
        } finally {
            threadLock.unlock();
        }
    }
}

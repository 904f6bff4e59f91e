package dev.sysbuild.store.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An exclusive lock on one lock file, held across processes (an OS file lock) and across threads
 * of this process (a set of the files this process holds). Both are needed: the OS lock belongs
 * to the process, so it does not keep out a second thread, and a second thread that merely opened
 * and closed the same file could drop the first thread's OS lock (POSIX releases all of a
 * process's locks on a file when any descriptor of it closes). So a thread claims the file in the
 * set first and only then touches it. The set holds only the locks held now, so it does not grow
 * with the store. Released on {@link #close()}.
 *
 * <p>Lock files are left in place after release: deleting one while another process waits on
 * it would let that process lock a file that no longer has a name.
 */
public final class PathLock implements AutoCloseable {
    private static final Set<Path> HELD_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();
    private static final long POLL_MILLIS = 20;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private PathLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock if nobody holds it now, else empty. */
    public static Optional<PathLock> tryAcquire(Path lockFile) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        if (!HELD_IN_THIS_PROCESS.add(key)) return Optional.empty();
        try {
            Files.createDirectories(key.getParent());
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                HELD_IN_THIS_PROCESS.remove(key);
                return Optional.empty();
            }
            return Optional.of(new PathLock(key, channel, lock));
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_PROCESS.remove(key);
            throw e;
        }
    }

    /**
     * Waits up to {@code timeout} for the lock.
     *
     * @throws LockTimeoutException if someone else still holds it then
     */
    public static PathLock acquire(Path lockFile, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<PathLock> lock = tryAcquire(lockFile);
            if (lock.isPresent()) return lock.get();
            if (System.nanoTime() - deadline >= 0) {
                throw new LockTimeoutException("'" + lockFile + "' is still locked after " + timeout.toSeconds()
                        + "s; another sysbuild process (or thread) is building or adding this path");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for '" + lockFile + "'", e);
            }
        }
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            lock.release();
            channel.close();
        } finally {
            HELD_IN_THIS_PROCESS.remove(file);
        }
    }
}

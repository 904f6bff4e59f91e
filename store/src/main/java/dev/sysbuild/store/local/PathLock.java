package dev.sysbuild.store.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An exclusive lock on one lock file, held across processes (an OS file lock) and across threads
 * of this process (a semaphore per file). Both are needed: the OS lock belongs to the process, so
 * it does not keep out a second thread, and a second thread that merely opened and closed the same
 * file could drop the first thread's OS lock (POSIX releases all of a process's locks on a file
 * when any descriptor of it closes). So a thread takes the semaphore first and only then touches
 * the file. Released on {@link #close()}.
 *
 * <p>Lock files are left in place after release: deleting one while another process waits on
 * it would let that process lock a file that no longer has a name.
 */
public final class PathLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, Semaphore> HELD_IN_THIS_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 20;

    private final Path file;
    private final Semaphore inProcess;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private PathLock(Path file, Semaphore inProcess, FileChannel channel, FileLock lock) {
        this.file = file;
        this.inProcess = inProcess;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock if nobody holds it now, else empty. */
    public static Optional<PathLock> tryAcquire(Path lockFile) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        Semaphore inProcess = HELD_IN_THIS_PROCESS.computeIfAbsent(key, k -> new Semaphore(1));
        if (!inProcess.tryAcquire()) return Optional.empty();
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
                inProcess.release();
                return Optional.empty();
            }
            return Optional.of(new PathLock(key, inProcess, channel, lock));
        } catch (IOException | RuntimeException e) {
            inProcess.release();
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
            inProcess.release();
        }
    }
}

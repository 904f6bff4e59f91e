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
 * <p>Lock files are deleted as Nix deletes them ({@link #deleteFile()}): the holder writes a
 * byte into the file, then unlinks it. Someone who opened the file before the unlink and locks it
 * after finds it non-empty, knows it has no name any more, and starts again with a new file. So
 * two processes never both hold "the" lock of one path.
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
            if (channel.size() != 0) {
                // Marked for deletion by a holder. If the name is gone, or names another (new, empty)
                // file, that holder unlinked ours: lock the file that has the name now. If the name
                // still holds a marked file, it is this one, left by a holder that died between marking
                // and unlinking: it is ours now, unmarked.
                boolean stillNamed;
                try {
                    stillNamed = Files.size(key) != 0;
                } catch (java.nio.file.NoSuchFileException gone) {
                    stillNamed = false;
                }
                if (stillNamed) {
                    channel.truncate(0);
                } else {
                    lock.release();
                    channel.close();
                    HELD_IN_THIS_PROCESS.remove(key);
                    return tryAcquire(lockFile);
                }
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

    /**
     * Marks the lock file stale and removes its name, while the lock is held; {@link #close()}
     * still releases it. Whoever locks it next makes a new file.
     */
    /**
     * {@link #deleteFile()} when it is only tidying up after success (the path is valid): a
     * failure leaves the file for {@code gc} and must not turn that success into an error.
     */
    public void deleteFileQuietly() {
        try {
            deleteFile();
        } catch (IOException e) {
            // left for gc's sweep of unheld lock files
        }
    }

    public synchronized void deleteFile() throws IOException {
        if (closed) throw new IllegalStateException("the lock on " + file + " is released");
        channel.write(java.nio.ByteBuffer.wrap(new byte[] {'d'}), 0);
        Files.deleteIfExists(file);
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

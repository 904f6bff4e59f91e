package dev.sysbuild.store.local;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The global lock between adding paths and garbage collection: any number of adders hold it
 * shared, a collection holds it exclusively, so a collection never deletes a directory an adder
 * has moved into place but not yet registered.
 *
 * <p>Threads of this process share one count and one OS lock per store: the OS lock is taken
 * shared when the first adder of this process enters and released when the last leaves (an OS
 * file lock belongs to the process, and one process may not hold overlapping locks on a file).
 * A waiting collection does not hold back new adders, unlike {@code ReentrantReadWriteLock}: a
 * builder holding a path lock may still need the shared lock to register its output while an
 * adder of the same path holds the shared lock and waits for that path lock; blocking the builder
 * behind the waiting collection would deadlock all three. Linux file locks behave the same way
 * between processes.
 */
final class GcLock {
    private static final ConcurrentHashMap<Path, GcLock> PER_STORE = new ConcurrentHashMap<>();

    private final Path file;
    private int sharedHolders;
    private boolean collecting;
    private FileChannel channel;
    private FileLock osLock;

    private GcLock(Path file) {
        this.file = file;
    }

    static GcLock of(Path file) {
        return PER_STORE.computeIfAbsent(file.toAbsolutePath().normalize(), GcLock::new);
    }

    /** Held while adding or registering paths; waits only while a collection runs. */
    synchronized Held shared() throws IOException {
        while (collecting) waitHere();
        if (sharedHolders == 0) osLock = open().lock(0, Long.MAX_VALUE, true);
        sharedHolders++;
        return () -> {
            synchronized (this) {
                if (--sharedHolders == 0) {
                    releaseOs();
                    notifyAll();
                }
            }
        };
    }

    /** Held by a collection; waits until no adder in any process holds the lock. */
    synchronized Held exclusive() throws IOException {
        while (collecting || sharedHolders > 0) waitHere();
        osLock = open().lock(0, Long.MAX_VALUE, false);
        collecting = true;
        return () -> {
            synchronized (this) {
                collecting = false;
                releaseOs();
                notifyAll();
            }
        };
    }

    private void waitHere() throws IOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the store's lock " + file);
        }
    }

    private FileChannel open() throws IOException {
        if (channel == null || !channel.isOpen()) {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        }
        return channel;
    }

    private void releaseOs() throws IOException {
        // The channel stays open: closing it would be the POSIX close that drops every lock.
        if (osLock != null) osLock.release();
        osLock = null;
    }

    /** A held lock; {@link #close()} releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close() throws IOException;
    }
}

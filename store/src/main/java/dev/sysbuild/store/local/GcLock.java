package dev.sysbuild.store.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The global lock between adding paths and garbage collection: any number of adders hold it
 * shared, a collection holds it exclusively, so a collection never deletes a directory an adder
 * has moved into place but not yet registered. Threads of this process share one read-write lock
 * and one OS lock per store; the OS lock is taken shared when the first adder of this process
 * enters and released when the last leaves (an OS file lock belongs to the process, and
 * overlapping locks from one process on one file are not allowed).
 */
final class GcLock {
    private static final ConcurrentHashMap<Path, GcLock> PER_STORE = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantReadWriteLock threads = new ReentrantReadWriteLock();
    private int sharedHolders;
    private FileChannel channel;
    private FileLock osLock;

    private GcLock(Path file) {
        this.file = file;
    }

    static GcLock of(Path file) {
        return PER_STORE.computeIfAbsent(file.toAbsolutePath().normalize(), GcLock::new);
    }

    /** Held while adding or registering paths; blocks while a collection runs. */
    Held shared() throws IOException {
        threads.readLock().lock();
        try {
            synchronized (this) {
                if (sharedHolders == 0) osLock = open().lock(0, Long.MAX_VALUE, true);
                sharedHolders++;
            }
        } catch (IOException | RuntimeException e) {
            threads.readLock().unlock();
            throw e;
        }
        return () -> {
            try {
                synchronized (this) {
                    if (--sharedHolders == 0) releaseOs();
                }
            } finally {
                threads.readLock().unlock();
            }
        };
    }

    /** Held by a collection; waits until no adder in any process holds the lock. */
    Held exclusive() throws IOException {
        threads.writeLock().lock();
        try {
            synchronized (this) {
                osLock = open().lock(0, Long.MAX_VALUE, false);
            }
        } catch (IOException | RuntimeException e) {
            threads.writeLock().unlock();
            throw e;
        }
        return () -> {
            try {
                synchronized (this) {
                    releaseOs();
                }
            } finally {
                threads.writeLock().unlock();
            }
        };
    }

    private FileChannel open() throws IOException {
        if (channel == null || !channel.isOpen()) {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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

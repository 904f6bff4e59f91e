package dev.sysbuild.store.local;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deletions on several threads at once. Unlinking a file that has data blocks waits for the
 * device here (the file system frees its blocks with a synchronous discard: ~0.1 ms, far more
 * under load, against ~10 us for an empty file), and the wait happens after the directory's lock
 * is dropped, so unlinks in one directory overlap: 2,000 files took 3.5-4.8 s on one thread and
 * 0.2-0.25 s on four to eight, on a loaded 2-core machine. The threads mostly wait, so they cost
 * little CPU.
 */
final class ParallelDeletes implements AutoCloseable {
    /** Threads one batch uses; two batches (a collection's trees and info files) run side by side. */
    static final int THREADS = 8;

    private final ExecutorService pool;

    ParallelDeletes() {
        pool = Executors.newFixedThreadPool(2 * THREADS, r -> {
            Thread t = new Thread(r, "sysbuild-delete");
            t.setDaemon(true);
            return t;
        });
    }

    /** A group of deletions whose end can be awaited on its own. */
    Batch batch() {
        return new Batch();
    }

    /** Deletes one item; returns the bytes that freed. */
    @FunctionalInterface
    interface Deletion<T> {
        long delete(T item) throws IOException;
    }

    final class Batch {
        private final List<Future<Long>> pending = new ArrayList<>();

        /**
         * Queues {@code deletion} of every item, run by up to {@link #THREADS} tasks that take the
         * items in turn: a task (and a future) per item cost more CPU than the thousands of unlinks
         * of a collection themselves.
         */
        <T> void addEach(List<T> items, Deletion<T> deletion) {
            AtomicInteger next = new AtomicInteger();
            int tasks = Math.min(THREADS, items.size());
            for (int t = 0; t < tasks; t++) {
                pending.add(pool.submit(() -> {
                    long bytes = 0;
                    for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                        bytes += deletion.delete(items.get(i));
                    }
                    return bytes;
                }));
            }
        }

        /** Waits for every deletion of this batch; the bytes they freed, or the first failure. */
        long await() throws IOException {
            long bytes = 0;
            IOException failure = null;
            for (Future<Long> f : pending) {
                try {
                    bytes += f.get();
                } catch (ExecutionException e) {
                    IOException io = e.getCause() instanceof IOException x ? x
                            : new IOException("deleting from the store failed", e.getCause());
                    if (failure == null) failure = io;
                    else failure.addSuppressed(io);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while deleting from the store");
                }
            }
            pending.clear();
            if (failure != null) throw failure;
            return bytes;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

package dev.sysbuild.store.local;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The writer threads of a {@link TreeCopy} (one per core): file writes are queued in batches, and
 * the first failure is kept for the walking thread to throw. A hand-over per file woke a writer (a
 * futex call and a context switch) 20,000 times for the benchmark tree; batches of up to
 * {@link #BATCH_BYTES} or {@link #BATCH_FILES} files do it ~1,000 times.
 */
final class CopyWriters implements AutoCloseable {
    private static final int BATCH_BYTES = 256 * 1024;
    private static final int BATCH_FILES = 32;

    /** One queued file write; runs on a writer thread. */
    @FunctionalInterface
    interface Write {
        void run() throws IOException;
    }

    private final ExecutorService pool;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private List<Runnable> batch = new ArrayList<>();
    private long batchBytes;

    CopyWriters() {
        pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "sysbuild-copy");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Queues {@code write} of {@code bytes}; {@code always} runs after it on the writer thread
     * (or right away once a write has failed), whatever happened.
     */
    void add(long bytes, Write write, Runnable always) {
        batch.add(() -> {
            try {
                if (failure.get() == null) write.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                always.run();
            }
        });
        batchBytes += bytes;
        if (batchBytes >= BATCH_BYTES || batch.size() >= BATCH_FILES) handOver();
    }

    /** Hands the queued writes to a writer now (before this thread waits for something they hold). */
    void handOver() {
        if (batch.isEmpty()) return;
        List<Runnable> writes = batch;
        batch = new ArrayList<>();
        batchBytes = 0;
        pool.execute(() -> writes.forEach(Runnable::run));
    }

    /** Throws the first failure of a write, if any. */
    void rethrowFailure() throws IOException {
        Throwable f = failure.get();
        if (f == null) return;
        if (f instanceof IOException io) throw io;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        throw new IOException("copying into the store failed", f);
    }

    /** Runs what is queued and waits for every write; throws the first failure. */
    void finish() throws IOException {
        handOver();
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // a slow disk: keep waiting, every write is bounded
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying into the store");
        }
        rethrowFailure();
    }

    /** On failure: drops what is queued and waits, so no writer creates files in a tree the caller is about to delete. */
    @Override
    public void close() {
        batch.clear();
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

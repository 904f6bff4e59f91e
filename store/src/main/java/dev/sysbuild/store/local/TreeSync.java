package dev.sysbuild.store.local;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Forces a new store object to disk before it is registered, cheaply. One fsync per file, one
 * after another, makes the disk flush its cache once per file: 20,000 files took 10-18 s here,
 * ten times Nix's whole {@code nix-store --add} (which syncs no file contents at all). A small tree
 * is still synced file by file; a large one with one {@code syncfs(2)} of its file system, which
 * Java cannot call, so {@code sync -f} (coreutils) does it; failing that, with fsyncs issued from
 * many threads at once, which lets the kernel merge the flushes.
 */
final class TreeSync {
    /** Below this many entries, separate fsyncs cost less than starting a process. */
    static final int ONE_BY_ONE_LIMIT = 64;
    private static final int THREADS = 16;

    private TreeSync() {}

    static void sync(Path root) throws IOException {
        List<Path> entries = entries(root);
        sync(root, entries.size() <= ONE_BY_ONE_LIMIT ? entries : null);
    }

    /**
     * {@link #sync(Path)} for a caller that knows the tree: {@code fewEntries} are all its files and
     * directories if there are at most {@link #ONE_BY_ONE_LIMIT}, null if there are more.
     */
    static void sync(Path root, List<Path> fewEntries) throws IOException {
        if (fewEntries != null) {
            for (Path p : fewEntries) force(p);
        } else if (!syncFileSystem(root)) {
            forceInParallel(entries(root));
        }
    }

    /**
     * Starts writing {@code root}'s file system back in the background, so that the disk works
     * while the caller canonicalises; {@link #sync} afterwards then has little left to write. Only
     * a head start: its outcome is ignored, and {@link #sync} is what makes the tree durable.
     */
    static Thread startWriteBack(Path root) {
        Thread t = new Thread(() -> {
            try {
                syncFileSystem(root);
            } catch (IOException e) {
                // only a head start; sync() reports what matters
            }
        }, "sysbuild-write-back");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Starts the write-back of a tree's file system each time another {@code every} bytes have been
     * written into it, one {@code sync -f} at a time, so the disk writes while the copy goes on and
     * the {@link #sync} that makes the tree durable finds little left to do. Only a head start, as
     * {@link #startWriteBack}.
     */
    static final class Early implements java.util.function.LongConsumer {
        private final Path root;
        private final long every;
        private long next;
        private Thread running;

        Early(Path root, long every) {
            this.root = root;
            this.every = every;
            this.next = every;
        }

        @Override
        public void accept(long written) {
            if (written < next || (running != null && running.isAlive())) return;
            running = startWriteBack(root);
            next = written + every;
        }

        /** Waits for the write-back running now, if any. */
        void await() throws IOException {
            if (running != null) awaitWriteBack(running);
        }
    }

    /** Waits for a {@link #startWriteBack} to end. */
    static void awaitWriteBack(Thread t) throws IOException {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while syncing '" + t.getName() + "'");
        }
    }

    /** The regular files and directories of {@code root}; symlinks live in their directory's entries. */
    private static List<Path> entries(Path root) throws IOException {
        List<Path> entries = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) entries.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) throw failure;
                entries.add(dir);
                return FileVisitResult.CONTINUE;
            }
        });
        return entries;
    }

    /** {@code sync -f root}; false if that could not be run or failed. */
    static boolean syncFileSystem(Path root) throws IOException {
        try {
            Process p = new ProcessBuilder("sync", "-f", root.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false; // no sync(1): fall back to fsyncs
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while syncing '" + root + "'");
        }
    }

    /** Forces each of {@code files} (regular files or directories) to disk, many at once if there are several. */
    static void forceAll(List<Path> files) throws IOException {
        if (files.size() <= 2) {
            for (Path p : files) force(p);
        } else {
            forceInParallel(files);
        }
    }

    private static void forceInParallel(List<Path> entries) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "sysbuild-fsync");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (Path p : entries) {
                done.add(pool.submit(() -> {
                    force(p);
                    return null;
                }));
            }
            for (Future<Void> f : done) f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException("syncing a store object failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while syncing a store object");
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void force(Path p) throws IOException {
        // A read-only descriptor is enough for fsync on Linux, and store files are read-only.
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}

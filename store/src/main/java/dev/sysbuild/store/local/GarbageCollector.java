package dev.sysbuild.store.local;

import dev.sysbuild.store.path.InvalidStorePathException;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Deletes every store path that no root reaches: valid paths outside the closure of the roots
 * ({@link GcRoots}, the temporary roots of other live processes ({@link TempRoots}: what their
 * builds and evaluations use), and paths whose lock is held, i.e. being built or registered now), invalid
 * leftovers in the store directory, temporary entries, and {@code .links} entries nothing uses.
 * The caller holds the global lock exclusively, so nothing is registered meanwhile.
 *
 * <p>Only the info files of live paths are read (their references are what the closure follows):
 * the valid paths are the names in the info directory, and the dead ones are those the closure
 * does not reach, so a collection of garbage reads no garbage. The commit point is the journal
 * ({@link GcJournal}) listing the dead hash parts: from then on they are going, and a crash
 * part-way is finished when the store is next opened, before anything reads the database. So the
 * info files and the trees are deleted at the same time, on several threads each, and no valid
 * path is ever left, once recovery has run, with missing contents or a reference that is gone.
 */
final class GarbageCollector {
    private final StoreLayout layout;
    private final ValidPathDb db;

    GarbageCollector(StoreLayout layout, ValidPathDb db) {
        this.layout = layout;
        this.db = db;
    }

    GcResult run(boolean dryRun) throws IOException {
        LivePaths live = new LivePaths(layout, db.hashPartSet());
        live.addClosure(GcRoots.find(layout, !dryRun));
        live.addClosure(TempRoots.ofOtherProcesses(layout, !dryRun));
        live.addClosure(live.pathsBeingBuilt());

        Set<String> dead = live.dead();
        StoreDirListing listing = listStoreDir(live, dead);
        if (!dryRun) GcJournal.begin(layout, dead);
        try (ParallelDeletes deletes = new ParallelDeletes()) {
            // From the journal on, the dead paths are going whatever happens (a crash is finished on
            // the next open), so their info files and their trees are deleted at the same time, each
            // on several threads (see ParallelDeletes for why that pays even on few cores).
            FutureTask<Void> unregistering = new FutureTask<>(() -> {
                unregister(dead, deletes.batch());
                return null;
            });
            if (!dryRun) startDaemon(unregistering, "sysbuild-gc-unregister");

            SortedSet<StorePath> deleted = new TreeSet<>(listing.dead.keySet());
            deleted.addAll(namesWithoutTrees(live, dead, listing));
            long bytes = 0;
            ParallelDeletes.Batch trees = deletes.batch();
            if (dryRun) {
                for (Path entry : listing.dead.values()) bytes += TreeDeleter.delete(entry, true);
            } else {
                trees.addEach(new ArrayList<>(listing.dead.values()), entry -> TreeDeleter.delete(entry, false));
            }
            bytes += deleteInvalid(listing, deleted, dryRun);
            int temporary = 0;
            for (Path entry : listing.temporary) {
                if (dryRun || InvalidPathSweep.deleteUnusedTemp(layout, entry)) temporary++;
            }
            bytes += trees.await();
            if (!dryRun) {
                await(unregistering);
                temporary += db.deleteTemporaryFiles();
                bytes += deleteUnusedLinks();
                deleteUnusedLockFiles();
            }
            return new GcResult(deleted, bytes, temporary, dryRun);
        }
    }

    /** The store directory's entries: dead trees (by their store path), invalid leftovers, temporary entries. */
    private record StoreDirListing(Map<StorePath, Path> dead, Map<StorePath, Path> invalid, List<Path> temporary,
            Set<String> deadHashPartsSeen) {}

    /**
     * One listing of the store directory, sorted out: an entry whose hash part is dead goes with its
     * path (a leftover sharing a registered hash part could only be that path: hash parts do not
     * collide); one that is neither live nor dead is an invalid leftover; names that are not store
     * paths (such as {@code .links}) are not ours and stay.
     */
    private StoreDirListing listStoreDir(LivePaths live, Set<String> dead) throws IOException {
        StoreDirListing l = new StoreDirListing(new HashMap<>(), new HashMap<>(), new ArrayList<>(), new HashSet<>());
        Path storeDir = layout.physicalStoreDir();
        // Names only (File#list): a Path is made for the entries that go, not for every live one.
        String[] names = storeDir.toFile().list();
        if (names == null) throw new IOException("cannot list the store directory '" + storeDir + "'");
        for (String name : names) {
            if (name.startsWith(StoreLayout.TEMP_PREFIX)) {
                l.temporary.add(storeDir.resolve(name));
                continue;
            }
            StorePath p;
            try {
                p = StorePath.parseBaseName(name);
            } catch (InvalidStorePathException e) {
                continue;
            }
            if (live.contains(p)) continue;
            if (dead.contains(p.hashPart())) {
                l.dead.put(p, storeDir.resolve(name));
                l.deadHashPartsSeen.add(p.hashPart());
            } else {
                l.invalid.put(p, storeDir.resolve(name));
            }
        }
        return l;
    }

    /** The names of dead paths whose trees are missing (a damaged store), from their info files: rare. */
    private List<StorePath> namesWithoutTrees(LivePaths live, Set<String> dead, StoreDirListing listing) throws IOException {
        List<StorePath> names = new ArrayList<>();
        for (String h : dead) {
            if (listing.deadHashPartsSeen.contains(h)) continue;
            PathInfo info = live.readInfo(h);
            if (info != null) names.add(info.path());
        }
        return names;
    }

    /** Deletes the invalid leftovers nobody is building (their lock is free); returns the bytes freed. */
    private long deleteInvalid(StoreDirListing listing, SortedSet<StorePath> deleted, boolean dryRun) throws IOException {
        long bytes = 0;
        for (Map.Entry<StorePath, Path> e : listing.invalid.entrySet()) {
            Optional<PathLock> lock = PathLock.tryAcquire(layout.lockFile(e.getKey()));
            if (lock.isEmpty()) continue; // being built right now
            try (PathLock held = lock.get()) {
                bytes += TreeDeleter.delete(e.getValue(), dryRun);
                deleted.add(e.getKey());
            }
        }
        return bytes;
    }

    private static void startDaemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    private static void await(FutureTask<Void> task) throws IOException {
        try {
            task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while unregistering dead paths");
        }
    }

    /**
     * Deletes the info files of the {@code dead} hash parts, whose journal ({@link GcJournal}) is
     * written, on the threads of {@code batch}, then closes the journal.
     */
    private void unregister(Set<String> dead, ParallelDeletes.Batch batch) throws IOException {
        if (dead.isEmpty()) return;
        // Into the pool of info files for reuse while it has room (a rename: see InfoFilePool), else deleted.
        java.util.concurrent.atomic.AtomicInteger room = new java.util.concurrent.atomic.AtomicInteger(
                InfoFilePool.MAX_FILES - db.pool().size());
        Files.createDirectories(db.pool().dir());
        batch.addEach(new ArrayList<>(dead), h -> {
            Path info = layout.infoDir().resolve(h);
            if (room.getAndDecrement() > 0 && db.pool().give(info, h)) return 0L;
            // java.io.File#delete is one unlink(2); Files.delete adds an lstat(2) to every file.
            if (!info.toFile().delete() && Files.exists(info, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("cannot delete '" + info + "' to unregister its path");
            }
            return 0L;
        });
        batch.await();
        GcJournal.finish(layout);
    }

    /**
     * Removes every lock file nobody holds (see {@link PathLock#deleteFile()}), so the locks
     * directory does not grow with every path ever built. One that is held stays.
     */
    private void deleteUnusedLockFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.locksDir(), "*.lock")) {
            entries.forEach(files::add);
        } catch (NoSuchFileException e) {
            return;
        }
        for (Path f : files) {
            Optional<PathLock> lock = PathLock.tryAcquire(f);
            if (lock.isEmpty()) continue;
            try (PathLock held = lock.get()) {
                held.deleteFileQuietly();
            }
        }
    }

    /** Removes the {@code .links} entries no store path links to any more (a link count of 1). */
    private long deleteUnusedLinks() throws IOException {
        Path links = StoreOptimiser.linksDir(layout);
        if (!Files.isDirectory(links, LinkOption.NOFOLLOW_LINKS)) return 0;
        long freed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(links)) {
            for (Path link : entries) {
                int count = (Integer) Files.getAttribute(link, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
                if (count > 1) continue; // still used by some path
                freed += Files.size(link);
                Files.deleteIfExists(link);
            }
        }
        return freed;
    }
}

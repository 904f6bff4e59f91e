package dev.sysbuild.store.local;

import dev.sysbuild.store.path.InvalidStorePathException;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;

/**
 * Deletes every store path that no root reaches: valid paths outside the closure of the roots
 * ({@link GcRoots}, the temporary roots of other live processes ({@link TempRoots}: what their
 * builds and evaluations use), and paths whose lock is held, i.e. being built or registered now), invalid
 * leftovers in the store directory, temporary entries, and {@code .links} entries nothing uses.
 * The caller holds the global lock exclusively, so nothing is registered meanwhile.
 *
 * <p>The database is read once (every info file, on all cores) and the closure is computed in
 * memory. The commit point is the journal ({@link GcJournal}) listing the dead paths: from then on
 * they are going, and a crash part-way is finished when the store is next opened, before anything
 * reads the database. So the info files (on one thread) and the trees (in one pass over the store
 * directory, which also sweeps the invalid entries) are deleted at the same time, and no valid path
 * is ever left, once recovery has run, with missing contents or a reference that is gone.
 */
final class GarbageCollector {
    private final StoreLayout layout;
    private final ValidPathDb db;

    GarbageCollector(StoreLayout layout, ValidPathDb db) {
        this.layout = layout;
        this.db = db;
    }

    GcResult run(boolean dryRun) throws IOException {
        Map<StorePath, PathInfo> valid = readDatabase();

        Set<StorePath> live = new HashSet<>();
        addClosure(GcRoots.find(layout, !dryRun), valid, live);
        addClosure(TempRoots.ofOtherProcesses(layout, !dryRun), valid, live);
        addClosure(pathsBeingBuilt(valid.keySet(), live), valid, live);

        Set<StorePath> dead = new HashSet<>(valid.keySet());
        dead.removeAll(live);
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

            SortedSet<StorePath> deleted = new TreeSet<>(dead);
            long[] bytes = {0};
            ParallelDeletes.Batch trees = deletes.batch();
            int temporary = sweepStoreDir(valid.keySet(), dead, deleted, bytes, dryRun, trees);
            bytes[0] += trees.await();
            if (!dryRun) {
                await(unregistering);
                temporary += db.deleteTemporaryFiles();
                bytes[0] += deleteUnusedLinks();
                deleteUnusedLockFiles();
            }
            return new GcResult(deleted, bytes[0], temporary, dryRun);
        }
    }

    /** Every valid path's info, read on all cores: one file each, and at 100,000 paths this is most of a dry run. */
    private Map<StorePath, PathInfo> readDatabase() throws IOException {
        List<String> hashParts = new ArrayList<>(db.hashParts());
        try {
            return hashParts.parallelStream().map(h -> {
                Path file = layout.infoDir().resolve(h);
                try {
                    return PathInfoFormat.read(layout.storeDir(), Files.readString(file, StandardCharsets.UTF_8),
                            file.toString());
                } catch (NoSuchFileException e) {
                    return null; // unregistered since the listing
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(Objects::nonNull).collect(Collectors.toMap(PathInfo::path, i -> i));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
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

    /** Adds the closure of {@code from} (its valid members) to {@code live}. */
    private static void addClosure(Collection<StorePath> from, Map<StorePath, PathInfo> valid, Set<StorePath> live) {
        Deque<StorePath> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            StorePath p = todo.pop();
            PathInfo info = valid.get(p);
            if (info == null || !live.add(p)) continue;
            todo.addAll(info.references());
        }
    }

    /**
     * The valid, otherwise dead paths whose lock someone holds: a builder that has registered its
     * output but not yet made its root. Only dead paths are looked at, so the cost follows the
     * garbage, not the store. Nobody can register while we hold the global lock, so a lock taken
     * after we looked cannot make a dead path live.
     */
    private List<StorePath> pathsBeingBuilt(Set<StorePath> valid, Set<StorePath> live) throws IOException {
        Optional<HeldLocks> held = HeldLocks.on(layout.locksDir());
        List<StorePath> building = new ArrayList<>();
        // Lock files are deleted once their path is valid, so most dead paths have none: one listing
        // of the locks directory instead of a failed lstat(2) per dead path.
        Set<Path> lockFiles = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.locksDir())) {
            entries.forEach(lockFiles::add);
        } catch (NoSuchFileException e) {
            return building;
        }
        for (StorePath p : valid) {
            if (live.contains(p)) continue;
            Path lockFile = layout.lockFile(p);
            if (!lockFiles.contains(lockFile)) continue;
            if (held.isPresent()) {
                if (held.get().isHeld(lockFile)) building.add(p);
            } else if (Files.exists(lockFile)) { // never create a lock file only to test it
                Optional<PathLock> lock = PathLock.tryAcquire(lockFile);
                if (lock.isEmpty()) building.add(p);
                else lock.get().close();
            }
        }
        return building;
    }

    /**
     * Deletes the info files of {@code dead}, whose journal ({@link GcJournal}) is written, on the
     * threads of {@code batch}, then closes the journal.
     */
    private void unregister(Set<StorePath> dead, ParallelDeletes.Batch batch) throws IOException {
        if (dead.isEmpty()) return;
        Set<String> hashParts = new HashSet<>();
        for (StorePath p : dead) hashParts.add(p.hashPart());
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.infoDir())) {
            for (Path info : entries) {
                if (!hashParts.contains(info.getFileName().toString())) continue;
                batch.add(() -> {
                    // java.io.File#delete is one unlink(2); Files.delete adds an lstat(2) to every file.
                    if (!info.toFile().delete()) throw new IOException("cannot delete '" + info + "' to unregister its path");
                    return 0L;
                });
            }
        }
        batch.await();
        GcJournal.finish(layout);
    }

    /**
     * One pass over the store directory: deletes the trees of {@code dead} and every entry that is
     * neither valid nor locked (the invalid leftovers {@link InvalidPathSweep} also removes), and
     * the temporary entries. Returns how many temporary entries there were. The dead trees are
     * deleted by {@code trees}, whose bytes the caller adds.
     */
    private int sweepStoreDir(Set<StorePath> valid, Set<StorePath> dead, SortedSet<StorePath> deleted, long[] bytes,
            boolean dryRun, ParallelDeletes.Batch trees) throws IOException {
        int temporary = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.physicalStoreDir())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(StoreLayout.TEMP_PREFIX)) {
                    if (dryRun || InvalidPathSweep.deleteUnusedTemp(layout, entry)) temporary++;
                    continue;
                }
                StorePath p;
                try {
                    p = StorePath.parseBaseName(name);
                } catch (InvalidStorePathException e) {
                    continue; // .links, or not a store object at all: not ours to delete
                }
                if (dead.contains(p)) {
                    if (dryRun) bytes[0] += TreeDeleter.delete(entry, true);
                    else trees.add(() -> TreeDeleter.delete(entry, false));
                } else if (!valid.contains(p)) {
                    Optional<PathLock> lock = PathLock.tryAcquire(layout.lockFile(p));
                    if (lock.isEmpty()) continue; // being built right now
                    try (PathLock held = lock.get()) {
                        bytes[0] += TreeDeleter.delete(entry, dryRun);
                        deleted.add(p);
                    }
                }
            }
        }
        return temporary;
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

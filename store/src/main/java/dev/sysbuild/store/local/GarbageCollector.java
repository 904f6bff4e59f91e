package dev.sysbuild.store.local;

import dev.sysbuild.store.path.InvalidStorePathException;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

/**
 * Deletes every store path that no root reaches: valid paths outside the closure of the roots
 * ({@link GcRoots}, and paths whose lock is held, i.e. being built or registered now), invalid
 * leftovers in the store directory, temporary entries, and {@code .links} entries nothing uses.
 * The caller holds the global lock exclusively, so nothing is registered meanwhile.
 *
 * <p>The database is read once ({@link ValidPathDb#all()}) and the closure is computed in memory.
 * A path stops being valid before its contents go, so a crash never leaves a valid path with
 * missing contents: first the info files of all dead paths are deleted under a journal
 * ({@link GcJournal}: a crash part-way is finished when the store is next opened, so no valid path
 * is left with a reference that is gone), and forced to disk; then the dead trees are deleted in
 * one pass over the store directory, which also sweeps the invalid entries.
 */
final class GarbageCollector {
    private final StoreLayout layout;
    private final ValidPathDb db;

    GarbageCollector(StoreLayout layout, ValidPathDb db) {
        this.layout = layout;
        this.db = db;
    }

    GcResult run(boolean dryRun) throws IOException {
        Map<StorePath, PathInfo> valid = new HashMap<>();
        for (PathInfo info : db.all()) valid.put(info.path(), info);

        Set<StorePath> live = new HashSet<>();
        addClosure(GcRoots.find(layout, !dryRun), valid, live);
        addClosure(pathsBeingBuilt(valid.keySet(), live), valid, live);

        Set<StorePath> dead = new HashSet<>(valid.keySet());
        dead.removeAll(live);
        if (!dryRun) unregister(dead);

        SortedSet<StorePath> deleted = new TreeSet<>(dead);
        long[] bytes = {0};
        int temporary = sweepStoreDir(valid.keySet(), dead, deleted, bytes, dryRun);
        if (!dryRun) {
            temporary += db.deleteTemporaryFiles();
            bytes[0] += deleteUnusedLinks();
        }
        return new GcResult(deleted, bytes[0], temporary, dryRun);
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
        for (StorePath p : valid) {
            if (live.contains(p)) continue;
            Path lockFile = layout.lockFile(p);
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
     * Deletes the info files of {@code dead} under a journal ({@link GcJournal}), in the order the
     * directory lists them, which is the order of its blocks.
     */
    private void unregister(Set<StorePath> dead) throws IOException {
        if (dead.isEmpty()) return;
        GcJournal.begin(layout, dead);
        Set<String> hashParts = new HashSet<>();
        for (StorePath p : dead) hashParts.add(p.hashPart());
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.infoDir())) {
            for (Path info : entries) {
                // java.io.File#delete is one unlink(2); Files.delete adds an lstat(2) to every file.
                if (hashParts.contains(info.getFileName().toString()) && !info.toFile().delete()) {
                    throw new IOException("cannot delete '" + info + "' to unregister its path");
                }
            }
        }
        GcJournal.finish(layout);
    }

    /**
     * One pass over the store directory: deletes the trees of {@code dead} and every entry that is
     * neither valid nor locked (the invalid leftovers {@link InvalidPathSweep} also removes), and
     * the temporary entries. Returns how many temporary entries there were.
     */
    private int sweepStoreDir(Set<StorePath> valid, Set<StorePath> dead, SortedSet<StorePath> deleted, long[] bytes,
            boolean dryRun) throws IOException {
        int temporary = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.physicalStoreDir())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(StoreLayout.TEMP_PREFIX)) {
                    temporary++;
                    if (!dryRun) FileTrees.deleteRecursively(entry);
                    continue;
                }
                StorePath p;
                try {
                    p = StorePath.parseBaseName(name);
                } catch (InvalidStorePathException e) {
                    continue; // .links, or not a store object at all: not ours to delete
                }
                if (dead.contains(p)) {
                    bytes[0] += TreeDeleter.delete(entry, dryRun);
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

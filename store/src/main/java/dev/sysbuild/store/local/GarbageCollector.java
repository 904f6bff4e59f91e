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
 * missing contents: first the info files of the dead paths are deleted, referrers before what they
 * reference, one layer at a time with the info directory forced to disk after each layer (so even
 * a crash mid-way leaves every remaining valid path's references valid); then the dead trees are
 * deleted in one pass over the store directory, which also sweeps the invalid entries.
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
        if (!dryRun) unregister(dead, valid);

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
     * output but not yet made its root. Only dead paths are tried, so the cost follows the garbage,
     * not the store; each lock is released at once (nobody can register while we hold the
     * global lock, so a lock taken after we looked cannot make a dead path live).
     */
    private List<StorePath> pathsBeingBuilt(Set<StorePath> valid, Set<StorePath> live) throws IOException {
        List<StorePath> held = new ArrayList<>();
        for (StorePath p : valid) {
            if (live.contains(p)) continue;
            Optional<PathLock> lock = PathLock.tryAcquire(layout.lockFile(p));
            if (lock.isEmpty()) held.add(p);
            else lock.get().close();
        }
        return held;
    }

    /**
     * Deletes the info files of {@code dead}, referrers first: a layer is the dead paths no
     * remaining dead path references, and the directory is forced to disk after each layer.
     */
    private void unregister(Set<StorePath> dead, Map<StorePath, PathInfo> valid) throws IOException {
        Map<StorePath, Integer> referrers = new HashMap<>();
        for (StorePath p : dead) referrers.putIfAbsent(p, 0);
        for (StorePath p : dead) {
            for (StorePath ref : valid.get(p).references()) {
                if (!ref.equals(p) && dead.contains(ref)) referrers.merge(ref, 1, Integer::sum);
            }
        }
        List<StorePath> layer = new ArrayList<>();
        for (Map.Entry<StorePath, Integer> e : referrers.entrySet()) if (e.getValue() == 0) layer.add(e.getKey());
        int done = 0;
        while (done < dead.size()) {
            if (layer.isEmpty()) {
                // Only a damaged database has a reference cycle; take the rest at once.
                for (StorePath p : dead) if (referrers.get(p) > 0) layer.add(p);
            }
            List<StorePath> next = new ArrayList<>();
            for (StorePath p : layer) {
                Files.deleteIfExists(layout.infoFile(p));
                referrers.put(p, -1);
                for (StorePath ref : valid.get(p).references()) {
                    if (!ref.equals(p) && referrers.containsKey(ref) && referrers.merge(ref, -1, Integer::sum) == 0) {
                        next.add(ref);
                    }
                }
            }
            AtomicFile.syncDirectory(layout.infoDir());
            done += layer.size();
            layer = next;
        }
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

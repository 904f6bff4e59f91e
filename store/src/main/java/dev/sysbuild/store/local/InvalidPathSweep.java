package dev.sysbuild.store.local;

import dev.sysbuild.store.path.InvalidStorePathException;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The sweep behind {@link LocalStore#deleteInvalidPaths()}: one pass over the physical store
 * directory deleting staging directories and entries that have no info file, then the database's
 * unfinished writes. The caller holds the global lock exclusively, so no add is between staging
 * and commit; a path being built in place is protected by its own lock instead, which the sweep
 * tries and, finding it held, leaves the path alone.
 */
final class InvalidPathSweep {
    private InvalidPathSweep() {}

    /**
     * Deletes a temporary entry unless its lock ({@link StoreLayout#tempLockFile}) is held: a
     * sandboxed build in flight keeps its chroot store that way. Returns whether it was deleted.
     */
    static boolean deleteUnusedTemp(StoreLayout layout, Path entry) throws IOException {
        Optional<PathLock> lock = PathLock.tryAcquire(layout.tempLockFile(entry.getFileName().toString()));
        if (lock.isEmpty()) return false;
        try (PathLock held = lock.get()) {
            FileTrees.deleteRecursively(entry);
            held.deleteFileQuietly();
        }
        return true;
    }

    static SweepResult run(StoreLayout layout, ValidPathDb db) throws IOException {
        SortedSet<StorePath> deleted = new TreeSet<>();
        int temporary = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.physicalStoreDir())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(StoreLayout.TEMP_PREFIX)) {
                    if (deleteUnusedTemp(layout, entry)) temporary++;
                    continue;
                }
                StorePath p;
                try {
                    p = StorePath.parseBaseName(name);
                } catch (InvalidStorePathException e) {
                    continue; // not a store object: not ours to delete
                }
                if (db.query(p).isPresent()) continue;
                Optional<PathLock> lock = PathLock.tryAcquire(layout.lockFile(p));
                if (lock.isEmpty()) continue; // being built right now
                try (PathLock held = lock.get()) {
                    // Checked again under the lock: the builder may have registered it meanwhile.
                    if (db.query(p).isEmpty()) {
                        FileTrees.deleteRecursively(entry);
                        deleted.add(p);
                    }
                }
            }
        }
        temporary += db.deleteTemporaryFiles();
        return new SweepResult(deleted, temporary);
    }
}

package dev.sysbuild.store.local;

import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.nio.file.Path;

/**
 * Where the local store's files are under a target root R (DESIGN.md, on-disk layout). The store
 * directory is logical ({@code /sysbuild/store}, the path written into store objects and links);
 * its physical place is R followed by the logical path, so a store prepared under a mount point
 * has the paths it will have once booted.
 */
public record StoreLayout(Path root, StoreDir storeDir) {
    /** Names in the physical store directory that start with this are temporary, never store paths. */
    static final String TEMP_PREFIX = ".tmp-";

    public StoreLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** {@code R/sysbuild/store} (or R + whatever logical store directory was chosen). */
    public Path physicalStoreDir() {
        return root.resolve(storeDir.path().substring(1));
    }

    /** Where store object {@code p} lives on disk. */
    public Path physical(StorePath p) {
        return physicalStoreDir().resolve(p.baseName());
    }

    /**
     * Where a logical absolute path (a symlink target such as {@code /sysbuild/store/<hash>-sh/bin/sh})
     * is under R. Links hold logical paths, as they must on the booted machine; this is the one
     * place that turns them into paths under a root prefix.
     *
     * @throws IllegalArgumentException for a relative path or one that {@code ..} takes out of R
     */
    public Path physical(String logicalPath) {
        if (!logicalPath.startsWith("/")) {
            throw new IllegalArgumentException("'" + logicalPath + "' is not an absolute path; resolve it against"
                    + " the link's directory first");
        }
        Path p = root.resolve(logicalPath.substring(1)).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("'" + logicalPath + "' leaves the root " + root);
        }
        return p;
    }

    /** {@code R/sysbuild/var/db}: the database of valid paths and the locks. */
    public Path dbDir() {
        return root.resolve("sysbuild/var/db");
    }

    /** One info file per valid path, named by hash part. */
    public Path infoDir() {
        return dbDir().resolve("info");
    }

    /** The info file of {@code p}; it exists exactly when {@code p} (or a path with its hash part) is valid. */
    public Path infoFile(StorePath p) {
        return infoDir().resolve(p.hashPart());
    }

    /** Per-path lock files, held while a path is being built or added. */
    public Path locksDir() {
        return dbDir().resolve("locks");
    }

    /** The lock file of {@code p}. */
    public Path lockFile(StorePath p) {
        return locksDir().resolve(p.hashPart() + ".lock");
    }

    /**
     * The lock of a temporary entry {@code .tmp-NAME} of the store directory that lives longer
     * than an add (a sandboxed build's chroot store): held while it is in use, so collections
     * leave the entry alone (see {@link #isUnusedTempEntry}).
     */
    public Path tempLockFile(String tempEntryName) {
        return locksDir().resolve(tempEntryName + ".lock");
    }

    /** Whether {@code name} is a temporary entry of the store directory ({@code .tmp-...}). */
    public static boolean isTempEntry(String name) {
        return name.startsWith(TEMP_PREFIX);
    }

    /** The global lock: adders hold it shared, garbage collection exclusively. */
    public Path gcLockFile() {
        return dbDir().resolve("gc.lock");
    }
}

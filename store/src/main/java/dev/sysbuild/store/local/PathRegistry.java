package dev.sysbuild.store.local;

import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What every way of making a path valid shares ({@link LocalStore} describes the order of the
 * steps): the validity check that also writes a temporary root, the path locks, the staging
 * directories, the move into place and the one commit point. The adds, the registration of
 * build outputs and the repairs are built on it, so each step is written once.
 */
final class PathRegistry {
    private final StoreLayout layout;
    private final ValidPathDb db;
    private final GcLock gcLock;
    private final TempRoots tempRoots;
    private final Clock clock;
    private final Duration lockTimeout;
    /** Read at each use: {@link LocalStore#beforeRegister} is a field tests set after opening the store. */
    private final Supplier<Runnable> beforeRegister;
    private final PendingSyncs pendingSyncs;

    PathRegistry(StoreLayout layout, ValidPathDb db, GcLock gcLock, TempRoots tempRoots, Clock clock,
            Duration lockTimeout, Supplier<Runnable> beforeRegister, PendingSyncs pendingSyncs) {
        this.layout = layout;
        this.db = db;
        this.gcLock = gcLock;
        this.tempRoots = tempRoots;
        this.clock = clock;
        this.lockTimeout = lockTimeout;
        this.beforeRegister = beforeRegister;
        this.pendingSyncs = pendingSyncs;
    }

    /** Adds that may register before their contents are on disk record themselves here. */
    PendingSyncs pendingSyncs() {
        return pendingSyncs;
    }

    StoreLayout layout() {
        return layout;
    }

    StoreDir storeDir() {
        return layout.storeDir();
    }

    ValidPathDb db() {
        return db;
    }

    GcLock gcLock() {
        return gcLock;
    }

    TempRoots tempRoots() {
        return tempRoots;
    }

    Clock clock() {
        return clock;
    }

    /** The test seam of {@link LocalStore#beforeRegister} as it is set now. */
    Runnable beforeRegister() {
        return beforeRegister.get();
    }

    /** {@link LocalStore#isValid}: a valid path becomes a temporary root of this process. */
    boolean isValid(StorePath p) throws IOException {
        if (db.query(p).isEmpty()) return false;
        if (tempRoots.contains(p)) return true;
        try (GcLock.Held gc = gcLock.shared()) {
            if (db.query(p).isEmpty()) return false;
            tempRoots.add(p);
            return true;
        } catch (java.nio.file.FileSystemException | java.nio.file.ReadOnlyFileSystemException cannotWrite) {
            // A reader that may not write the store (a normal user asking about /) cannot build
            // with the path either: nothing to protect, and the question still has its answer.
            return db.query(p).isPresent();
        }
    }

    /** Every valid path, sorted (reads every info file). */
    SortedSet<StorePath> validPaths() throws IOException {
        SortedSet<StorePath> paths = new TreeSet<>();
        for (PathInfo info : db.all()) paths.add(info.path());
        return paths;
    }

    /** The valid paths that reference {@code p} (reads every info file). */
    SortedSet<StorePath> queryReferrers(StorePath p) throws IOException {
        SortedSet<StorePath> referrers = new TreeSet<>();
        for (PathInfo info : db.all()) {
            if (info.references().contains(p)) referrers.add(info.path());
        }
        return referrers;
    }

    /** Locks {@code p}, waiting up to the store's lock timeout. */
    PathLock lockPath(StorePath p) throws IOException {
        return PathLock.acquire(layout.lockFile(p), lockTimeout);
    }

    /** Locks {@code p} if nobody holds it now. */
    Optional<PathLock> tryLockPath(StorePath p) throws IOException {
        return PathLock.tryAcquire(layout.lockFile(p));
    }

    /**
     * Moves a staged tree to its place, replacing garbage a crashed attempt left there; with
     * {@code sync}, forces the tree to disk first (a caller passing false has done so).
     */
    void install(Path staged, StorePath path, boolean sync) throws IOException {
        if (sync) FileTrees.syncTree(staged);
        Path target = layout.physical(path);
        // We hold the path's lock and it is not valid, so whatever is there is a crashed attempt's.
        FileTrees.deleteRecursively(target);
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        AtomicFile.syncDirectory(layout.physicalStoreDir());
    }

    /**
     * The commit point. The references are checked again because a valid path's closure must be
     * valid; the shared global lock keeps them from being collected between check and commit.
     */
    void commit(PathInfo info) throws IOException {
        requireValidReferences(info.path(), info.references());
        beforeRegister.get().run();
        db.register(info);
        // Under the shared global lock (every caller holds it): no collection can take the new path
        // before this process's own root for it is written.
        tempRoots.add(info.path());
    }

    /** Checked before staging too, so a refused add leaves no garbage behind. */
    void requireValidReferences(StorePath path, Collection<StorePath> references) throws IOException {
        for (StorePath ref : references) {
            if (!ref.equals(path) && !isValid(ref)) {
                throw new IOException("cannot register '" + storeDir().print(path) + "': its reference '"
                        + storeDir().print(ref) + "' is not valid; add that path first");
            }
        }
    }

    /** A new staging directory inside the physical store directory, so the move into place is a rename. */
    Path newTempDir() throws IOException {
        return Files.createDirectory(layout.physicalStoreDir().resolve(StoreLayout.TEMP_PREFIX + AtomicFile.randomSuffix()));
    }
}

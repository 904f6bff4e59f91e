package dev.sysbuild.store.local;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.path.PathImport;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The store under a target root: which paths are valid, and the only ways a path becomes valid.
 *
 * <p>A path becomes valid in this order, and only the last step commits: stage it in a
 * temporary directory inside the physical store directory (same file system, so the move is a
 * rename), canonicalise it, hash its NAR and scan its references, rename it into place, write its
 * info file. A crash before the info file's rename leaves an invalid directory or a {@code .tmp-}
 * entry, which {@link #deleteInvalidPaths()} removes; a reader never sees a valid path that is
 * incomplete. (A large added tree is registered before its contents are forced to disk; opening
 * the store settles that before anything is read, and after a crash unregisters what lost
 * contents: {@link PendingSyncs}, {@link #syncPending()}.) Each path is locked while it is staged
 * or built, so two processes (or threads) never produce the same path at once; the second finds
 * it valid and does nothing.
 */
public final class LocalStore {
    private static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofHours(1);

    private final StoreLayout layout;
    private final ValidPathDb db;
    private final GcLock gcLock;
    private final PathRegistry registry;
    private final PathAdder adder;
    private final OutputRegistrar registrar;
    private final PendingSyncs pendingSyncs;
    /** A seam for tests to crash between moving a path into place and registering it. */
    Runnable beforeRegister = () -> {};

    private LocalStore(StoreLayout layout, Clock clock, Duration lockTimeout, PendingSyncs pendingSyncs) {
        this.layout = layout;
        this.db = new ValidPathDb(layout);
        this.gcLock = GcLock.of(layout.gcLockFile());
        this.pendingSyncs = pendingSyncs;
        this.registry = new PathRegistry(layout, db, gcLock, TempRoots.of(layout), clock, lockTimeout,
                () -> beforeRegister, pendingSyncs);
        this.adder = new PathAdder(registry);
        this.registrar = new OutputRegistrar(registry);
    }

    /** Opens (creating its directories if need be) the store under {@code root}. */
    public static LocalStore open(Path root, StoreDir storeDir) throws IOException {
        return open(root, storeDir, Clock.systemUTC(), DEFAULT_LOCK_TIMEOUT);
    }

    /** As {@link #open(Path, StoreDir)}, with the clock registration times come from and how long to wait for a lock. */
    public static LocalStore open(Path root, StoreDir storeDir, Clock clock, Duration lockTimeout) throws IOException {
        return open(root, storeDir, clock, lockTimeout, WriteBackEpoch::of, PendingSyncs.SYNCFS);
    }

    /** As {@link #open(Path, StoreDir, Clock, Duration)}, with what {@link PendingSyncs} asks of the system (a test seam). */
    static LocalStore open(Path root, StoreDir storeDir, Clock clock, Duration lockTimeout, PendingSyncs.Epoch epoch,
            PendingSyncs.FileSystemSync fsSync) throws IOException {
        StoreLayout layout = new StoreLayout(root, storeDir);
        Files.createDirectories(layout.physicalStoreDir());
        Files.createDirectories(layout.infoDir());
        Files.createDirectories(layout.locksDir());
        LocalStore store = new LocalStore(layout, clock, lockTimeout, new PendingSyncs(layout, epoch, fsSync));
        if (Files.exists(GcJournal.file(layout))) {
            // A collection crashed after its commit point: finish it before anything reads the database
            // (under the exclusive lock, so a collection still running in another process finishes first).
            try (GcLock.Held gc = store.gcLock.exclusive()) {
                GcJournal.recover(layout);
            }
        }
        store.syncPending();
        return store;
    }

    /**
     * Forces to disk every added path registered before its contents were (see {@link PendingSyncs}),
     * as opening the store does; if an earlier crash or power cut lost some of them, they and every
     * path referencing one are no longer valid (a warning names them). Call it before making
     * something that must survive a crash refer to store paths: a generation, a GC root.
     */
    public void syncPending() throws IOException {
        PendingSyncs.Lost lost = pendingSyncs.settle(gcLock, db);
        if (lost.lost().isEmpty()) return;
        String message = lost.lost().size() + " store path(s) had not reached the disk when the machine went down (a crash,"
                + " a power cut, or the file system went away) and lost contents: " + printed(lost.lost())
                + (lost.referrers().isEmpty() ? "" : "; and " + lost.referrers().size() + " path(s) referencing them: "
                        + printed(lost.referrers()))
                + ". They are no longer valid (the next gc deletes them); add or build them again.";
        System.getLogger("store").log(System.Logger.Level.WARNING, message);
    }

    private String printed(Collection<StorePath> paths) {
        StringBuilder sb = new StringBuilder();
        for (StorePath p : paths) sb.append(sb.length() == 0 ? "" : ", ").append(storeDir().print(p));
        return sb.toString();
    }

    public StoreLayout layout() {
        return layout;
    }

    public StoreDir storeDir() {
        return layout.storeDir();
    }

    /**
     * Whether {@code p} is registered (one file read). A valid path becomes a temporary root of
     * this process ({@link TempRoots}): whoever asks may go on to use it, so a collection in
     * another process keeps it from now on. The root is written under the global lock and the
     * answer checked again there, so a collection that ran in between gives "not valid".
     */
    public boolean isValid(StorePath p) throws IOException {
        return registry.isValid(p);
    }

    /** The database entry of {@code p}, or empty if it is not valid. */
    public Optional<PathInfo> queryPathInfo(StorePath p) throws IOException {
        return db.query(p);
    }

    /** Every valid path, sorted (reads every info file: for listing, not for checks). */
    public SortedSet<StorePath> validPaths() throws IOException {
        return registry.validPaths();
    }

    /**
     * The valid paths that reference {@code p}, found by reading every info file: fine for
     * {@code path-info} and deletion checks, too slow for a loop over the store.
     */
    public SortedSet<StorePath> queryReferrers(StorePath p) throws IOException {
        return registry.queryReferrers(p);
    }

    /** Locks {@code p} for building, waiting up to the store's lock timeout. */
    public PathLock lockPath(StorePath p) throws IOException {
        return registry.lockPath(p);
    }

    /** Locks {@code p} if nobody holds it now. */
    public Optional<PathLock> tryLockPath(StorePath p) throws IOException {
        return registry.tryLockPath(p);
    }

    /**
     * Copies a file, directory or symlink into the store as a {@code source} path (the path
     * {@link dev.sysbuild.store.path.PathImport#recursive} computes when there are no references).
     * Its references are those of {@code candidates} whose hash parts occur in it; each must be
     * valid. Adding content that is already valid does nothing and returns the same path.
     */
    public StorePath addToStore(Path source, String name, Collection<StorePath> candidates) throws IOException {
        return adder.addToStore(source, name, candidates);
    }

    /** {@link #addToStore(Path, String, Collection)} with no reference candidates. */
    public StorePath addToStore(Path source, String name) throws IOException {
        return addToStore(source, name, List.of());
    }

    /**
     * Copies the contents of a regular file (a symlink is followed) into the store as a flat
     * fixed-output path: {@code builtins.path { recursive = false; }}, the path
     * {@link PathImport#flat} computes. The copy is a plain, non-executable file.
     */
    public StorePath addFlatFileToStore(Path file, String name) throws IOException {
        return adder.addFlatFileToStore(file, name);
    }

    /**
     * Writes {@code contents} into the store as a {@code text} path ({@code builtins.toFile},
     * {@code .drv} files). The references are declared, not scanned (a {@code .drv} names its
     * inputs), and each must be valid.
     */
    public StorePath addTextToStore(String name, byte[] contents, Collection<StorePath> references)
            throws IOException {
        return adder.addTextToStore(name, contents, references);
    }

    /** One text path for {@link #addTextsToStore}. */
    public record Text(String name, byte[] contents, Collection<StorePath> references) {}

    /**
     * {@link #addTextToStore} for several paths at once, with the disk flushes shared
     * ({@link TextBatch}): a chain of {@code .drv} files costs a flush of the info directory per
     * file instead of four flushes. Each reference must be valid or in the group. Paths already
     * valid are left as they are. Returns the paths in the order given.
     */
    public List<StorePath> addTextsToStore(List<Text> texts) throws IOException {
        return adder.addTextsToStore(texts);
    }

    /**
     * Registers a path a builder produced in place at {@link StoreLayout#physical}: canonicalises
     * it, scans it for {@code candidates} (and itself), records its NAR hash. The caller must hold
     * {@link #lockPath(StorePath)} for {@code p} from before the build began; that lock is what
     * keeps {@link #deleteInvalidPaths()} away from the unfinished output. If {@code p} is already
     * valid its entry is returned unchanged.
     */
    public PathInfo registerValidPath(StorePath p, Collection<StorePath> candidates, Optional<StorePath> deriver)
            throws IOException {
        return registerValidPaths(List.of(p), candidates, deriver).get(0);
    }

    /**
     * {@link #registerValidPath} for all outputs of one build: each is scanned for the candidates,
     * itself and the other outputs, and they are committed referenced-first (see
     * {@link ReferenceOrder}). Returns the entries in commit order, already valid ones included.
     */
    public List<PathInfo> registerValidPaths(Collection<StorePath> outputs, Collection<StorePath> candidates,
            Optional<StorePath> deriver) throws IOException {
        return commitRegistration(prepareRegistration(outputs, candidates, deriver));
    }

    /**
     * The first half of {@link #registerValidPaths}: canonicalises the outputs and scans them, so
     * their entries (references included) are known, but makes nothing valid yet. The caller keeps
     * holding the outputs' locks until {@link #commitRegistration}, which keeps a collection away
     * from them meanwhile. A builder may start the builds that use these outputs before the commit,
     * as long as those are committed after it (a valid path's references must be valid).
     */
    public PreparedRegistration prepareRegistration(Collection<StorePath> outputs, Collection<StorePath> candidates,
            Optional<StorePath> deriver) throws IOException {
        return registrar.prepare(outputs, candidates, deriver);
    }

    /**
     * The second half of {@link #registerValidPaths}: forces the prepared outputs to disk and
     * commits them, referenced-first. Fails if a reference is not valid (yet). Returns the
     * entries in commit order, already valid ones included.
     */
    public List<PathInfo> commitRegistration(PreparedRegistration prepared) throws IOException {
        return registrar.commit(prepared);
    }

    /** Outputs canonicalised and scanned by {@link #prepareRegistration}, not yet valid. */
    public record PreparedRegistration(List<PathInfo> infos) {
        public PreparedRegistration {
            infos = List.copyOf(infos);
        }
    }

    /**
     * Deletes everything in the physical store directory that is not a valid path: staging
     * directories, paths moved into place but never registered (a crash), outputs of failed
     * builds, and unfinished database writes. Paths whose lock is held (being built now) are
     * left alone. Runs under the exclusive global lock, so no add is half-way meanwhile.
     * Entries whose names are not store paths at all are not ours and stay.
     */
    public SweepResult deleteInvalidPaths() throws IOException {
        try (GcLock.Held gc = gcLock.exclusive()) {
            return InvalidPathSweep.run(layout, db);
        }
    }

    /**
     * The valid paths whose contents are missing or no longer match their recorded NAR hash
     * (someone wrote into the store, or the disk lost data): what {@code store verify} reports.
     * Reads every store object, so it takes as long as hashing the whole store.
     */
    public SortedSet<StorePath> findDamagedPaths() throws IOException {
        return StoreVerifier.damagedPaths(layout, db);
    }

    /**
     * Adds a path from its NAR ({@code store import}), by the same staging as every add: unpacked
     * in a temporary directory, canonicalised, refused unless its NAR hash is {@code narHash},
     * then moved into place and committed with the given references and deriver. Already valid:
     * nothing happens.
     */
    public StorePath addNarToStore(StorePath path, Hash narHash, Collection<StorePath> references,
            Optional<StorePath> deriver, Path narFile) throws IOException {
        return adder.addNarToStore(path, narHash, references, deriver, narFile);
    }

    /**
     * Puts back the contents of valid path {@code path} from a NAR with its recorded hash
     * ({@code store verify --repair-from}); see {@link PathRepair}.
     */
    public void repairFromNar(StorePath path, Path narFile) throws IOException {
        PathInfo info = queryPathInfo(path).orElseThrow(() -> new IOException("cannot repair '"
                + storeDir().print(path) + "': it is not valid"));
        try (GcLock.Held gc = gcLock.shared(); PathLock lock = lockPath(path)) {
            PathRepair.replace(layout, info, narFile, registry.newTempDir());
        }
    }

    /** Recreates output trees in place; see {@link #rebuildInPlace}. */
    @FunctionalInterface
    public interface Rebuild {
        void run() throws Exception;
    }

    /**
     * Repairs valid {@code outputs} (all outputs of one derivation) by building them again: the
     * caller holds each output's lock. Under the shared global lock, every output's tree is moved
     * aside, {@code rebuild} recreates them in place, and each new tree must have exactly its
     * recorded NAR hash: then it is canonicalised and synced and the old trees are deleted.
     * Otherwise (or if {@code rebuild} fails) the new trees are deleted and the old ones put back
     * as they were, and the error names the output that came out different. A crash in between
     * leaves valid paths missing, which {@code store verify} reports and a second repair fixes.
     */
    public void rebuildInPlace(Collection<StorePath> outputs, Rebuild rebuild) throws Exception {
        OutputRebuild.run(registry, outputs, rebuild);
    }

    /**
     * Deletes every path no GC root reaches (see {@link GarbageCollector}) and the invalid
     * leftovers; with {@code dryRun} only reports what would go. Holds the global lock exclusively.
     */
    public GcResult collectGarbage(boolean dryRun) throws IOException {
        try (GcLock.Held gc = gcLock.exclusive()) {
            return new GarbageCollector(layout, db).run(dryRun);
        }
    }

    /** Hard-links identical files across valid paths ({@link StoreOptimiser}). */
    public OptimiseResult optimise() throws IOException {
        try (GcLock.Held gc = gcLock.shared()) {
            return StoreOptimiser.run(layout, db);
        }
    }

    /** {@code store verify}: one message per problem found, none if the store is sound. */
    public List<String> verify(boolean checkContents) throws IOException {
        return StoreCheck.run(layout, db, checkContents);
    }
}

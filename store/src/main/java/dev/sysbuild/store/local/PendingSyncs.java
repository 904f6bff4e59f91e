package dev.sysbuild.store.local;

import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Lets {@link LocalStore#addToStore} register a large tree before its contents are on disk, without
 * ever letting a path whose contents a crash lost be used as valid.
 *
 * <p>Forcing a large added tree to disk before registering it cost a third of a {@code store add}
 * (the 20,000-file benchmark tree: ~0.3-0.5 s of ~1.6 s, and {@code syncfs} also writes whatever
 * else is dirty on the file system, however large). Instead, before the commit, the add writes
 * an entry here (durably) naming the path and the <em>write-back epoch</em>: the kernel's boot id
 * and the mount id of the store's file system. While that epoch lasts, the page cache holds
 * whatever the disk does not have yet, so the contents are complete to every reader; only the end
 * of the epoch (a crash, a power cut, the file system unmounted or yanked) can lose them.
 *
 * <p>Every {@link LocalStore#open} settles the entries before anything reads the database:
 * <ul>
 * <li>entries of the current epoch: one {@code syncfs} of the store's file system, then they go
 *     (a failed sync keeps them, and a later open tries again);
 * <li>entries of another epoch: their paths' NAR hashes are computed again from disk, and every
 *     path that lost contents is unregistered together with every valid path that references it,
 *     all at once (the garbage collector's journal); what is left of them is garbage for the next
 *     collection. Under the exclusive global lock, so no adder or collection runs meanwhile.
 * </ul>
 * What must be durable when its command returns (a new generation, a GC root made by
 * {@code build}) settles first ({@link LocalStore#syncPending}); it must not hold the shared
 * global lock then, since settling an ended epoch takes the exclusive one. Where the epoch cannot be known (no
 * {@code /proc}), adds force their trees to disk as before and nothing is recorded.
 */
final class PendingSyncs {
    /** What identifies the current write-back epoch, or empty if it cannot be known here. */
    interface Epoch {
        Optional<String> current(Path storeDir);
    }

    /**
     * Forces the store's file system to disk, or at least the {@code pending} store objects (those
     * of them that exist); false if that could not be done.
     */
    interface FileSystemSync {
        boolean sync(Path storeDir, List<Path> pending) throws IOException;
    }

    /** The real thing: one {@code syncfs} of the store's file system, else the pending objects' files one by one. */
    static final FileSystemSync SYNCFS = (storeDir, pending) -> {
        if (TreeSync.syncFileSystem(storeDir)) return true;
        for (Path p : pending) {
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) TreeSync.sync(p);
        }
        return true;
    };

    private static final String HEADER = "sysbuild-pending-sync 1";

    private final StoreLayout layout;
    private final Epoch epoch;
    private final FileSystemSync fsSync;
    private Optional<String> currentEpoch;

    PendingSyncs(StoreLayout layout, Epoch epoch, FileSystemSync fsSync) {
        this.layout = layout;
        this.epoch = epoch;
        this.fsSync = fsSync;
    }

    /** {@code R/sysbuild/var/db/pending-sync}: one file per add whose contents may not be on disk yet. */
    static Path dir(StoreLayout layout) {
        return layout.dbDir().resolve("pending-sync");
    }

    private synchronized Optional<String> epoch() {
        if (currentEpoch == null) currentEpoch = epoch.current(layout.physicalStoreDir());
        return currentEpoch;
    }

    /** Whether adds may register before their contents are on disk (the epoch is known here). */
    boolean deferring() {
        return epoch().isPresent();
    }

    /**
     * Records, durably, that {@code p} is about to be registered before its contents are forced
     * to disk. Called after the contents are written (to the page cache) and before the commit.
     * Returns false, recording nothing, if the epoch is unknown: the caller must force them itself.
     */
    boolean record(StorePath p) throws IOException {
        Optional<String> e = epoch();
        if (e.isEmpty()) return false;
        Path dir = dir(layout);
        Files.createDirectories(dir);
        String text = HEADER + "\n" + e.get() + "\n" + p.baseName() + "\n";
        AtomicFile.write(dir.resolve(p.hashPart() + "." + AtomicFile.randomSuffix()), text.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** A recorded add: its file, the epoch it was written in, the path (null if the file is damaged). */
    private record Entry(Path file, String epoch, StorePath path) {}

    /** The recorded entries (none: one failed listing of a missing directory). */
    private List<Entry> entries() throws IOException {
        String[] names = dir(layout).toFile().list();
        List<Entry> entries = new ArrayList<>();
        if (names == null) return entries;
        for (String name : names) {
            if (AtomicFile.isTemporary(name)) continue; // a record a crash interrupted: its add never committed
            Path f = dir(layout).resolve(name);
            String[] lines;
            try {
                lines = Files.readString(f, StandardCharsets.UTF_8).split("\n");
            } catch (NoSuchFileException gone) {
                continue; // settled by another process meanwhile
            } catch (IOException | java.io.UncheckedIOException unreadable) {
                lines = new String[0]; // not a record sysbuild wrote (a directory, bad bytes): damaged
            }
            StorePath path = null;
            if (lines.length == 3 && lines[0].equals(HEADER)) {
                try {
                    path = StorePath.parseBaseName(lines[2]);
                } catch (IllegalArgumentException damaged) {
                    // left null: verified as "unknown" below
                }
            }
            entries.add(new Entry(f, lines.length > 1 ? lines[1] : "", path));
        }
        return entries;
    }

    /** What a settle unregistered: paths whose contents a crash lost, and the valid paths that referenced them. */
    record Lost(SortedSet<StorePath> lost, SortedSet<StorePath> referrers) {
        static final Lost NONE = new Lost(java.util.Collections.emptySortedSet(), java.util.Collections.emptySortedSet());
    }

    /**
     * Settles every recorded entry as the class comment says. Returns what was unregistered
     * (usually nothing). Someone who may not write the store (a normal user reading it) settles
     * nothing.
     */
    Lost settle(GcLock gcLock, ValidPathDb db) throws IOException {
        List<Entry> entries = entries();
        if (entries.isEmpty() || !Files.isWritable(dir(layout))) return Lost.NONE;
        List<Entry> thisEpoch = new ArrayList<>();
        boolean older = false;
        for (Entry e : entries) {
            if (ofThisEpoch(e)) thisEpoch.add(e);
            else older = true;
        }
        List<Path> pending = new ArrayList<>();
        for (Entry e : thisEpoch) pending.add(layout.physical(e.path()));
        if (!thisEpoch.isEmpty() && fsSync.sync(layout.physicalStoreDir(), pending)) {
            for (Entry e : thisEpoch) Files.deleteIfExists(e.file());
        }
        return older ? recover(gcLock, db) : Lost.NONE;
    }

    /**
     * The entries of an epoch that ended: verifies their paths and unregisters what lost contents
     * with its referrers. Under the exclusive lock, reading the entries again there (another
     * process may have settled them while this one waited).
     */
    private Lost recover(GcLock gcLock, ValidPathDb db) throws IOException {
        try (GcLock.Held gc = gcLock.exclusive()) {
            List<Entry> ended = new ArrayList<>();
            for (Entry e : entries()) {
                if (!ofThisEpoch(e)) ended.add(e);
            }
            SortedSet<StorePath> lost = new TreeSet<>();
            for (Entry e : ended) {
                // A damaged entry names no path to check (AtomicFile never leaves one; a file sysbuild did not write).
                if (e.path() == null) continue;
                Optional<PathInfo> info = db.query(e.path());
                if (info.isPresent() && contentsLost(info.get())) lost.add(e.path());
            }
            Lost unregistered = lost.isEmpty() ? Lost.NONE : unregisterWithReferrers(lost, db);
            for (Entry e : ended) Files.deleteIfExists(e.file());
            return unregistered;
        }
    }

    /** Whether an entry is a whole record of the current epoch (so a sync is all it needs). */
    private boolean ofThisEpoch(Entry e) {
        Optional<String> now = epoch();
        return now.isPresent() && e.path() != null && e.epoch().equals(now.get());
    }

    /** Whether the crash lost some of {@code info}'s contents: {@code store verify}'s check; unreadable counts as lost. */
    private boolean contentsLost(PathInfo info) {
        try {
            return StoreVerifier.isDamaged(layout, info);
        } catch (IOException unreadable) {
            return true;
        }
    }

    /** Unregisters {@code lost} and every valid path whose closure holds one, in one journaled step. */
    private Lost unregisterWithReferrers(SortedSet<StorePath> lost, ValidPathDb db) throws IOException {
        List<PathInfo> all = db.all();
        SortedSet<StorePath> gone = new TreeSet<>(lost);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (PathInfo info : all) {
                if (gone.contains(info.path())) continue;
                for (StorePath ref : info.references()) {
                    if (gone.contains(ref)) {
                        gone.add(info.path());
                        grew = true;
                        break;
                    }
                }
            }
        }
        List<String> hashParts = new ArrayList<>();
        for (StorePath p : gone) hashParts.add(p.hashPart());
        GcJournal.begin(layout, hashParts);
        for (StorePath p : gone) Files.deleteIfExists(layout.infoFile(p));
        GcJournal.finish(layout);
        SortedSet<StorePath> referrers = new TreeSet<>(gone);
        referrers.removeAll(lost);
        return new Lost(lost, referrers);
    }
}

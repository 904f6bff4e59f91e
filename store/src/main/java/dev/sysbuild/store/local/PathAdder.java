package dev.sysbuild.store.local;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashFormat;
import dev.sysbuild.store.path.PathImport;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The adds of {@link LocalStore}: sources, flat files, texts (one or a group) and NARs become
 * valid paths. Each stages its object in a temporary directory in the store and commits it
 * through {@link PathRegistry}; the contracts are on the public methods of {@link LocalStore}.
 */
final class PathAdder {
    /** While an add copies, the write-back of its file system is started after every so many bytes (see {@link TreeSync}). */
    private static final long WRITE_BACK_EVERY = 32 << 20;

    private final PathRegistry registry;

    PathAdder(PathRegistry registry) {
        this.registry = registry;
    }

    private StoreDir storeDir() {
        return registry.storeDir();
    }

    /** {@link LocalStore#addToStore(Path, String, Collection)}. */
    StorePath addToStore(Path source, String name, Collection<StorePath> candidates) throws IOException {
        // One pass, as nix-store --add: the source is copied into a staging directory while its NAR is
        // hashed and scanned (TreeCopy), and the path follows from that hash. Reading the source once
        // more first, only to find out whether it is valid already, cost a third of every add; the
        // price is that re-adding valid content copies it once and throws the copy away.
        try (GcLock.Held gc = registry.gcLock().shared()) {
            Path temp = registry.newTempDir();
            try {
                Path staged = temp.resolve("x");
                // Canonicalised as it is unpacked (no second walk). A large tree is registered before it
                // is forced to disk (PendingSyncs: forcing 201 MiB cost a third of adding it); only where
                // that cannot be done does its data start for the disk while the copy goes on, so the sync
                // before the commit has little left to wait for.
                Canonicaliser.WhileUnpacking canonical = new Canonicaliser.WhileUnpacking();
                TreeSync.Early writeBack = registry.pendingSyncs().deferring() ? null : new TreeSync.Early(temp, WRITE_BACK_EVERY);
                NarSummary nar;
                try {
                    nar = TreeCopy.copy(source, staged, candidates, canonical, writeBack);
                } finally {
                    if (writeBack != null) writeBack.await();
                }
                StorePath path = storeDir().sourcePath(name, nar.narHash(), nar.references(), false);
                if (registry.isValid(path)) return path;
                try (PathLock lock = registry.lockPath(path)) {
                    if (registry.isValid(path)) return path; // another process added it while we waited
                    registry.requireValidReferences(path, nar.references());
                    // A large tree is recorded (durably) before the commit, so a crash that loses the
                    // contents cannot lose the record; a small one (a few fsyncs of its own, cheaper than a
                    // record now and a syncfs later) and any tree where no record can be kept are forced here.
                    boolean small = canonical.few() && nar.narSize() <= WRITE_BACK_EVERY;
                    if (small || !registry.pendingSyncs().record(path)) canonical.sync(staged);
                    registry.install(staged, path, false);
                    registry.commit(new PathInfo(path, nar.narHash(), nar.narSize(), nar.references(), Optional.empty(),
                            registry.clock().instant()));
                    lock.deleteFileQuietly(); // valid now: whoever waited finds it so (PathLock explains the protocol)
                }
                return path;
            } finally {
                FileTrees.deleteRecursively(temp);
            }
        }
    }

    /** {@link LocalStore#addFlatFileToStore}. */
    StorePath addFlatFileToStore(Path file, String name) throws IOException {
        StorePath path = PathImport.flat(storeDir(), file, name);
        // Copied as a stream: Files.copy would carry the source's mode, and a flat import has none.
        Stager contentsOnly = staged -> {
            try (InputStream in = Files.newInputStream(file)) {
                Files.copy(in, staged);
            }
            return null;
        };
        return addStaged(path, List.of(), contentsOnly, (staged, narHash) -> {
            if (!PathImport.flat(storeDir(), staged, name).equals(path)) throw changedWhileAdding(file);
        });
    }

    /** {@link LocalStore#addTextToStore}. */
    StorePath addTextToStore(String name, byte[] contents, Collection<StorePath> references) throws IOException {
        StorePath path = storeDir().textPath(name, contents, references);
        return addStaged(path, references, staged -> {
            Files.write(staged, contents);
            return NarSummary.ofRegularFile(contents);
        }, (staged, narHash) -> {});
    }

    /** {@link LocalStore#addTextsToStore}: the group is committed by {@link TextBatch}. */
    List<StorePath> addTextsToStore(List<LocalStore.Text> texts) throws IOException {
        List<StorePath> paths = new ArrayList<>();
        java.util.SortedMap<StorePath, LocalStore.Text> todo = new java.util.TreeMap<>(); // sorted: locks are taken in one order
        for (LocalStore.Text t : texts) {
            StorePath p = storeDir().textPath(t.name(), t.contents(), t.references());
            paths.add(p);
            if (!registry.isValid(p)) todo.putIfAbsent(p, t);
        }
        if (todo.isEmpty()) return paths;
        try (GcLock.Held gc = registry.gcLock().shared()) {
            List<PathLock> locks = new ArrayList<>();
            Path temp = null;
            try {
                for (StorePath p : todo.keySet()) locks.add(registry.lockPath(p));
                List<TextBatch.Item> items = new ArrayList<>();
                for (java.util.Map.Entry<StorePath, LocalStore.Text> e : todo.entrySet()) {
                    if (registry.isValid(e.getKey())) continue; // another process added it while we waited
                    for (StorePath ref : e.getValue().references()) {
                        if (!todo.containsKey(ref)) registry.requireValidReferences(e.getKey(), List.of(ref));
                    }
                    NarSummary nar = NarSummary.ofRegularFile(e.getValue().contents());
                    items.add(new TextBatch.Item(new PathInfo(e.getKey(), nar.narHash(), nar.narSize(),
                            new TreeSet<>(e.getValue().references()), Optional.empty(), registry.clock().instant()),
                            e.getValue().contents()));
                }
                if (items.isEmpty()) return paths;
                temp = registry.newTempDir();
                new TextBatch(registry.layout(), temp, registry.beforeRegister(), registry.db().pool()).commit(items, registry.tempRoots()::add);
                for (PathLock lock : locks) lock.deleteFileQuietly(); // valid now (PathLock explains the protocol)
            } finally {
                for (PathLock lock : locks) lock.close();
                if (temp != null) FileTrees.deleteRecursively(temp);
            }
        }
        return paths;
    }

    /** {@link LocalStore#addNarToStore}. */
    StorePath addNarToStore(StorePath path, Hash narHash, Collection<StorePath> references,
            Optional<StorePath> deriver, Path narFile) throws IOException {
        Stager unpack = staged -> {
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(narFile), 64 * 1024)) {
                return NarCopy.restore(in, staged, List.of());
            }
        };
        return addStaged(path, references, deriver, unpack, (staged, got) -> {
            if (!got.equals(narHash)) {
                throw new IOException("cannot add '" + storeDir().print(path) + "': its NAR hash is "
                        + got.toPrefixed(HashFormat.NIX32) + ", not the expected " + narHash.toPrefixed(HashFormat.NIX32));
            }
        });
    }

    /**
     * The one way an add makes a path valid: unless {@code path} is valid, lock it, stage it in a
     * temporary directory, canonicalise, let {@code check} refuse what the source turned into, move it into
     * place and commit it with {@code references}.
     */
    private StorePath addStaged(StorePath path, Collection<StorePath> references, Stager stager, StagedCheck check)
            throws IOException {
        return addStaged(path, references, Optional.empty(), stager, check);
    }

    private StorePath addStaged(StorePath path, Collection<StorePath> references, Optional<StorePath> deriver,
            Stager stager, StagedCheck check) throws IOException {
        if (registry.isValid(path)) return path;
        try (GcLock.Held gc = registry.gcLock().shared(); PathLock lock = registry.lockPath(path)) {
            if (registry.isValid(path)) return path; // another process added it while we waited
            registry.requireValidReferences(path, references);
            Path temp = registry.newTempDir();
            try {
                Path staged = temp.resolve("x");
                NarSummary unpacked = stager.stage(staged);
                Canonicaliser.canonicalise(staged);
                // Canonicalising changes nothing a NAR records, so a hash taken while unpacking stands.
                NarSummary nar = unpacked != null ? unpacked : NarSummary.of(staged, List.of());
                check.check(staged, nar.narHash());
                registry.install(staged, path, true);
                registry.commit(new PathInfo(path, nar.narHash(), nar.narSize(), new TreeSet<>(references),
                        deriver, registry.clock().instant()));
                lock.deleteFileQuietly(); // valid now: whoever waited finds it so (PathLock explains the protocol)
            } finally {
                FileTrees.deleteRecursively(temp);
            }
        }
        return path;
    }

    /** Puts the new object at a path that does not exist yet. */
    private interface Stager {
        /** Returns the object's NAR summary if staging computed it from the bytes written, else null. */
        NarSummary stage(Path target) throws IOException;
    }

    /** Refuses a staged object that is not what the store path was computed from. */
    private interface StagedCheck {
        void check(Path staged, Hash stagedNarHash) throws IOException;
    }

    private static IOException changedWhileAdding(Path source) {
        return new IOException("'" + source + "' changed while it was being added to the store; try again");
    }
}

package dev.sysbuild.cli;

import dev.sysbuild.eval.ComputeOnlyStore;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.EvalStore;
import dev.sysbuild.store.derivation.Derivation;
import dev.sysbuild.store.derivation.DerivationFormatException;
import dev.sysbuild.store.derivation.InstantiatedDerivation;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.local.PathInfo;
import dev.sysbuild.store.nar.NarEntryType;
import dev.sysbuild.store.nar.NarFilter;
import dev.sysbuild.store.path.IngestionMethod;
import dev.sysbuild.store.path.PathImport;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The evaluator's store for {@code build}: what evaluation adds is written into the local store.
 * Paths come from the same code as {@link ComputeOnlyStore}'s: derivations are instantiated by a
 * {@link ComputeOnlyStore} (so the hashing is the one eval-only commands use), then their
 * {@code .drv} text is written as a text path with the inputs as references, and the path the
 * store gives back must be the one computed. Sources go through {@link LocalStore#addToStore},
 * which hashes them as {@link PathImport} does.
 *
 * <p>{@code .drv} files are written by a thread of their own while evaluation goes on, in groups:
 * each group is every derivation instantiated since the previous group started, written with
 * {@link LocalStore#addTextsToStore} (the disk flushes shared, references first), and
 * {@link #flush()} waits for all of them. Evaluation and building only need the paths and the
 * derivations, which are at hand at once (an output records its deriver's path, which need not be
 * valid yet), so the writing overlaps with evaluation and building. (One write per file, four
 * flushes each and each after the files it references, made a chain of 200 derivations wait
 * ~0.5 s for its own files.)
 *
 * <p>What it did not write in this run, it reads from the store: references from the database,
 * derivations from {@code .drv} files.
 */
final class LocalEvalStore implements EvalStore {
    private final LocalStore store;
    private final ComputeOnlyStore computed;
    private final Map<StorePath, Derivation> read = new ConcurrentHashMap<>();
    /** Every derivation this evaluation instantiated (written or being written). */
    private final Set<StorePath> instantiated = ConcurrentHashMap.newKeySet();
    /** Derivations not yet handed to the writer, in the order they were instantiated (references first). */
    private final List<LocalStore.Text> pending = new ArrayList<>();
    private final List<StorePath> pendingPaths = new ArrayList<>();
    private boolean writing;
    private IOException writeFailure;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sysbuild-drv-writer");
        t.setDaemon(true);
        return t;
    });

    LocalEvalStore(LocalStore store) {
        this.store = store;
        this.computed = new ComputeOnlyStore(store.storeDir());
    }

    /**
     * Waits until every {@code .drv} file of this evaluation is written and valid.
     *
     * @throws IOException the first write that failed
     */
    synchronized void flush() throws IOException {
        try {
            while (writing || (!pending.isEmpty() && writeFailure == null)) wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing derivations");
        }
        if (writeFailure != null) throw writeFailure;
    }

    /** Stops the writer threads once the writes already asked for are done (after {@link #flush()}, or after a failure). */
    void close() {
        writer.shutdown();
    }

    LocalStore localStore() {
        return store;
    }

    @Override
    public StoreDir storeDir() {
        return store.storeDir();
    }

    @Override
    public StorePath addPath(Path source, String name, IngestionMethod method, NarFilter filter,
            Collection<StorePath> references) throws IOException {
        if (method == IngestionMethod.FLAT) return store.addFlatFileToStore(source, name);
        if (filter == NarFilter.ALL && references.isEmpty()) return store.addToStore(source, name);
        // Filtered, or carrying references: the store adds what the filter kept, from a copy.
        Path temp = Files.createTempDirectory("sysbuild-add-");
        try {
            Path copy = temp.resolve("x");
            copyFiltered(source, copy, filter);
            StorePath expected = PathImport.recursive(storeDir(), copy, name, NarFilter.ALL, List.copyOf(references));
            StorePath added = store.addToStore(copy, name, references);
            if (!added.equals(expected)) {
                throw new IOException("adding '" + source + "' gave '" + storeDir().print(added) + "', not the computed '"
                        + storeDir().print(expected) + "': its references as found in its contents differ from"
                        + " those of the store path it was copied from");
            }
            return added;
        } finally {
            deleteTree(temp);
        }
    }

    @Override
    public StorePath addText(String name, byte[] contents, Collection<StorePath> references) {
        try {
            return store.addTextToStore(name, contents, references);
        } catch (IOException e) {
            throw EvalException.error("cannot write '" + name + "' to the store: " + e.getMessage(), null);
        }
    }

    @Override
    public InstantiatedDerivation addDerivation(Derivation draft) {
        InstantiatedDerivation done = computed.addDerivation(draft);
        if (!instantiated.add(done.drvPath())) return done;
        Derivation drv = done.derivation();
        List<StorePath> refs = new ArrayList<>();
        for (String src : drv.inputSrcs()) refs.add(storeDir().parse(src));
        for (String input : drv.inputDrvs().keySet()) refs.add(storeDir().parse(input));
        // Its input derivations were instantiated before it: they are written in this group or an earlier one.
        synchronized (this) {
            pending.add(new LocalStore.Text(done.drvPath().name(), drv.toATerm(), refs));
            pendingPaths.add(done.drvPath());
            if (!writing) {
                writing = true;
                writer.execute(this::writeGroups);
            }
        }
        return done;
    }

    /** On the writer thread: writes what is pending, a group at a time, until nothing is. */
    private void writeGroups() {
        while (true) {
            List<LocalStore.Text> group;
            List<StorePath> expected;
            synchronized (this) {
                if (pending.isEmpty() || writeFailure != null) {
                    writing = false;
                    notifyAll();
                    return;
                }
                group = new ArrayList<>(pending);
                expected = new ArrayList<>(pendingPaths);
                pending.clear();
                pendingPaths.clear();
            }
            IOException failure = null;
            try {
                List<StorePath> written = store.addTextsToStore(group);
                if (!written.equals(expected)) {
                    failure = new IOException("the store wrote " + written + " for the derivations " + expected);
                }
            } catch (IOException | RuntimeException e) {
                failure = new IOException("cannot write the derivations " + describe(expected) + " to the store: "
                        + e.getMessage(), e);
            }
            if (failure != null) {
                synchronized (this) {
                    writeFailure = failure;
                }
            }
        }
    }

    private String describe(List<StorePath> paths) {
        String first = "'" + storeDir().print(paths.get(0)) + "'";
        return paths.size() == 1 ? first : first + " and " + (paths.size() - 1) + " more";
    }

    @Override
    public Optional<Derivation> derivation(StorePath drvPath) {
        Optional<Derivation> mine = computed.derivation(drvPath);
        if (mine.isPresent()) return mine;
        Derivation known = read.get(drvPath);
        if (known != null) return Optional.of(known);
        try {
            if (!store.isValid(drvPath)) return Optional.empty();
            byte[] aterm = Files.readAllBytes(store.layout().physical(drvPath));
            String name = drvPath.name().substring(0, drvPath.name().length() - StorePath.DRV_EXTENSION.length());
            Derivation d = Derivation.parse(aterm, name);
            read.put(drvPath, d);
            return Optional.of(d);
        } catch (IOException | DerivationFormatException e) {
            throw EvalException.error("cannot read derivation '" + storeDir().print(drvPath) + "': " + e.getMessage(), null);
        }
    }

    @Override
    public Optional<Set<StorePath>> references(StorePath path) {
        Optional<Set<StorePath>> mine = computed.references(path);
        if (mine.isPresent()) return mine;
        try {
            return store.queryPathInfo(path).map(PathInfo::references);
        } catch (IOException e) {
            throw EvalException.error("cannot read the store's entry for '" + storeDir().print(path) + "': "
                    + e.getMessage(), null);
        }
    }

    /** Copies what {@code filter} keeps of {@code source}, asking in NAR order (names sorted). */
    private static void copyFiltered(Path source, Path target, NarFilter filter) throws IOException {
        if (Files.isSymbolicLink(source)) {
            Files.createSymbolicLink(target, Files.readSymbolicLink(source));
        } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(target);
            List<Path> children;
            try (Stream<Path> s = Files.list(source)) {
                children = s.sorted().toList();
            }
            for (Path child : children) {
                NarEntryType type = Files.isSymbolicLink(child) ? NarEntryType.SYMLINK
                        : Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) ? NarEntryType.DIRECTORY : NarEntryType.REGULAR;
                if (filter.accept(child, type)) copyFiltered(child, target.resolve(child.getFileName().toString()), filter);
            }
        } else {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}

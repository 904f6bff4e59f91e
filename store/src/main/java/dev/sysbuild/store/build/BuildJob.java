package dev.sysbuild.store.build;

import dev.sysbuild.store.derivation.Derivation;
import dev.sysbuild.store.derivation.DerivationHasher;
import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashSink;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.local.PathInfo;
import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.nar.Nar;
import dev.sysbuild.store.path.FixedOutputHash;
import dev.sysbuild.store.path.IngestionMethod;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One build from start to registration; the caller holds the locks of its outputs throughout.
 * Order: clear leftovers at the output paths, run the builder, check that every output exists
 * (and, for a fixed output, has the promised hash), then register them all at once. Anything
 * that fails before the registration deletes the outputs, so nothing of a failed build stays.
 */
final class BuildJob {
    private final LocalStore store;
    private final BuildSettings settings;
    private final BuildGraph graph;
    /** References of valid paths, read once per run; shared by the scheduler's threads. */
    private final Map<StorePath, Set<StorePath>> references = new ConcurrentHashMap<>();
    /** At most {@code jobs} builders run at once; registering needs no slot. */
    private final Semaphore builderSlots;
    /** Whether the run has stopped starting builds (a build failed). */
    private final BooleanSupplier stopped;
    /** Told when a builder really starts (it may have waited for a slot). */
    private final Consumer<BuildGraph.Node> onStart;
    /** A seam for tests: runs after the builder succeeded and before the outputs are registered. */
    Runnable beforeRegister = () -> {};
    /** A seam for tests: runs in the background commit, before the outputs are forced to disk and made valid. */
    java.util.function.Consumer<BuildGraph.Node> beforeCommit = n -> {};

    BuildJob(LocalStore store, BuildSettings settings, BuildGraph graph, BooleanSupplier stopped,
            Consumer<BuildGraph.Node> onStart) {
        this.store = store;
        this.settings = settings;
        this.graph = graph;
        this.builderSlots = new Semaphore(settings.jobs());
        this.stopped = stopped;
        this.onStart = onStart;
    }

    /** Thrown when a build waited for a slot and the run stopped meanwhile: it never started. */
    static final class NotStarted extends Exception {
        NotStarted() {
            super(null, null, false, false);
        }
    }

    /**
     * Builds {@code node}, whose {@code invalidOutputs} the caller found not valid while holding
     * the locks of all its outputs, and prepares the registration of its outputs ({@link
     * LocalStore#prepareRegistration}); {@link #commit} makes them valid. Their references are
     * known from here on, so the builds that use them may start before the commit.
     */
    LocalStore.PreparedRegistration run(BuildGraph.Node node, List<StorePath> invalidOutputs)
            throws BuildException, IOException, NotStarted {
        StoreLayout layout = store.layout();
        // The caller found these not valid under their locks (so they cannot have become valid since):
        // whatever is at their places is a crashed attempt's.
        for (StorePath out : invalidOutputs) Trees.deleteRecursively(layout.physical(out));
        LocalStore.PreparedRegistration prepared;
        try {
            SortedSet<StorePath> closure = buildOutputs(node);
            beforeRegister.run();
            prepared = store.prepareRegistration(node.outputs.values(), closure, Optional.of(node.drvPath));
        } catch (BuildException | IOException | RuntimeException | NotStarted e) {
            deleteUnregistered(node);
            throw e;
        }
        // What registration found is what later builds of this run need for their closures.
        for (PathInfo info : prepared.infos()) references.put(info.path(), info.references());
        return prepared;
    }

    /** Makes the outputs {@link #run} prepared valid; if that fails, they are deleted. */
    void commit(BuildGraph.Node node, LocalStore.PreparedRegistration prepared) throws IOException {
        try {
            beforeCommit.accept(node);
            store.commitRegistration(prepared);
        } catch (IOException | RuntimeException e) {
            deleteUnregistered(node);
            throw e;
        }
    }

    /** Deletes the outputs of {@code node} that are not valid: nothing of a failed build stays. */
    private void deleteUnregistered(BuildGraph.Node node) throws IOException {
        for (StorePath out : node.outputs.values()) {
            if (!store.isValid(out)) Trees.deleteRecursively(store.layout().physical(out));
        }
    }

    /**
     * Runs the builder of {@code node} so that it creates every output at its place in the store,
     * and checks them (existence; a fixed output's hash); registers nothing. Returns the input
     * closure (the reference candidates). The caller holds the outputs' locks and has cleared their places.
     */
    SortedSet<StorePath> buildOutputs(BuildGraph.Node node) throws BuildException, IOException, NotStarted {
        StoreLayout layout = store.layout();
        String drvName = store.storeDir().print(node.drvPath);
        Derivation drv = node.drv;
        boolean builtin = drv.builder().startsWith("builtin:");
        if (!builtin && !drv.system().equals(settings.hostSystem())) {
            throw new BuildException("cannot build '" + drvName + "': it needs a '" + drv.system()
                    + "' machine, and this is a '" + settings.hostSystem() + "'");
        }
        Builder builder = builtin
                ? BuiltinBuilders.find(drv.builder()).orElseThrow(() -> new BuildException("cannot build '" + drvName
                        + "': unknown built-in builder '" + drv.builder() + "' (known: " + BuiltinBuilders.names() + ")"))
                : new ProcessRunner();
        Optional<FixedOutputHash> fixed = DerivationHasher.isFixedOutput(drv)
                ? drv.outputs().get("out").fixedHash() : Optional.empty();
        SortedSet<StorePath> closure = inputClosure(drvName, drv);
        BuildRequest req = new BuildRequest(node.drvPath, drv.name(), drv.builder(), drv.args(), drv.env(),
                node.outputs, closure, fixed);
        Path log = BuildLogs.logFile(layout.root(), node.drvPath);
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        runBuilder(node, builder, req, new BuildContext(layout, log, settings));
        for (Map.Entry<String, StorePath> out : node.outputs.entrySet()) {
            if (!Files.exists(layout.physical(out.getValue()), LinkOption.NOFOLLOW_LINKS)) {
                throw new BuildException("builder for '" + drvName + "' did not create its output '" + out.getKey()
                        + "' (" + store.storeDir().print(out.getValue()) + ")");
            }
        }
        if (fixed.isPresent()) checkFixedOutput(drvName, fixed.get(), layout.physical(node.outputs.get("out")));
        return closure;
    }

    /**
     * Runs the builder in one of the {@code jobs} slots. Registration happens outside the slot:
     * it mostly waits for the disk, and the next builder can run meanwhile.
     */
    private void runBuilder(BuildGraph.Node node, Builder builder, BuildRequest req, BuildContext ctx)
            throws BuildException, IOException, NotStarted {
        try {
            builderSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to build", e);
        }
        try {
            if (stopped.getAsBoolean()) throw new NotStarted();
            onStart.accept(node);
            builder.build(req, ctx);
        } finally {
            builderSlots.release();
        }
    }

    /**
     * What the builder may read: the input sources and the wanted outputs of the input
     * derivations, with everything they reference. These are also the candidates the outputs are
     * scanned for.
     */
    private SortedSet<StorePath> inputClosure(String drvName, Derivation drv) throws IOException, BuildException {
        Deque<StorePath> todo = new ArrayDeque<>();
        for (String src : drv.inputSrcs()) todo.add(store.storeDir().parse(src));
        for (Map.Entry<String, Set<String>> input : drv.inputDrvs().entrySet()) {
            StorePath inputPath = store.storeDir().parse(input.getKey());
            Map<String, StorePath> outputs = BuildGraph.outputPaths(store.storeDir(), inputPath,
                    graph.derivation(inputPath));
            for (String wanted : input.getValue()) todo.add(outputs.get(wanted));
        }
        SortedSet<StorePath> closure = new TreeSet<>();
        while (!todo.isEmpty()) {
            StorePath p = todo.pop();
            if (!closure.add(p)) continue;
            todo.addAll(referencesOf(drvName, p));
        }
        return closure;
    }

    private Set<StorePath> referencesOf(String drvName, StorePath p) throws IOException, BuildException {
        Set<StorePath> known = references.get(p);
        if (known != null) return known;
        Optional<PathInfo> info = store.queryPathInfo(p);
        if (info.isEmpty()) {
            throw new BuildException("cannot build '" + drvName + "': its input '" + store.storeDir().print(p)
                    + "' is not valid");
        }
        references.put(p, info.get().references());
        return info.get().references();
    }

    /** Nix checks every fixed output against its promise before it is registered, whoever built it. */
    private static void checkFixedOutput(String drvName, FixedOutputHash expected, Path out)
            throws IOException, BuildException {
        Hash got;
        if (expected.method() == IngestionMethod.RECURSIVE) {
            got = Nar.hash(out, expected.hash().algo());
        } else {
            if (!Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)) {
                throw new BuildException("fixed-output derivation '" + drvName + "' (flat hash) must produce a"
                        + " regular file, but its output is not one");
            }
            HashSink sink = new HashSink(expected.hash().algo());
            try (InputStream in = Files.newInputStream(out)) {
                in.transferTo(sink);
            }
            got = sink.finish();
        }
        if (!got.equals(expected.hash())) {
            throw new BuildException("hash mismatch in fixed-output derivation '" + drvName + "':\n  specified: "
                    + expected.hash().toSri() + "\n  got:       " + got.toSri());
        }
    }
}

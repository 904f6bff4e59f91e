package dev.sysbuild.store.build;

import dev.sysbuild.store.local.PathLock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Commits finished builds in the background, so the next build does not wait for the disk: a
 * build's outputs are canonicalised and scanned on its own thread (their references are then
 * known, and the builds that use them may start), and forcing them to disk and writing their
 * database entries happens here, each build's commit after the commits of the builds of this run
 * it depends on (a valid path's references must be valid). The output locks are held until the
 * commit is done, so other processes wait for the outputs and a collection leaves them alone; a
 * commit that fails deletes the outputs and counts as a failed build. In a chain of builds, the
 * disk's work for one build overlaps with the next builder, instead of adding to it.
 */
final class BuildCommits {
    /** A commit: forces outputs to disk and makes them valid (deleting them if that fails). */
    interface Commit {
        void run() throws BuildException, IOException;
    }

    private final ExecutorService pool;
    private final Map<BuildGraph.Node, List<BuildGraph.Node>> dependencies = new HashMap<>();
    private final Map<BuildGraph.Node, CompletableFuture<Void>> committed = new ConcurrentHashMap<>();
    private final List<BuildException> failures = Collections.synchronizedList(new ArrayList<>());
    private final Runnable onFailure;

    BuildCommits(BuildGraph graph, int threads, Runnable onFailure) {
        for (BuildGraph.Node n : graph.nodes) {
            for (BuildGraph.Node d : n.dependents) dependencies.computeIfAbsent(d, k -> new ArrayList<>()).add(n);
        }
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sysbuild-commit");
            t.setDaemon(true);
            return t;
        });
        this.onFailure = onFailure;
    }

    /**
     * Runs {@code commit} once the builds {@code n} depends on are committed, then releases
     * {@code locks}. Called after {@code n}'s dependencies were submitted (a build starts only
     * after the builds it depends on finished, and they are submitted before they count as finished).
     */
    void submit(BuildGraph.Node n, String drvName, List<PathLock> locks, Commit commit) {
        List<CompletableFuture<Void>> before = new ArrayList<>();
        for (BuildGraph.Node d : dependencies.getOrDefault(n, List.of())) {
            CompletableFuture<Void> f = committed.get(d);
            if (f != null) before.add(f); // absent: found valid, nothing to wait for
        }
        // The futures never fail (a failure is recorded instead), so every commit runs and every lock is released.
        committed.put(n, CompletableFuture.allOf(before.toArray(CompletableFuture[]::new)).thenRunAsync(() -> {
            try {
                commit.run();
            } catch (BuildException e) {
                fail(e);
            } catch (IOException | RuntimeException e) {
                fail(new BuildException("registering the outputs of '" + drvName + "' failed: " + e.getMessage(), e));
            } finally {
                for (PathLock l : locks) {
                    try {
                        l.close();
                    } catch (IOException e) {
                        // The lock file's descriptor is closed either way; the OS has released the lock.
                    }
                }
            }
        }, this::execute));
    }

    /** On the pool; after {@link #awaitAll} (a build still running when the run ended early), on the caller's thread. */
    private void execute(Runnable r) {
        try {
            pool.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            r.run();
        }
    }

    private void fail(BuildException e) {
        failures.add(e);
        onFailure.run();
    }

    /** Whether a commit has failed so far. */
    boolean failed() {
        return !failures.isEmpty();
    }

    /** Waits for every submitted commit; returns the failures. */
    List<BuildException> awaitAll() {
        for (CompletableFuture<Void> f : committed.values()) f.join();
        pool.shutdown();
        synchronized (failures) {
            return new ArrayList<>(failures);
        }
    }
}

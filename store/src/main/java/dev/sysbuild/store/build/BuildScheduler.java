package dev.sysbuild.store.build;

import dev.sysbuild.store.derivation.Derivation;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.local.PathLock;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Realises derivations: builds every derivation reachable from the top whose outputs are not
 * valid, dependencies first, at most {@code jobs} at once.
 *
 * <p>This thread decides; a pool of threads runs builds, at most {@code jobs} builders at once
 * (a semaphore); a build that is the only one that can run runs on this thread. Committing
 * finished outputs, which mostly waits for the disk, happens in the background ({@link
 * BuildCommits}) and overlaps with the next builders. Before a build is handed to the pool,
 * this thread takes the locks of all its outputs without waiting: a derivation whose outputs
 * another process is building is set aside and tried again a little later, while other ready
 * builds go ahead. Once the locks are held, outputs found valid (the other process finished
 * them) count as built; otherwise the build runs and registers, and only then are the locks
 * released. So two processes never build one output, and neither waits while it has other work.
 *
 * <p>When a build fails, the builds already running finish, nothing new starts, and
 * {@link BuildFailedException} lists every failure.
 */
public final class BuildScheduler {
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final LocalStore store;
    private final BuildSettings settings;
    private final BuildProgress progress;
    /** A seam for tests, passed to every build: runs between a successful builder and registration. */
    Runnable beforeRegister = () -> {};
    /** A seam for tests, passed to every build: runs in each background commit before it writes anything. */
    java.util.function.Consumer<StorePath> beforeCommit = drv -> {};

    public BuildScheduler(LocalStore store, BuildSettings settings, BuildProgress progress) {
        this.store = store;
        this.settings = settings;
        this.progress = progress;
    }

    /** What a run did. */
    public record Summary(int built, int foundBuilt) {}

    private record Finished(BuildGraph.Node node, BuildException failure, boolean notStarted) {}

    private record Deferred(BuildGraph.Node node, long retryAt) {}

    /**
     * Builds {@code tops} and everything they need.
     *
     * @param derivations the derivation at a {@code .drv} path (those evaluation produced, or read
     *     from the store)
     * @throws BuildFailedException when a build fails; nothing of it is registered
     * @throws IOException when the store cannot be read or written, or a derivation is unknown
     */
    public Summary realise(Collection<StorePath> tops, Function<StorePath, Optional<Derivation>> derivations)
            throws BuildFailedException, IOException {
        BuildGraph graph = BuildGraph.of(store, tops, derivations);
        AtomicBoolean stopped = new AtomicBoolean();
        BuildJob job = new BuildJob(store, settings, graph, stopped::get,
                n -> progress.started(print(n), n.drv.name()));
        job.beforeRegister = beforeRegister;
        job.beforeCommit = n -> beforeCommit.accept(n.drvPath);
        int workers = settings.jobs() + Math.max(2, settings.jobs());
        BuildCommits commits = new BuildCommits(graph, workers, () -> stopped.set(true));
        progress.planned(graph.nodes.size());
        Deque<BuildGraph.Node> ready = new ArrayDeque<>();
        for (BuildGraph.Node n : graph.nodes) {
            if (n.waitingFor == 0) ready.add(n);
        }
        List<Deferred> deferred = new ArrayList<>();
        List<BuildException> failures = new ArrayList<>();
        LinkedBlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "sysbuild-build");
            t.setDaemon(true);
            return t;
        });
        List<BuildException> commitFailures;
        int running = 0;
        int built = 0;
        int foundBuilt = 0;
        try {
            while (true) {
                while (failures.isEmpty() && !commits.failed() && running < workers) {
                    BuildGraph.Node n = next(ready, deferred);
                    if (n == null) break;
                    Optional<List<PathLock>> locks = tryLockOutputs(n);
                    if (locks.isEmpty()) {
                        deferred.add(new Deferred(n, System.nanoTime() + RETRY_NANOS));
                        continue;
                    }
                    List<StorePath> invalid = invalidOutputs(n);
                    if (invalid.isEmpty()) {
                        release(locks.get());
                        foundBuilt++;
                        progress.finished(print(n), n.drv.name());
                        done(n, ready);
                        continue;
                    }
                    List<PathLock> held = locks.get();
                    boolean alone = running == 0 && ready.isEmpty() && deferred.isEmpty();
                    running++;
                    if (alone) {
                        // Nothing else can run until this build is done (a chain): build on this thread.
                        // Two hand-offs between threads fewer per build, each a wait for a core when the machine is busy.
                        finished.add(runHolding(job, commits, n, invalid, held));
                    } else {
                        pool.execute(() -> finished.add(runHolding(job, commits, n, invalid, held)));
                    }
                }
                if (running == 0 && (!failures.isEmpty() || commits.failed() || (ready.isEmpty() && deferred.isEmpty()))) {
                    break;
                }
                Finished f = running > 0 ? finished.poll(RETRY_NANOS, TimeUnit.NANOSECONDS) : null;
                if (f == null) {
                    if (running == 0) TimeUnit.NANOSECONDS.sleep(RETRY_NANOS);
                    continue;
                }
                running--;
                if (f.notStarted()) {
                    continue; // the run stopped while it waited for a builder slot; counted as not started
                } else if (f.failure() != null) {
                    failures.add(f.failure());
                    stopped.set(true);
                } else {
                    built++;
                    progress.finished(print(f.node()), f.node().drv.name());
                    done(f.node(), ready);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building", e);
        } finally {
            pool.shutdown();
            // Nothing is reported built (and no result link made) before it is valid.
            commitFailures = commits.awaitAll();
            progress.close();
        }
        if (!failures.isEmpty() || !commitFailures.isEmpty()) {
            int notStarted = graph.nodes.size() - built - foundBuilt - failures.size();
            failures.addAll(commitFailures);
            throw new BuildFailedException(failures, notStarted);
        }
        if (built + foundBuilt != graph.nodes.size()) {
            throw new IllegalStateException("scheduler finished with " + (graph.nodes.size() - built - foundBuilt)
                    + " derivations neither built nor failed");
        }
        return new Summary(built, foundBuilt);
    }

    /** A ready build, else a set-aside one whose retry time has come, else null. */
    private static BuildGraph.Node next(Deque<BuildGraph.Node> ready, List<Deferred> deferred) {
        if (!ready.isEmpty()) return ready.poll();
        long now = System.nanoTime();
        for (int i = 0; i < deferred.size(); i++) {
            if (deferred.get(i).retryAt() - now <= 0) return deferred.remove(i).node();
        }
        return null;
    }

    private static void done(BuildGraph.Node n, Deque<BuildGraph.Node> ready) {
        for (BuildGraph.Node d : n.dependents) {
            if (--d.waitingFor == 0) ready.add(d);
        }
    }

    /**
     * Runs a build (on a pool thread, or this one); every failure becomes a message. A build that succeeded is handed to
     * {@code commits} with its locks (released once its outputs are valid); otherwise the locks are
     * released here.
     */
    private Finished runHolding(BuildJob job, BuildCommits commits, BuildGraph.Node n, List<StorePath> invalid,
            List<PathLock> locks) {
        boolean handedOver = false;
        try {
            LocalStore.PreparedRegistration prepared = job.run(n, invalid);
            commits.submit(n, print(n), locks, () -> {
                job.commit(n, prepared);
                // Built and registered: the lock files have done their work (Nix deletes them here too).
                for (PathLock l : locks) l.deleteFileQuietly();
            });
            handedOver = true;
            return new Finished(n, null, false);
        } catch (BuildJob.NotStarted e) {
            return new Finished(n, null, true);
        } catch (BuildException e) {
            return new Finished(n, e, false);
        } catch (IOException | RuntimeException e) {
            return new Finished(n, new BuildException("building '" + print(n) + "' failed: " + e.getMessage(), e), false);
        } finally {
            if (!handedOver) {
                try {
                    release(locks);
                } catch (IOException e) {
                    // The lock file's descriptor is closed either way; the OS has released the lock.
                }
            }
        }
    }

    /** All output locks, in path order, or none if another holder has any of them. */
    private Optional<List<PathLock>> tryLockOutputs(BuildGraph.Node n) throws IOException {
        List<PathLock> held = new ArrayList<>();
        for (StorePath out : n.outputs.values()) {
            Optional<PathLock> l = store.tryLockPath(out);
            if (l.isEmpty()) {
                release(held);
                return Optional.empty();
            }
            held.add(l.get());
        }
        return Optional.of(held);
    }

    /** The outputs of {@code n} that are not valid (looked at under their locks, so none becomes valid meanwhile). */
    private List<StorePath> invalidOutputs(BuildGraph.Node n) throws IOException {
        List<StorePath> invalid = new ArrayList<>();
        for (StorePath out : n.outputs.values()) {
            if (!store.isValid(out)) invalid.add(out);
        }
        return invalid;
    }

    private static void release(List<PathLock> locks) throws IOException {
        for (PathLock l : locks) l.close();
    }

    private String print(BuildGraph.Node n) {
        return store.storeDir().print(n.drvPath);
    }
}

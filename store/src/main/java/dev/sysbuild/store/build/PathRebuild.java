package dev.sysbuild.store.build;

import dev.sysbuild.store.derivation.Derivation;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.local.PathInfo;
import dev.sysbuild.store.local.PathLock;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * {@code store verify --repair}: puts a damaged valid path right by running its derivation's
 * builder again (the deriver the database records), as {@code nix-store --verify --repair} does.
 * The new tree must have the recorded NAR hash, so only reproducible builders repair; otherwise
 * the damaged path is left exactly as it was and the error says why.
 */
public final class PathRebuild {
    private PathRebuild() {}

    /** What happened to one damaged path: repaired, or why not. */
    public record Outcome(StorePath path, Optional<String> error) {}

    /**
     * Repairs every path of {@code damaged}, each after the damaged paths it references (so a
     * builder reads sound inputs), each derivation once. A path that cannot be repaired is
     * reported and the others still go ahead.
     */
    public static List<Outcome> repairAll(LocalStore store, BuildSettings settings, Collection<StorePath> damaged,
            Function<StorePath, Optional<Derivation>> derivations) throws IOException {
        List<Outcome> out = new ArrayList<>();
        Set<StorePath> done = new HashSet<>();
        for (StorePath p : dependenciesFirst(store, damaged)) {
            if (done.contains(p)) {
                out.add(new Outcome(p, Optional.empty()));
                continue;
            }
            try {
                done.addAll(repair(store, settings, p, derivations));
                out.add(new Outcome(p, Optional.empty()));
            } catch (Exception e) {
                out.add(new Outcome(p, Optional.of(e.getMessage() != null ? e.getMessage() : e.toString())));
            }
        }
        return out;
    }

    private static List<StorePath> dependenciesFirst(LocalStore store, Collection<StorePath> paths) throws IOException {
        Set<StorePath> wanted = new TreeSet<>(paths);
        List<StorePath> order = new ArrayList<>();
        Set<StorePath> visiting = new HashSet<>();
        for (StorePath p : wanted) visit(store, p, wanted, visiting, order);
        return order;
    }

    private static void visit(LocalStore store, StorePath p, Set<StorePath> wanted, Set<StorePath> seen,
            List<StorePath> order) throws IOException {
        if (!seen.add(p)) return;
        Optional<PathInfo> info = store.queryPathInfo(p);
        if (info.isPresent()) {
            for (StorePath r : info.get().references()) {
                if (wanted.contains(r) && !r.equals(p)) visit(store, r, wanted, seen, order);
            }
        }
        order.add(p);
    }

    /**
     * Rebuilds the derivation that produced {@code damaged} and replaces every valid output of it.
     * The derivation's inputs must be valid and sound (repair them first).
     *
     * @return the outputs that were replaced
     */
    public static List<StorePath> repair(LocalStore store, BuildSettings settings, StorePath damaged,
            Function<StorePath, Optional<Derivation>> derivations) throws Exception {
        String shown = store.storeDir().print(damaged);
        PathInfo info = store.queryPathInfo(damaged).orElseThrow(() -> new IOException("cannot repair '" + shown
                + "': it is not valid"));
        StorePath drvPath = info.deriver().orElseThrow(() -> new IOException("cannot repair '" + shown
                + "': the store does not record the derivation that built it (it was added, not built);"
                + " use --repair-from ARCHIVE with a good copy"));
        Derivation drv = derivations.apply(drvPath).orElseThrow(() -> new IOException("cannot repair '" + shown
                + "': its derivation '" + store.storeDir().print(drvPath) + "' is not in the store any more"));
        SortedMap<String, StorePath> outputs = BuildGraph.outputPaths(store.storeDir(), drvPath, drv);
        if (!outputs.containsValue(damaged)) {
            throw new IOException("cannot repair '" + shown + "': its recorded derivation '"
                    + store.storeDir().print(drvPath) + "' does not produce it");
        }
        BuildGraph graph = BuildGraph.of(store, List.of(), derivations);
        BuildJob job = new BuildJob(store, settings, graph, () -> false, n -> { });
        BuildGraph.Node node = new BuildGraph.Node(drvPath, drv, outputs);
        List<PathLock> locks = new ArrayList<>();
        try {
            for (StorePath out : outputs.values()) locks.add(store.lockPath(out)); // sorted: no deadlock
            List<StorePath> valid = new ArrayList<>();
            for (StorePath out : outputs.values()) {
                if (store.isValid(out)) valid.add(out);
                else Trees.deleteRecursively(store.layout().physical(out)); // leftovers of a crashed attempt
            }
            store.rebuildInPlace(valid, () -> {
                try {
                    job.buildOutputs(node);
                } finally {
                    // An output that is not valid (collected since) is not ours to keep.
                    for (StorePath out : outputs.values()) {
                        if (!valid.contains(out)) Trees.deleteRecursively(store.layout().physical(out));
                    }
                }
            });
            return valid;
        } finally {
            for (PathLock l : locks) l.close();
        }
    }
}

package dev.sysbuild.store.build;

import dev.sysbuild.store.derivation.Derivation;
import dev.sysbuild.store.derivation.DerivationOutput;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The derivations a run must build: those reachable from the top whose outputs are not all
 * valid. The walk stops at a derivation whose wanted outputs are valid, so a no-op rebuild reads
 * one info file per top output and nothing else.
 */
final class BuildGraph {
    /** One derivation to build, with the builds it waits for and the builds waiting for it. */
    static final class Node {
        final StorePath drvPath;
        final Derivation drv;
        final SortedMap<String, StorePath> outputs;
        final List<Node> dependents = new ArrayList<>();
        int waitingFor;

        Node(StorePath drvPath, Derivation drv, SortedMap<String, StorePath> outputs) {
            this.drvPath = drvPath;
            this.drv = drv;
            this.outputs = outputs;
        }
    }

    private final LocalStore store;
    private final Function<StorePath, Optional<Derivation>> derivations;
    private final Map<StorePath, Optional<Node>> visited = new HashMap<>();
    final List<Node> nodes = new ArrayList<>();

    private BuildGraph(LocalStore store, Function<StorePath, Optional<Derivation>> derivations) {
        this.store = store;
        this.derivations = derivations;
    }

    /**
     * @throws IOException for a derivation that is not known, or an output path that is not in
     *     the store directory
     */
    static BuildGraph of(LocalStore store, Collection<StorePath> tops,
            Function<StorePath, Optional<Derivation>> derivations) throws IOException {
        BuildGraph g = new BuildGraph(store, derivations);
        for (StorePath top : tops) g.visit(top);
        return g;
    }

    Derivation derivation(StorePath drvPath) throws IOException {
        return derivations.apply(drvPath).orElseThrow(() -> new IOException("derivation '"
                + store.storeDir().print(drvPath) + "' is not known: it was neither evaluated in this run nor found"
                + " in the store"));
    }

    /** The node for {@code drvPath}, or empty if its outputs are all valid already. */
    private Optional<Node> visit(StorePath drvPath) throws IOException {
        Optional<Node> seen = visited.get(drvPath);
        if (seen != null) return seen;
        Derivation drv = derivation(drvPath);
        SortedMap<String, StorePath> outputs = outputPaths(store.storeDir(), drvPath, drv);
        if (allValid(outputs.values())) {
            visited.put(drvPath, Optional.empty());
            return Optional.empty();
        }
        Node node = new Node(drvPath, drv, outputs);
        visited.put(drvPath, Optional.of(node));
        for (Map.Entry<String, Set<String>> input : drv.inputDrvs().entrySet()) {
            StorePath inputPath = store.storeDir().parse(input.getKey());
            SortedMap<String, StorePath> inputOutputs = outputPaths(store.storeDir(), inputPath, derivation(inputPath));
            List<StorePath> wanted = new ArrayList<>();
            for (String w : input.getValue()) {
                StorePath p = inputOutputs.get(w);
                if (p == null) {
                    throw new IOException("derivation '" + store.storeDir().print(drvPath) + "' wants output '" + w
                            + "' of '" + input.getKey() + "', which has no such output");
                }
                wanted.add(p);
            }
            if (allValid(wanted)) continue;
            Optional<Node> dep = visit(inputPath);
            if (dep.isPresent()) {
                dep.get().dependents.add(node);
                node.waitingFor++;
            }
        }
        nodes.add(node);
        return Optional.of(node);
    }

    private boolean allValid(Collection<StorePath> paths) throws IOException {
        for (StorePath p : paths) {
            if (!store.isValid(p)) return false;
        }
        return true;
    }

    static SortedMap<String, StorePath> outputPaths(StoreDir dir, StorePath drvPath, Derivation drv) throws IOException {
        SortedMap<String, StorePath> outputs = new TreeMap<>();
        for (Map.Entry<String, DerivationOutput> o : drv.outputs().entrySet()) {
            if (o.getValue().path().isEmpty()) {
                throw new IOException("derivation '" + dir.print(drvPath) + "' has no path for output '" + o.getKey()
                        + "' (floating content-addressed outputs are not supported)");
            }
            outputs.put(o.getKey(), dir.parse(o.getValue().path()));
        }
        return outputs;
    }
}

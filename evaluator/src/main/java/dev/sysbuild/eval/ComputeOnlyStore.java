package dev.sysbuild.eval;

import dev.sysbuild.store.derivation.Derivation;
import dev.sysbuild.store.derivation.DerivationHasher;
import dev.sysbuild.store.derivation.InstantiatedDerivation;
import dev.sysbuild.store.nar.NarFilter;
import dev.sysbuild.store.path.IngestionMethod;
import dev.sysbuild.store.path.PathImport;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store of evaluation-only commands ({@code eval}, {@code parse}, {@code repl}), as
 * {@code nix-instantiate --eval} has it: every path is computed, nothing is written or copied.
 * What it computed it remembers in memory (references, derivations), so a derivation can use
 * another's {@code drvPath} or outputs as inputs, and {@code builtins.path} with a {@code sha256}
 * finds a path imported earlier. It knows nothing about paths it did not compute.
 */
public final class ComputeOnlyStore implements EvalStore {
    private final StoreDir storeDir;
    private final DerivationHasher hasher;
    private final Map<StorePath, Set<StorePath>> references = new HashMap<>();
    private final Map<StorePath, Derivation> derivations = new HashMap<>();

    public ComputeOnlyStore(StoreDir storeDir) {
        this.storeDir = storeDir;
        this.hasher = new DerivationHasher(storeDir);
    }

    @Override
    public StoreDir storeDir() {
        return storeDir;
    }

    @Override
    public synchronized StorePath addPath(Path source, String name, IngestionMethod method, NarFilter filter,
            Collection<StorePath> refs) throws IOException {
        StorePath p = method == IngestionMethod.RECURSIVE
                ? PathImport.recursive(storeDir, source, name, filter, refs)
                : PathImport.flat(storeDir, source, name);
        remember(p, method == IngestionMethod.RECURSIVE ? refs : Set.of());
        return p;
    }

    @Override
    public synchronized StorePath addText(String name, byte[] contents, Collection<StorePath> refs) {
        StorePath p = storeDir.textPath(name, contents, refs);
        remember(p, refs);
        return p;
    }

    @Override
    public synchronized InstantiatedDerivation addDerivation(Derivation draft) {
        InstantiatedDerivation done = hasher.instantiate(draft);
        Derivation drv = done.derivation();
        // A .drv refers to its sources and input derivations, never to its outputs.
        Set<StorePath> refs = new HashSet<>();
        for (String src : drv.inputSrcs()) refs.add(storeDir.parse(src));
        for (String input : drv.inputDrvs().keySet()) refs.add(storeDir.parse(input));
        remember(done.drvPath(), refs);
        derivations.put(done.drvPath(), drv);
        return done;
    }

    @Override
    public synchronized Optional<Derivation> derivation(StorePath drvPath) {
        return Optional.ofNullable(derivations.get(drvPath));
    }

    @Override
    public synchronized Optional<Set<StorePath>> references(StorePath path) {
        return Optional.ofNullable(references.get(path));
    }

    private void remember(StorePath p, Collection<StorePath> refs) {
        references.putIfAbsent(p, Set.copyOf(refs));
    }
}

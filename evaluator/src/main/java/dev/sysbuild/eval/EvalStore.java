package dev.sysbuild.eval;

import dev.sysbuild.store.derivation.Derivation;
import dev.sysbuild.store.derivation.InstantiatedDerivation;
import dev.sysbuild.store.nar.NarFilter;
import dev.sysbuild.store.path.IngestionMethod;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The store as evaluation uses it, and the evaluator's only way into one: sources imported by
 * content ({@code "${./p}"}, {@code builtins.path}, {@code filterSource}), texts
 * ({@code builtins.toFile}) and derivations go in; what the store knows about a path (its
 * references, the derivation a {@code .drv} holds) comes out.
 *
 * <p>Commands that only evaluate use {@link ComputeOnlyStore}, which computes every path exactly
 * as a writing store would and writes nothing. A store that writes (for {@code build}) implements
 * the same methods and must arrive at the same paths, so it computes them with the same {@code
 * store} code ({@link dev.sysbuild.store.path.PathImport}, {@link
 * dev.sysbuild.store.derivation.DerivationHasher}).
 */
public interface EvalStore {
    /** The logical store directory all paths here are in. */
    StoreDir storeDir();

    /**
     * Imports a file or tree by content: {@code recursive} hashes its NAR (a {@code source} path),
     * {@code flat} the bytes of a regular file (a fixed {@code output:out} path).
     *
     * @param filter which entries below the root to keep (recursive only); an unchecked exception
     *     it throws (an evaluation error in a Nix filter function) passes through unchanged
     * @param references empty, except for a source that is itself in the store: Nix 2.8 carries
     *     that path's references over (notes §6)
     * @throws IOException when the source cannot be read
     */
    StorePath addPath(Path source, String name, IngestionMethod method, NarFilter filter,
            Collection<StorePath> references) throws IOException;

    /** {@code builtins.toFile}: a {@code text} path whose references come from string context. */
    StorePath addText(String name, byte[] contents, Collection<StorePath> references);

    /**
     * Fills in the output paths of a draft derivation and gives its {@code .drv} path; the store
     * keeps it, so later derivations can use it as an input.
     *
     * @throws IllegalArgumentException when the derivation cannot be instantiated (an input
     *     derivation the store does not know, an invalid name, a bad fixed-output shape)
     */
    InstantiatedDerivation addDerivation(Derivation draft);

    /** The derivation a {@code .drv} path holds, if this store knows it. */
    Optional<Derivation> derivation(StorePath drvPath);

    /** The references of a store path, if this store knows the path. */
    Optional<Set<StorePath>> references(StorePath path);

    /** Whether the store holds {@code path} (for compute-only stores: computed in this evaluation). */
    default boolean isValid(StorePath path) {
        return references(path).isPresent();
    }
}

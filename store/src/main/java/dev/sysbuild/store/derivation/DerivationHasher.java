package dev.sysbuild.store.derivation;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.path.FixedOutputHash;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Computes what a derivation's paths are, as Nix 2.8 does ({@code hashDerivationModulo} in
 * {@code derivations.cc}, the {@code derivation} primop in {@code primops.cc}):
 *
 * <ul>
 *   <li>the <em>modulo hash</em> of a derivation: for a fixed-output one, sha256 of
 *       {@code fixed:out:[r:]<algo>:<base16>:<out path>}, so how it is built does not matter to
 *       what depends on it; otherwise sha256 of its ATerm with each input {@code .drv} path
 *       replaced by that input's modulo hash (memoised per {@code .drv} path);
 *   <li>output paths: {@code output:<name>} over the modulo hash of the derivation with its own
 *       output paths blanked; fixed outputs from their content hash;
 *   <li>the {@code .drv} path: a {@code text} path over the ATerm, whose references are the
 *       input sources and input derivations (not the outputs).
 * </ul>
 *
 * <p>Input derivations are looked up first among those this hasher instantiated, then through the
 * loader (which would read a {@code .drv} from the store). Not thread-safe; use one per evaluation.
 */
public final class DerivationHasher {
    private final StoreDir storeDir;
    private final Function<String, Derivation> loader;
    private final Map<String, Derivation> known = new HashMap<>();
    private final Map<String, Map<String, Hash>> moduloByPath = new HashMap<>();

    /**
     * @param loader full {@code .drv} path to its derivation, for inputs not instantiated here; it
     *     may return {@code null} for an unknown path
     */
    public DerivationHasher(StoreDir storeDir, Function<String, Derivation> loader) {
        this.storeDir = storeDir;
        this.loader = loader;
    }

    /** A hasher that knows only the derivations it instantiates itself. */
    public DerivationHasher(StoreDir storeDir) {
        this(storeDir, path -> null);
    }

    public StoreDir storeDir() {
        return storeDir;
    }

    /**
     * Fills in the output paths of {@code draft} (outputs and the env variables named after them)
     * and computes its {@code .drv} path. The result is remembered, so later derivations may use
     * it as an input.
     */
    public InstantiatedDerivation instantiate(Derivation draft) {
        Derivation drv = withOutputPaths(draft);
        Hash atermHash = HashAlgo.SHA256.hash(drv.toATerm());
        StorePath drvPath = drvPath(drv, atermHash);
        String printed = storeDir.print(drvPath);
        remember(printed, drv);
        if (drv.inputDrvs().isEmpty() && !isFixedOutput(drv)) {
            // Without input derivations the modulo form is the ATerm itself: its hash is at hand,
            // where a dependent would otherwise write and hash the whole text once more.
            Map<String, Hash> modulo = new TreeMap<>();
            for (String o : drv.outputs().keySet()) modulo.put(o, atermHash);
            moduloByPath.put(printed, modulo);
        }
        return new InstantiatedDerivation(drvPath, drv);
    }

    /** Makes {@code drv} known under its full {@code .drv} path, as an input for others. */
    public void remember(String drvPath, Derivation drv) {
        known.put(drvPath, drv);
    }

    /**
     * {@code draft} with every output path computed: fixed outputs from their content hash,
     * input-addressed ones from the masked modulo hash. Existing paths in the draft are ignored.
     */
    public Derivation withOutputPaths(Derivation draft) {
        if (isFixedOutput(draft)) {
            FixedOutputHash hash = draft.outputs().get("out").fixedHash().orElseThrow();
            String out = storeDir.print(storeDir.fixedOutputPath(draft.name(), hash));
            return draft.withOutput("out", draft.outputs().get("out").withPath(out)).withEnv("out", out);
        }
        Derivation masked = masked(draft);
        Hash h = hashModulo(masked, true).get(draft.outputs().keySet().iterator().next());
        Map<String, DerivationOutput> outputs = new TreeMap<>();
        for (String o : draft.outputs().keySet()) {
            outputs.put(o, DerivationOutput.inputAddressed(storeDir.print(storeDir.outputPath(draft.name(), o, h))));
        }
        return masked.withOutputsInEnv(outputs);
    }

    /**
     * Step 1 of computing input-addressed output paths: every output without a path and every
     * output's env variable set to {@code ""} (added if the draft lacks it, as Nix 2.8 does).
     */
    public static Derivation masked(Derivation draft) {
        Map<String, DerivationOutput> deferred = new TreeMap<>();
        for (String o : draft.outputs().keySet()) deferred.put(o, DerivationOutput.deferred());
        return draft.withOutputsInEnv(deferred);
    }

    /**
     * The {@code .drv} file's store path: text path named {@code <name>.drv} over the ATerm, with
     * the input sources and input derivations as references.
     */
    public StorePath drvPath(Derivation drv) {
        return drvPath(drv, HashAlgo.SHA256.hash(drv.toATerm()));
    }

    private StorePath drvPath(Derivation drv, Hash atermHash) {
        List<StorePath> refs = new ArrayList<>();
        for (String src : drv.inputSrcs()) refs.add(storeDir.parse(src));
        for (String input : drv.inputDrvs().keySet()) refs.add(storeDir.parse(input));
        return storeDir.textPath(drv.name() + StorePath.DRV_EXTENSION, atermHash, refs);
    }

    /**
     * Nix's {@code hashDerivationModulo}: output name to hash. Fixed-output derivations give
     * {@code out} the hash of their {@code fixed:out:} line; otherwise every output gets the one
     * hash of the ATerm whose input derivations are replaced by their modulo hashes (inputs with
     * the same hash merge, with the union of the wanted outputs).
     *
     * @param maskOutputs hash the form with output paths blanked (to compute output paths)
     */
    public Map<String, Hash> hashModulo(Derivation drv, boolean maskOutputs) {
        if (isFixedOutput(drv)) {
            DerivationOutput out = drv.outputs().get("out");
            FixedOutputHash hash = out.fixedHash().orElseThrow();
            String path = storeDir.print(storeDir.fixedOutputPath(drv.name(), hash));
            String line = "fixed:out:" + hash.methodAlgo() + ":" + hash.hash().toBase16() + ":" + path;
            return Map.of("out", sha256(line));
        }
        Hash h = HashAlgo.SHA256.hash(hashedATerm(drv, maskOutputs));
        Map<String, Hash> result = new TreeMap<>();
        for (String o : drv.outputs().keySet()) result.put(o, h);
        return result;
    }

    /**
     * The exact text {@link #hashModulo} hashes for a derivation that is not fixed-output: the
     * ATerm with input derivations replaced by their modulo hashes (sorted by that hex string),
     * and, if {@code maskOutputs}, output paths and output env values blanked. When a computed
     * path differs from Nix's, compare this text with what Nix hashes.
     */
    public byte[] hashedATerm(Derivation drv, boolean maskOutputs) {
        Map<String, Set<String>> replaced = new TreeMap<>();
        for (Map.Entry<String, Set<String>> input : drv.inputDrvs().entrySet()) {
            Map<String, Hash> hashes = moduloOf(input.getKey());
            for (String wanted : input.getValue()) {
                Hash h = hashes.get(wanted);
                if (h == null) {
                    throw new IllegalArgumentException("derivation '" + input.getKey() + "' has no output '" + wanted
                            + "', but '" + drv.name() + "' uses it");
                }
                replaced.computeIfAbsent(h.toBase16(), k -> new TreeSet<>()).add(wanted);
            }
        }
        return ATermWriter.write(drv, maskOutputs, replaced);
    }

    /** The unmasked modulo hashes of the derivation at {@code drvPath}, computed once. */
    public Map<String, Hash> moduloOf(String drvPath) {
        Map<String, Hash> cached = moduloByPath.get(drvPath);
        if (cached != null) return cached;
        Derivation drv = known.get(drvPath);
        if (drv == null) drv = loader.apply(drvPath);
        if (drv == null) {
            throw new IllegalArgumentException("input derivation '" + drvPath
                    + "' is unknown: instantiate it first or give the hasher a loader that reads it");
        }
        Map<String, Hash> computed = hashModulo(drv, false);
        moduloByPath.put(drvPath, computed);
        return computed;
    }

    /**
     * Whether {@code drv} is fixed-output: its only output is {@code out} with a content hash.
     *
     * @throws IllegalArgumentException for shapes Nix 2.8 refuses (several fixed outputs, a fixed
     *     output not named {@code out}, fixed mixed with input-addressed) and for floating
     *     content-addressed outputs, which are experimental in Nix and not supported here
     */
    public static boolean isFixedOutput(Derivation drv) {
        if (drv.outputs().isEmpty()) {
            throw new IllegalArgumentException("derivation '" + drv.name() + "' has no outputs");
        }
        int fixed = 0; // a loop, not a stream: this runs twice for each of a system's thousands of derivations
        for (DerivationOutput o : drv.outputs().values()) {
            if (o.isFloating()) {
                throw new IllegalArgumentException("derivation '" + drv.name()
                        + "' has a floating content-addressed output; those (experimental in Nix) are not supported");
            }
            if (o.isFixed()) fixed++;
        }
        if (fixed == 0) return false;
        if (drv.outputs().size() != 1) {
            throw new IllegalArgumentException("derivation '" + drv.name()
                    + "' mixes a fixed output with others; a fixed-output derivation has exactly one output, 'out'");
        }
        if (!drv.outputs().containsKey("out")) {
            throw new IllegalArgumentException("derivation '" + drv.name() + "': a fixed output must be named 'out'");
        }
        return true;
    }

    private static Hash sha256(String byteString) {
        return HashAlgo.SHA256.hash(byteString.getBytes(StandardCharsets.ISO_8859_1));
    }
}

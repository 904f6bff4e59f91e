package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.EvalStore;
import dev.sysbuild.language.diag.Span;
import dev.sysbuild.store.derivation.Derivation;
import dev.sysbuild.store.path.InvalidStorePathException;
import dev.sysbuild.store.path.StorePath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The inputs of a derivation, from the string context of its attributes (Nix 2.8's
 * {@code derivationStrict}): a plain path is a source; {@code !o!d} wants output {@code o} of
 * derivation {@code d}; {@code =d} (a {@code drvPath}) wants {@code d}'s whole closure, every path
 * in it as a source and every derivation in it with all its outputs.
 *
 * @param inputDrvs full {@code .drv} path to the output names wanted from it
 * @param inputSrcs full store paths
 */
record DerivationInputs(Map<String, Set<String>> inputDrvs, Set<String> inputSrcs) {
    /**
     * @param namePos where errors point: the derivation's name, as in Nix
     * @throws EvalException for a path outside the store, or a path or derivation the store does not know
     */
    static DerivationInputs of(Set<String> context, EvalStore store, Span namePos) {
        Map<String, Set<String>> drvs = new TreeMap<>();
        Set<String> srcs = new TreeSet<>();
        Lookup lookup = new Lookup(store, namePos);
        for (String element : context) {
            if (element.startsWith("=")) {
                for (StorePath p : lookup.closure(lookup.storePath(element.substring(1)))) {
                    String printed = store.storeDir().print(p);
                    srcs.add(printed);
                    if (p.isDerivation()) {
                        drvs.computeIfAbsent(printed, k -> new TreeSet<>()).addAll(lookup.derivation(p).outputs().keySet());
                    }
                }
            } else if (element.startsWith("!")) {
                int bang = element.indexOf('!', 1);
                String drv = element.substring(bang + 1);
                lookup.derivation(lookup.storePath(drv));
                drvs.computeIfAbsent(drv, k -> new TreeSet<>()).add(element.substring(1, bang));
            } else {
                lookup.storePath(element);
                srcs.add(element);
            }
        }
        return new DerivationInputs(drvs, srcs);
    }

    /** What the store knows, or an error that says what it does not. */
    private record Lookup(EvalStore store, Span namePos) {
        StorePath storePath(String full) {
            try {
                return store.storeDir().parse(full);
            } catch (InvalidStorePathException e) {
                throw EvalException.error("path '" + full + "' is not in the Nix store", namePos);
            }
        }

        /** The path and everything it refers to, directly or not. */
        Set<StorePath> closure(StorePath start) {
            Set<StorePath> seen = new HashSet<>();
            Deque<StorePath> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                StorePath p = todo.pop();
                if (!seen.add(p)) continue;
                todo.addAll(store.references(p).orElseThrow(() -> EvalException.error("path '"
                        + store.storeDir().print(p) + "' is not valid: this evaluation did not compute it", namePos)));
            }
            return seen;
        }

        /** An input derivation, which the store must know to hash it into the output paths. */
        Derivation derivation(StorePath drvPath) {
            return store.derivation(drvPath).orElseThrow(() -> EvalException.error("derivation '"
                    + store.storeDir().print(drvPath) + "' is not known to this evaluation: it was not computed here, "
                    + "and evaluation does not read derivations from the store", namePos));
        }
    }
}

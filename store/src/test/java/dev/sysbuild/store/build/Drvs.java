package dev.sysbuild.store.build;

import dev.sysbuild.store.derivation.Derivation;
import dev.sysbuild.store.derivation.DerivationHasher;
import dev.sysbuild.store.derivation.DerivationOutput;
import dev.sysbuild.store.derivation.InstantiatedDerivation;
import dev.sysbuild.store.path.FixedOutputHash;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Derivations for build tests, made as the evaluator makes them (a draft, then
 * {@link DerivationHasher#instantiate}), without the language. The {@code .drv} files are not
 * written: the scheduler gets them from {@link #lookup()}.
 */
final class Drvs {
    static final String SYSTEM = "test-system";

    final StoreDir dir = StoreDir.DEFAULT;
    private final DerivationHasher hasher = new DerivationHasher(dir);
    private final Map<StorePath, Derivation> all = new HashMap<>();

    /** A {@code /bin/sh -c SCRIPT} derivation; input {@code i}'s output is in {@code $in<i>}. */
    InstantiatedDerivation sh(String name, String script, InstantiatedDerivation... inputs) {
        Map<String, String> env = new TreeMap<>();
        for (int i = 0; i < inputs.length; i++) env.put("in" + i, out(inputs[i]));
        return make(name, "/bin/sh", List.of("-c", script), env, List.of(inputs), Set.of(), Optional.empty());
    }

    InstantiatedDerivation make(String name, String builder, List<String> args, Map<String, String> extraEnv,
            List<InstantiatedDerivation> inputs, Set<String> srcs, Optional<FixedOutputHash> fixed) {
        Map<String, String> env = new TreeMap<>(extraEnv);
        env.put("name", name);
        env.put("system", SYSTEM);
        env.put("builder", builder);
        Map<String, Set<String>> inputDrvs = new TreeMap<>();
        for (InstantiatedDerivation in : inputs) inputDrvs.put(dir.print(in.drvPath()), Set.of("out"));
        DerivationOutput out = fixed.map(h -> DerivationOutput.fixed("", h)).orElse(DerivationOutput.deferred());
        Derivation draft = new Derivation(name, Map.of("out", out), inputDrvs, new TreeSet<>(srcs), SYSTEM, builder,
                args, env);
        InstantiatedDerivation done = hasher.instantiate(draft);
        all.put(done.drvPath(), done.derivation());
        return done;
    }

    Function<StorePath, Optional<Derivation>> lookup() {
        return p -> Optional.ofNullable(all.get(p));
    }

    static String out(InstantiatedDerivation d) {
        return d.derivation().outputs().get("out").path();
    }

    StorePath outPath(InstantiatedDerivation d) {
        return dir.parse(out(d));
    }
}

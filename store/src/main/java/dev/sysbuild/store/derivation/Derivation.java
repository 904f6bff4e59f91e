package dev.sysbuild.store.derivation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A derivation: what to run to build some outputs, and everything it depends on. Immutable; maps
 * and sets are copied and iterate sorted (byte order, see the package comment), which is the
 * order the {@code .drv} file lists them in. {@code args} keep their order.
 *
 * @param name the derivation's name (not in the ATerm; it names the outputs and the {@code .drv})
 * @param outputs output name to output
 * @param inputDrvs full {@code .drv} path to the names of the outputs wanted from it
 * @param inputSrcs full store paths of the sources used
 * @param system e.g. {@code x86_64-linux}
 * @param builder the program to run
 * @param args its arguments
 * @param env its environment
 */
public record Derivation(
        String name,
        Map<String, DerivationOutput> outputs,
        Map<String, Set<String>> inputDrvs,
        Set<String> inputSrcs,
        String system,
        String builder,
        List<String> args,
        Map<String, String> env) {

    public Derivation {
        if (name == null || system == null || builder == null) throw new NullPointerException("derivation field is null");
        outputs = Collections.unmodifiableSortedMap(new TreeMap<>(outputs));
        TreeMap<String, Set<String>> drvs = new TreeMap<>();
        inputDrvs.forEach((path, wanted) -> drvs.put(path, sorted(wanted)));
        inputDrvs = Collections.unmodifiableSortedMap(drvs);
        inputSrcs = sorted(inputSrcs);
        args = List.copyOf(args);
        env = Collections.unmodifiableSortedMap(new TreeMap<>(env));
    }

    private static SortedSet<String> sorted(Set<String> s) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(s));
    }

    /** The {@code .drv} file's bytes: one line of ATerm, no trailing newline. */
    public byte[] toATerm() {
        return ATermWriter.write(this, false, null);
    }

    /**
     * Reads a {@code .drv} file.
     *
     * @param name the derivation's name, i.e. the {@code .drv} store path's name without {@code .drv}
     * @throws DerivationFormatException with the byte offset of the first thing that is wrong
     */
    public static Derivation parse(byte[] aterm, String name) {
        return new ATermParser(aterm, name).derivation();
    }

    /** This derivation with {@code output} (re)placed under {@code outputName}. */
    public Derivation withOutput(String outputName, DerivationOutput output) {
        Map<String, DerivationOutput> o = new TreeMap<>(outputs);
        o.put(outputName, output);
        return new Derivation(name, o, inputDrvs, inputSrcs, system, builder, args, env);
    }

    /**
     * This derivation with each of {@code replaced} (re)placed and the env variable named after it
     * set to its path, in one copy (what computing output paths does to every output).
     */
    public Derivation withOutputsInEnv(Map<String, DerivationOutput> replaced) {
        Map<String, DerivationOutput> o = new TreeMap<>(outputs);
        Map<String, String> e = new TreeMap<>(env);
        for (Map.Entry<String, DerivationOutput> r : replaced.entrySet()) {
            o.put(r.getKey(), r.getValue());
            e.put(r.getKey(), r.getValue().path());
        }
        return new Derivation(name, o, inputDrvs, inputSrcs, system, builder, args, e);
    }

    /** This derivation with {@code env[key] = value}. */
    public Derivation withEnv(String key, String value) {
        Map<String, String> e = new TreeMap<>(env);
        e.put(key, value);
        return new Derivation(name, outputs, inputDrvs, inputSrcs, system, builder, args, e);
    }
}

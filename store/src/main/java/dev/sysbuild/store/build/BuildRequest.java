package dev.sysbuild.store.build;

import dev.sysbuild.store.path.FixedOutputHash;
import dev.sysbuild.store.path.StorePath;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One build, as a builder sees it: what to run and where the outputs go. All paths are logical
 * ({@code /sysbuild/store/...}); strings are byte strings (one ISO-8859-1 char per byte), as the
 * derivation holds them.
 *
 * @param drvPath the derivation this build realises (for logs and messages)
 * @param name the derivation's name
 * @param builder the program, or {@code builtin:NAME}
 * @param env the derivation's environment (output variables included)
 * @param outputs output name to the store path the builder must create
 * @param inputClosure every store path the builder may read: the input sources and the wanted
 *     outputs of the input derivations, with everything they reference
 * @param fixedOutput the promised content hash of a fixed-output derivation
 */
public record BuildRequest(StorePath drvPath, String name, String builder, List<String> args,
        Map<String, String> env, SortedMap<String, StorePath> outputs, SortedSet<StorePath> inputClosure,
        Optional<FixedOutputHash> fixedOutput) {

    public BuildRequest {
        args = List.copyOf(args);
        env = Collections.unmodifiableSortedMap(new TreeMap<>(env));
        outputs = Collections.unmodifiableSortedMap(new TreeMap<>(outputs));
        inputClosure = Collections.unmodifiableSortedSet(new TreeSet<>(inputClosure));
    }

    /** An environment variable of the derivation, or {@code null}. */
    public String envVar(String key) {
        return env.get(key);
    }
}

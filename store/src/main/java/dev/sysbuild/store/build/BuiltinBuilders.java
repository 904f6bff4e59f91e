package dev.sysbuild.store.build;

import dev.sysbuild.store.path.InvalidStorePathException;
import dev.sysbuild.store.path.StorePath;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The builders written in Java, named {@code builtin:NAME} in a derivation: they run in this
 * process, need nothing from the host, and read only paths in their input closure.
 */
public final class BuiltinBuilders {
    private static final Map<String, Supplier<Builder>> BUILDERS = new TreeMap<>(Map.of(
            "builtin:fetchurl", FetchUrl::new,
            "builtin:buildenv", BuildEnv::new,
            "builtin:unpack", Unpack::new,
            "builtin:unpack-deb", DebUnpack::new,
            "builtin:sysbuild-tree", SysbuildTree::new));

    private BuiltinBuilders() {}

    /** The built-in builder called {@code name} ({@code builtin:fetchurl}, ...). */
    public static Optional<Builder> find(String name) {
        Supplier<Builder> b = BUILDERS.get(name);
        return b == null ? Optional.empty() : Optional.of(b.get());
    }

    /** The names, for error messages. */
    public static String names() {
        return String.join(", ", BUILDERS.keySet());
    }

    /** The environment variable {@code key}, which a built-in builder cannot do without. */
    static String required(BuildRequest req, String key) throws BuildException {
        String v = req.envVar(key);
        if (v == null) {
            throw new BuildException(req.builder() + " for '" + req.name() + "': the derivation has no '" + key
                    + "' attribute");
        }
        return v;
    }

    /** The physical place of {@code output}. */
    static Path output(BuildRequest req, BuildContext ctx, String output) throws BuildException {
        StorePath p = req.outputs().get(output);
        if (p == null) throw new BuildException(req.builder() + " for '" + req.name() + "' needs an output '" + output + "'");
        return ctx.layout().physical(p);
    }

    /**
     * The physical place of a logical path a built-in builder is asked to read, which must lie in
     * the build's input closure: a built-in builder sees no more than a sandboxed one would.
     */
    static Path input(BuildRequest req, BuildContext ctx, String logical) throws BuildException {
        StorePath p;
        try {
            p = ctx.layout().storeDir().storePathOf(logical);
        } catch (InvalidStorePathException e) {
            throw new BuildException(req.builder() + " for '" + req.name() + "': '" + logical
                    + "' is not in the store " + ctx.layout().storeDir().path());
        }
        if (!req.inputClosure().contains(p)) {
            throw new BuildException(req.builder() + " for '" + req.name() + "': '" + logical
                    + "' is not an input of the derivation (use it in the derivation's attributes so it is one)");
        }
        try {
            return ctx.layout().physical(logical);
        } catch (IllegalArgumentException e) {
            throw new BuildException(req.builder() + " for '" + req.name() + "': " + e.getMessage());
        }
    }
}

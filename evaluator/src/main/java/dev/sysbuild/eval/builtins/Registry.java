package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.value.PrimOp;
import dev.sysbuild.eval.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Where builtin groups put their functions and constants. */
public final class Registry {
    /** Names Nix also binds at the top level, not only under {@code builtins} and {@code __name}. */
    static final Set<String> TOP_LEVEL = Set.of("abort", "baseNameOf", "break", "derivation", "derivationStrict",
            "dirOf", "false", "fetchGit", "fetchMercurial", "fetchTarball", "fetchTree", "fromTOML", "import",
            "isNull", "map", "null", "placeholder", "removeAttrs", "scopedImport", "throw", "toString", "true");

    final Evaluator ev;
    final Map<String, Value> entries = new LinkedHashMap<>();

    Registry(Evaluator ev) {
        this.ev = ev;
    }

    public Evaluator evaluator() {
        return ev;
    }

    /** A builtin function taking {@code arity} arguments (unforced). */
    public void fn(String name, int arity, PrimOp.Impl impl) {
        entries.put(name, new PrimOp(name, arity, impl));
    }

    public void value(String name, Value v) {
        entries.put(name, v);
    }

    public Value get(String name) {
        return entries.get(name);
    }
}

package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.value.Value;

/** Small helpers shared by builtin groups. */
final class Args {
    private Args() {}

    static Value call(Value f, Value a) {
        return Calls.apply(f, a, null);
    }

    static Value call(Value f, Value a, Value b) {
        return Calls.apply(f, a, b, null);
    }
}

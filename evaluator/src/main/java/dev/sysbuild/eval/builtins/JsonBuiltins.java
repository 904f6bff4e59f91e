package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.print.JsonPrinter;
import dev.sysbuild.eval.value.NixString;
import java.util.Set;
import java.util.HashSet;

/** JSON: toJSON (the text keeps the store paths of the strings inside) and fromJSON. */
final class JsonBuiltins {
    private JsonBuiltins() {}

    static void register(Registry r) {
        Evaluator ev = r.evaluator();
        r.fn("toJSON", 1, a -> {
            // Collected in a hash set (the same store paths recur in big documents), sorted once.
            Set<String> context = new HashSet<>();
            String json = JsonPrinter.toJson(ev, a[0], context);
            return NixString.of(json, context);
        });
        r.fn("fromJSON", 1, a -> JsonParser.parse(DataStrings.contextFree(a[0], "fromJSON")));
    }
}

package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.value.Value;
import dev.sysbuild.eval.print.JsonPrinter;
import dev.sysbuild.eval.value.NixString;
import java.util.Set;
import java.util.HashSet;

/** JSON: toJSON (the text keeps the store paths of the strings inside) and fromJSON. */
final class JsonBuiltins {
    private JsonBuiltins() {}

    static void register(Registry r) {
        r.fn("toJSON", 1, new Fn(0, r));
        r.fn("fromJSON", 1, new Fn(1, r));
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinToJSON(a);
                case 1 -> builtinFromJSON(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code toJSON} */
        private Value builtinToJSON(Value[] a) {
            // Collected in a hash set (the same store paths recur in big documents), sorted once.
            Set<String> context = new HashSet<>();
            String json = JsonPrinter.toJson(ev, a[0], context);
            return NixString.of(json, context);
        }

        /** {@code fromJSON} */
        private Value builtinFromJSON(Value[] a) {
            return JsonParser.parse(DataStrings.contextFree(a[0], "fromJSON"));
        }
    }
}

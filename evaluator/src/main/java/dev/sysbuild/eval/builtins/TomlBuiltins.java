package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.value.Value;

/** TOML: fromTOML. */
final class TomlBuiltins {
    private TomlBuiltins() {}

    static void register(Registry r) {
        r.fn("fromTOML", 1, new Fn(0, r));
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinFromTOML(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code fromTOML} */
        private Value builtinFromTOML(Value[] a) {
            return TomlParser.parse(DataStrings.contextFree(a[0], "fromTOML"));
        }
    }
}

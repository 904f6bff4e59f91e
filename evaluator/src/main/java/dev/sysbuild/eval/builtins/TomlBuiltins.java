package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.value.Value;

/** TOML: fromTOML. */
final class TomlBuiltins {
    private TomlBuiltins() {}

    static void register(Registry r) {
        r.fn("fromTOML", 1, new Fn(0));
    }

    /**
     * This group's builtins as one class, chosen by number: as lambdas, each cost ~0.25 ms to
     * link when an evaluator was first made (~100 of them were most of its start-up).
     */
    private static final class Fn implements dev.sysbuild.eval.value.PrimOp.Impl {
        private final int id;

        Fn(int id) {
            this.id = id;
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

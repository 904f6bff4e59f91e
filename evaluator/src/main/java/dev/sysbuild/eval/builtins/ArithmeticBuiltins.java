package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Ops;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixFloat;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.Value;

/** Numbers: add, sub, mul, div, lessThan, bit operations, floor and ceil. */
final class ArithmeticBuiltins {
    private ArithmeticBuiltins() {}

    static void register(Registry r) {
        r.fn("add", 2, new Fn(0, r));
        r.fn("sub", 2, new Fn(1, r));
        r.fn("mul", 2, new Fn(2, r));
        r.fn("div", 2, new Fn(3, r));
        r.fn("lessThan", 2, new Fn(4, r));
        r.fn("bitAnd", 2, new Fn(5, r));
        r.fn("bitOr", 2, new Fn(6, r));
        r.fn("bitXor", 2, new Fn(7, r));
        r.fn("floor", 1, new Fn(8, r));
        r.fn("ceil", 1, new Fn(9, r));
    }

    private static Value number(Value v) {
        Value f = v.force();
        if (!Ops.isNumber(f)) throw Force.typeError("an integer or a float", f, null);
        return f;
    }

    private static Value round(Value original, double d) {
        Value f = original.force();
        if (f instanceof NixInt) return f;
        if (Double.isNaN(d) || d >= 9.223372036854775807E18 || d < -9.223372036854775808E18) {
            throw EvalException.error("float " + ((NixFloat) f).value + " does not fit in a 64-bit integer", null);
        }
        return NixInt.of((long) d);
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinAdd(a);
                case 1 -> builtinSub(a);
                case 2 -> builtinMul(a);
                case 3 -> builtinDiv(a);
                case 4 -> builtinLessThan(a);
                case 5 -> builtinBitAnd(a);
                case 6 -> builtinBitOr(a);
                case 7 -> builtinBitXor(a);
                case 8 -> builtinFloor(a);
                case 9 -> builtinCeil(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code add} */
        private Value builtinAdd(Value[] a) {
            return Ops.add(number(a[0]), number(a[1]), null);
        }

        /** {@code sub} */
        private Value builtinSub(Value[] a) {
            return Ops.sub(number(a[0]), number(a[1]), null);
        }

        /** {@code mul} */
        private Value builtinMul(Value[] a) {
            return Ops.mul(number(a[0]), number(a[1]), null);
        }

        /** {@code div} */
        private Value builtinDiv(Value[] a) {
            return Ops.div(number(a[0]), number(a[1]), null);
        }

        /** {@code lessThan} */
        private Value builtinLessThan(Value[] a) {
            return NixBool.of(Ops.lessThan(a[0], a[1], null));
        }

        /** {@code bitAnd} */
        private Value builtinBitAnd(Value[] a) {
            return NixInt.of(Force.integer(a[0], null) & Force.integer(a[1], null));
        }

        /** {@code bitOr} */
        private Value builtinBitOr(Value[] a) {
            return NixInt.of(Force.integer(a[0], null) | Force.integer(a[1], null));
        }

        /** {@code bitXor} */
        private Value builtinBitXor(Value[] a) {
            return NixInt.of(Force.integer(a[0], null) ^ Force.integer(a[1], null));
        }

        /** {@code floor} */
        private Value builtinFloor(Value[] a) {
            return round(a[0], Math.floor(Force.number(a[0], null)));
        }

        /** {@code ceil} */
        private Value builtinCeil(Value[] a) {
            return round(a[0], Math.ceil(Force.number(a[0], null)));
        }
    }
}

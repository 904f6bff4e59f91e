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
        r.fn("add", 2, a -> Ops.add(number(a[0]), number(a[1]), null));
        r.fn("sub", 2, a -> Ops.sub(number(a[0]), number(a[1]), null));
        r.fn("mul", 2, a -> Ops.mul(number(a[0]), number(a[1]), null));
        r.fn("div", 2, a -> Ops.div(number(a[0]), number(a[1]), null));
        r.fn("lessThan", 2, a -> NixBool.of(Ops.lessThan(a[0], a[1], null)));
        r.fn("bitAnd", 2, a -> NixInt.of(Force.integer(a[0], null) & Force.integer(a[1], null)));
        r.fn("bitOr", 2, a -> NixInt.of(Force.integer(a[0], null) | Force.integer(a[1], null)));
        r.fn("bitXor", 2, a -> NixInt.of(Force.integer(a[0], null) ^ Force.integer(a[1], null)));
        r.fn("floor", 1, a -> round(a[0], Math.floor(Force.number(a[0], null))));
        r.fn("ceil", 1, a -> round(a[0], Math.ceil(Force.number(a[0], null))));
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
}

package dev.sysbuild.eval;

import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.Node;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;
import java.util.function.Supplier;

/**
 * Suspended applications, for builtins that must stay lazy in their results (map, mapAttrs, genList),
 * and values that Java code computes on first use.
 */
public final class Lazy {
    private Lazy() {}

    private static final class ApplyNode extends Node {
        private final Value function;
        private final Value[] args;

        ApplyNode(Value function, Value[] args, Span span) {
            super(span);
            this.function = function;
            this.args = args;
        }

        @Override
        public Value eval(Env env) {
            Value f = function;
            for (Value a : args) f = Calls.apply(f, a, span);
            return f.force();
        }
    }

    private static final class SupplyNode extends Node {
        private final Supplier<Value> supplier;

        SupplyNode(Supplier<Value> supplier) {
            super(null);
            this.supplier = supplier;
        }

        @Override
        public Value eval(Env env) {
            return supplier.get().force();
        }
    }

    /** A value computed by Java code the first time it is forced. */
    public static Value of(Supplier<Value> supplier) {
        return new Thunk(new SupplyNode(supplier), null);
    }

    public static Value apply(Value f, Value arg) {
        return new Thunk(new ApplyNode(f, new Value[] {arg}, null), null);
    }

    public static Value apply(Value f, Value a, Value b) {
        return new Thunk(new ApplyNode(f, new Value[] {a, b}, null), null);
    }
}

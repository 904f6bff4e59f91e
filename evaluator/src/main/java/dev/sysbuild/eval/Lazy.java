package dev.sysbuild.eval;

import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.Node;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import java.util.function.Supplier;

/**
 * Suspended applications, for builtins that must stay lazy in their results (map, mapAttrs, genList),
 * and values that Java code computes on first use.
 */
public final class Lazy {
    private Lazy() {}

    /** {@code f a}, unevaluated. Fields rather than an argument array: map and genList make millions. */
    private static final class Apply1Node extends Node {
        private final Value function;
        private final Value arg;

        Apply1Node(Value function, Value arg) {
            super(null);
            this.function = function;
            this.arg = arg;
        }

        @Override
        public Value eval(Env env) {
            return Calls.apply(function, arg, null).force();
        }
    }

    /** {@code f a b}, unevaluated (mapAttrs, zipAttrsWith). */
    private static final class Apply2Node extends Node {
        private final Value function;
        private final Value first;
        private final Value second;

        Apply2Node(Value function, Value first, Value second) {
            super(null);
            this.function = function;
            this.first = first;
            this.second = second;
        }

        @Override
        public Value eval(Env env) {
            return Calls.apply(function, first, second, null).force();
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
        return new Thunk(new Apply1Node(f, arg), null);
    }

    public static Value apply(Value f, Value a, Value b) {
        return new Thunk(new Apply2Node(f, a, b), null);
    }
}

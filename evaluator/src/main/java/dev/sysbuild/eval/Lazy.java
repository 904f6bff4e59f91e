package dev.sysbuild.eval;

import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.Node;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/** Suspended applications, for builtins that must stay lazy in their results (map, mapAttrs, genList). */
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

    public static Value apply(Value f, Value arg) {
        return new Thunk(new ApplyNode(f, new Value[] {arg}, null), null);
    }

    public static Value apply(Value f, Value a, Value b) {
        return new Thunk(new ApplyNode(f, new Value[] {a, b}, null), null);
    }
}

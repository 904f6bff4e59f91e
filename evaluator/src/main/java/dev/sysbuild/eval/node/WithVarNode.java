package dev.sysbuild.eval.node;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/** A variable bound by no enclosing scope: looked up in the enclosing {@code with} sets, innermost first. */
final class WithVarNode extends Node {
    private final String name;
    /** Levels (relative to the variable's scope) of the enclosing with scopes, innermost first. */
    private final int[] withLevels;

    WithVarNode(Span span, String name, int[] withLevels) {
        super(span);
        this.name = name;
        this.withLevels = withLevels;
    }

    @Override
    public Value eval(Env env) {
        return lookup(env).force();
    }

    @Override
    public Value delay(Env env) {
        return new Thunk(this, env);
    }

    private Value lookup(Env env) {
        for (int level : withLevels) {
            Env e = env.up(level);
            NixAttrs attrs = Force.attrs(e.get(0), span);
            Value v = attrs.get(name);
            if (v != null) return v;
        }
        throw EvalException.error("undefined variable '" + name + "'", span);
    }
}

package dev.sysbuild.eval.node;

import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/** A lexically bound variable: {@code level} scopes up, slot {@code index}. */
final class LocalVarNode extends Node {
    private final int level;
    private final int index;

    LocalVarNode(Span span, int level, int index) {
        super(span);
        this.level = level;
        this.index = index;
    }

    @Override
    public Value eval(Env env) {
        Env e = env;
        for (int i = level; i > 0; i--) e = e.up;
        return e.slots[index].force();
    }

    @Override
    public Value delay(Env env) {
        Env e = env;
        for (int i = level; i > 0; i--) e = e.up;
        Value v = e.slots[index];
        // In let and rec, a binding may refer to one that is not filled in yet.
        return v != null ? v : new Thunk(this, env);
    }
}

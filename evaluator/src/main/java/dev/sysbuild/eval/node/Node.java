package dev.sysbuild.eval.node;

import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/** An executable expression. */
public abstract class Node {
    protected final Span span;

    protected Node(Span span) {
        this.span = span;
    }

    public Span span() {
        return span;
    }

    /** Evaluates to weak head normal form (never returns a thunk). */
    public abstract Value eval(Env env);

    /** The value without evaluating it: a thunk, or the value itself when that costs nothing. */
    public Value delay(Env env) {
        return new Thunk(this, env);
    }
}

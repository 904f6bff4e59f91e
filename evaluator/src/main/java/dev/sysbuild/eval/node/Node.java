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

    /**
     * The value, computed now, if that cannot fail, trace or force anything (integer arithmetic
     * on integers already known); else null. Only for a place that forces the value at once
     * anyway (see LambdaNode#strictArg): an unforced thunk and its value print differently.
     */
    Value eager(Env env) {
        return null;
    }

    /**
     * Whether evaluating this node forces local slot {@code slot} of its own scope before it
     * evaluates anything else that could be observed (false when unsure).
     */
    boolean forcesSlotFirst(int slot) {
        return false;
    }

    /**
     * The value in weak head normal form if it is known without evaluating anything (a literal,
     * a variable already forced), else null. Never forces, never fails.
     */
    Value peek(Env env) {
        return null;
    }

    /** The value without evaluating it: a thunk, or the value itself when that costs nothing. */
    public Value delay(Env env) {
        return new Thunk(this, env);
    }
}

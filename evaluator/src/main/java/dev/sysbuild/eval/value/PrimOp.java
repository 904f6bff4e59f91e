package dev.sysbuild.eval.value;

/** A built-in function of fixed arity; its arguments arrive unforced. */
public final class PrimOp extends Value {
    /** The implementation of a builtin. */
    @FunctionalInterface
    public interface Impl {
        Value call(Value[] args);
    }

    public final String name;
    public final int arity;
    public final Impl impl;

    public PrimOp(String name, int arity, Impl impl) {
        this.name = name;
        this.arity = arity;
        this.impl = impl;
    }

    @Override public String typeOf() { return "lambda"; }

    @Override public String showType() { return "a built-in function"; }
}

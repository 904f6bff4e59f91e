package dev.sysbuild.eval.value;

/** A builtin applied to fewer arguments than its arity. */
public final class PrimOpApp extends Value {
    public final PrimOp op;
    public final Value[] args;

    public PrimOpApp(PrimOp op, Value[] args) {
        this.op = op;
        this.args = args;
    }

    @Override public String typeOf() { return "lambda"; }

    @Override public String showType() { return "a partially applied built-in function"; }
}

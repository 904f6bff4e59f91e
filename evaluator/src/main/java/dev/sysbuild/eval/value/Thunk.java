package dev.sysbuild.eval.value;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.Node;

/**
 * A suspended computation, forced at most once. States: suspended (node set), in progress
 * (node null, value null: forcing it again is infinite recursion), evaluated (value set).
 * A computation that fails is put back to suspended, so forcing it again repeats the error.
 */
public final class Thunk extends Value {
    private Node node;
    private Env env;
    private Value value;

    public Thunk(Node node, Env env) {
        this.node = node;
        this.env = env;
    }

    /** Forces this thunk; use {@link Value#force()} at call sites. */
    Value forceThunk() {
        Value v = value;
        if (v != null) return v;
        Node n = node;
        if (n == null) throw EvalException.infiniteRecursion(null);
        Env e = env;
        node = null;
        try {
            v = n.eval(e);
        } catch (EvalException ex) {
            node = n;
            if (ex.kind() == EvalException.Kind.INFINITE_RECURSION && ex.span() == null) ex.setSpan(n.span());
            throw ex;
        } catch (StackOverflowError | RuntimeException ex) {
            node = n;
            throw ex;
        }
        value = v;
        env = null;
        return v;
    }

    public boolean isEvaluated() {
        return value != null;
    }

    /** The value if this thunk has been forced already, else null (never forces). */
    public Value valueIfEvaluated() {
        return value;
    }

    @Override public String typeOf() { return force().typeOf(); }

    @Override public String showType() { return force().showType(); }
}

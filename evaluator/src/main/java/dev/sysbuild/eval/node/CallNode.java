package dev.sysbuild.eval.node;

import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.value.Lambda;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/** {@code f a b ...}: arguments are passed unevaluated. */
final class CallNode extends Node {
    private final Node function;
    private final Node[] args;

    CallNode(Span span, Node function, Node[] args) {
        super(span);
        this.function = function;
        this.args = args;
    }

    @Override
    public Value eval(Env env) {
        Value f = function.eval(env);
        for (Node a : args) {
            Value arg = a.delay(env);
            // The common case, a user function, without the general dispatch.
            f = f instanceof Lambda l ? l.node.call(l.env, arg, span) : Calls.apply(f, arg, span);
        }
        return f;
    }
}

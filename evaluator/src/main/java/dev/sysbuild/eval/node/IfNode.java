package dev.sysbuild.eval.node;

import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

final class IfNode extends Node {
    private final Node cond;
    private final Node then;
    private final Node otherwise;

    IfNode(Span span, Node cond, Node then, Node otherwise) {
        super(span);
        this.cond = cond;
        this.then = then;
        this.otherwise = otherwise;
    }

    @Override
    boolean forcesSlotFirst(int slot) {
        return cond.forcesSlotFirst(slot);
    }

    @Override
    public Value eval(Env env) {
        Value c = cond.eval(env);
        if (c == NixBool.TRUE) return then.eval(env);
        if (c == NixBool.FALSE) return otherwise.eval(env);
        throw Force.typeError("a Boolean", c, cond.span());
    }
}

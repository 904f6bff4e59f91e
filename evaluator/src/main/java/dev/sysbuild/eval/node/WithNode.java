package dev.sysbuild.eval.node;

import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/** {@code with e; body}: the set is forced only when a variable is looked up in it. */
final class WithNode extends Node {
    private final Node scope;
    private final Node body;

    WithNode(Span span, Node scope, Node body) {
        super(span);
        this.scope = scope;
        this.body = body;
    }

    @Override
    public Value eval(Env env) {
        return body.eval(new Env(scope.delay(env), env));
    }
}

package dev.sysbuild.eval.node;

import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/** {@code let ... in body}: one new scope whose values see each other. */
final class LetNode extends Node {
    private final Node[] values;
    private final boolean[] inherited;
    private final Node body;

    LetNode(Span span, Node[] values, boolean[] inherited, Node body) {
        super(span);
        this.values = values;
        this.inherited = inherited;
        this.body = body;
    }

    @Override
    public Value eval(Env env) {
        Value[] slots = new Value[values.length];
        Env scope = new Env(slots, env);
        for (int i = 0; i < values.length; i++) slots[i] = values[i].delay(inherited[i] ? env : scope);
        return body.eval(scope);
    }
}

package dev.sysbuild.eval.node;

import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

final class ListNode extends Node {
    private final Node[] items;

    ListNode(Span span, Node[] items) {
        super(span);
        this.items = items;
    }

    @Override
    public Value eval(Env env) {
        if (items.length == 0) return NixList.EMPTY;
        Value[] out = new Value[items.length];
        for (int i = 0; i < items.length; i++) out[i] = items[i].delay(env);
        return NixList.wrap(out);
    }

    @Override
    public Value delay(Env env) {
        return eval(env);
    }
}

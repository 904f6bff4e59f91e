package dev.sysbuild.eval.node;

import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/** A literal: its value exists at compile time. */
final class ConstNode extends Node {
    private final Value value;

    ConstNode(Span span, Value value) {
        super(span);
        this.value = value;
    }

    @Override public Value eval(Env env) { return value.force(); }

    @Override public Value delay(Env env) { return value; }

    @Override Value peek(Env env) { return value instanceof dev.sysbuild.eval.value.Thunk ? null : value; }
}

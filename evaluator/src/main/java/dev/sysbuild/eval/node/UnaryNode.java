package dev.sysbuild.eval.node;

import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Ops;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/** {@code !e} and {@code -e}. */
final class UnaryNode extends Node {
    private final boolean not;
    private final Node operand;

    UnaryNode(Span span, boolean not, Node operand) {
        super(span);
        this.not = not;
        this.operand = operand;
    }

    @Override
    public Value eval(Env env) {
        Value v = operand.eval(env);
        if (not) return NixBool.of(!Force.bool(v, operand.span()));
        return Ops.sub(NixInt.of(0), v, span);
    }
}

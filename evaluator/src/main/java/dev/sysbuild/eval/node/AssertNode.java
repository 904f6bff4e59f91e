package dev.sysbuild.eval.node;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

final class AssertNode extends Node {
    private final Node cond;
    private final Node body;

    AssertNode(Span span, Node cond, Node body) {
        super(span);
        this.cond = cond;
        this.body = body;
    }

    @Override
    public Value eval(Env env) {
        if (!Force.bool(cond.eval(env), cond.span())) {
            Span c = cond.span();
            String text = c.source().text().substring(c.start(), c.end());
            throw new EvalException(EvalException.Kind.ASSERTION, "assertion '" + text + "' failed", span);
        }
        return body.eval(env);
    }
}

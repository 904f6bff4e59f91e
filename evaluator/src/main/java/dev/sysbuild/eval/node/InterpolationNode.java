package dev.sysbuild.eval.node;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Ops;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;
import dev.sysbuild.language.Paths;
import java.util.Set;
import java.util.TreeSet;

/** {@code "a${b}c"} (a string, paths copied to the store) or {@code ./a/${b}} (a path). */
final class InterpolationNode extends Node {
    private final Evaluator ev;
    private final Node[] parts;
    private final boolean isPath;

    InterpolationNode(Evaluator ev, Span span, Node[] parts, boolean isPath) {
        super(span);
        this.ev = ev;
        this.parts = parts;
        this.isPath = isPath;
    }

    @Override
    public Value eval(Env env) {
        StringBuilder sb = new StringBuilder();
        // The context set is made only when a part has one or is not a plain string (most have none).
        Set<String> ctx = null;
        for (Node p : parts) {
            Value v = p.eval(env);
            if (v instanceof NixString s && !s.hasContext()) {
                sb.append(s.value);
                continue;
            }
            if (ctx == null) ctx = new TreeSet<>();
            try {
                sb.append(Ops.coerceToString(ev, v, ctx, false, !isPath, p.span()));
            } catch (EvalException e) {
                throw e.addFrame("while evaluating a path segment", p.span());
            }
        }
        if (isPath) {
            if (ctx != null && !ctx.isEmpty()) {
                throw EvalException.error("a string that refers to a store path cannot be appended to a path", span);
            }
            return new NixPath(Paths.canonical(sb.toString()));
        }
        return NixString.of(sb.toString(), ctx);
    }
}

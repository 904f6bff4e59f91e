package dev.sysbuild.eval.node;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Suggestions;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/** {@code e.a.b} and {@code e.a.b or default}. A null name node means the name is static. */
final class SelectNode extends Node {
    private final Node target;
    private final String[] names;
    private final Node[] dynamicNames;
    private final Node orDefault;

    SelectNode(Span span, Node target, String[] names, Node[] dynamicNames, Node orDefault) {
        super(span);
        this.target = target;
        this.names = names;
        this.dynamicNames = dynamicNames;
        this.orDefault = orDefault;
    }

    private String name(int i, Env env) {
        return names[i] != null ? names[i] : Force.plainString(dynamicNames[i].eval(env), dynamicNames[i].span());
    }

    @Override
    public Value eval(Env env) {
        Value v = target.eval(env);
        for (int i = 0; i < names.length; i++) {
            String name = name(i, env);
            if (!(v instanceof NixAttrs attrs)) {
                if (orDefault != null) return orDefault.eval(env);
                throw Force.typeError("a set", v, span).addFrame("while selecting attribute '" + name + "'", span);
            }
            Value next = attrs.get(name);
            if (next == null) {
                if (orDefault != null) return orDefault.eval(env);
                throw EvalException.error("attribute '" + name + "' missing" + Suggestions.didYouMean(name, attrs.names()), span);
            }
            try {
                v = next.force();
            } catch (EvalException e) {
                Span pos = attrs.positionOf(name);
                throw e.addFrame("while evaluating the attribute '" + name + "'", pos != null ? pos : span);
            }
        }
        return v;
    }
}

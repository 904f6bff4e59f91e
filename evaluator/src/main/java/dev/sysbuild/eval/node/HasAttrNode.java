package dev.sysbuild.eval.node;

import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/** {@code e ? a.b}: false as soon as a step is not a set or lacks the name. */
final class HasAttrNode extends Node {
    private final Node target;
    private final String[] names;
    private final Node[] dynamicNames;

    HasAttrNode(Span span, Node target, String[] names, Node[] dynamicNames) {
        super(span);
        this.target = target;
        this.names = names;
        this.dynamicNames = dynamicNames;
    }

    @Override
    public Value eval(Env env) {
        Value v = target.eval(env);
        for (int i = 0; i < names.length; i++) {
            String name = names[i] != null ? names[i]
                    : Force.plainString(dynamicNames[i].eval(env), dynamicNames[i].span());
            if (!(v instanceof NixAttrs attrs)) return NixBool.FALSE;
            Value next = attrs.get(name);
            if (next == null) return NixBool.FALSE;
            if (i < names.length - 1) v = next.force();
        }
        return NixBool.TRUE;
    }
}

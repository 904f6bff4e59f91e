package dev.sysbuild.eval.node;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/**
 * An attribute set literal. Static names are sorted at compile time; for {@code rec} sets the
 * values are evaluated in a new scope holding the set's own attributes ({@code inherit}ed ones
 * come from the enclosing scope). A {@code rec} set may override its members with {@code __overrides}.
 */
final class AttrsNode extends Node {
    final boolean recursive;
    final String[] names;
    final Node[] values;
    final boolean[] inherited;
    final Span[] positions;
    final Node[] dynamicNames;
    final Node[] dynamicValues;
    final Span[] dynamicPositions;

    AttrsNode(Span span, boolean recursive, String[] names, Node[] values, boolean[] inherited, Span[] positions,
              Node[] dynamicNames, Node[] dynamicValues, Span[] dynamicPositions) {
        super(span);
        this.recursive = recursive;
        this.names = names;
        this.values = values;
        this.inherited = inherited;
        this.positions = positions;
        this.dynamicNames = dynamicNames;
        this.dynamicValues = dynamicValues;
        this.dynamicPositions = dynamicPositions;
    }

    @Override
    public Value eval(Env env) {
        Value[] vals = new Value[names.length];
        Env scope = env;
        if (recursive) {
            scope = new Env(vals, env);
            // With __overrides every attribute must look its neighbours up when forced, not now.
            boolean overridable = java.util.Arrays.binarySearch(names, "__overrides") >= 0;
            for (int i = 0; i < names.length; i++) {
                if (inherited[i]) vals[i] = values[i].delay(env);
                else vals[i] = overridable ? new dev.sysbuild.eval.value.Thunk(values[i], scope) : values[i].delay(scope);
            }
        } else {
            for (int i = 0; i < names.length; i++) vals[i] = values[i].delay(env);
        }
        NixAttrs result;
        if (dynamicNames.length == 0) {
            result = NixAttrs.sorted(names, recursive ? vals.clone() : vals, positions);
        } else {
            AttrsBuilder b = new AttrsBuilder(names.length + dynamicNames.length);
            for (int i = 0; i < names.length; i++) b.put(names[i], vals[i], positions[i]);
            NixAttrs statics = NixAttrs.sorted(names, vals, positions);
            java.util.Map<String, Span> seen = new java.util.HashMap<>();
            for (int i = 0; i < dynamicNames.length; i++) {
                Value n = dynamicNames[i].eval(scope);
                if (n instanceof NixNull) continue;
                String name = Force.plainString(n, dynamicNames[i].span());
                Span prev = seen.get(name);
                if (prev == null && statics.indexOf(name) >= 0) prev = statics.positionOf(name);
                if (prev != null) {
                    throw EvalException.error("dynamic attribute '" + name + "' already defined at " + prev.location(),
                            dynamicPositions[i]);
                }
                seen.put(name, dynamicPositions[i]);
                b.put(name, dynamicValues[i].delay(scope), dynamicPositions[i]);
            }
            result = b.build();
        }
        if (recursive) {
            Value overrides = result.get("__overrides");
            if (overrides != null) result = applyOverrides(result, overrides, vals);
        }
        return result;
    }

    private NixAttrs applyOverrides(NixAttrs result, Value overrides, Value[] slots) {
        NixAttrs o = Force.attrs(overrides, span);
        for (int i = 0; i < o.size(); i++) {
            int slot = java.util.Arrays.binarySearch(names, o.name(i));
            if (slot >= 0) slots[slot] = o.value(i);
        }
        return result.update(o);
    }

    @Override
    public Value delay(Env env) {
        // Building the set is cheap and lazy in its values; only dynamic names need evaluation.
        return dynamicNames.length == 0 && !recursive ? eval(env) : super.delay(env);
    }
}

package dev.sysbuild.eval.node;

import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/**
 * A lexically bound variable: {@code level} scopes up, slot {@code index}. Variables of the
 * innermost two scopes (most of them) get their own classes, without the loop.
 */
abstract class LocalVarNode extends Node {
    final int index;

    private LocalVarNode(Span span, int index) {
        super(span);
        this.index = index;
    }

    static LocalVarNode of(Span span, int level, int index) {
        return switch (level) {
            case 0 -> new Here(span, index);
            case 1 -> new Parent(span, index);
            default -> new Up(span, level, index);
        };
    }

    abstract Env scope(Env env);

    @Override
    public final Value eval(Env env) {
        Value v = scope(env).get(index);
        if (v == null) throw dev.sysbuild.eval.EvalException.infiniteRecursion(span);
        return v.force();
    }

    @Override
    public final Value delay(Env env) {
        Value v = scope(env).get(index);
        // In let and rec, a binding may refer to one that is not filled in yet.
        return v != null ? v : new Thunk(this, env);
    }

    @Override
    final Value peek(Env env) {
        Value v = scope(env).get(index);
        return v instanceof Thunk t ? t.valueIfEvaluated() : v;
    }

    private static final class Here extends LocalVarNode {
        Here(Span span, int index) { super(span, index); }

        @Override Env scope(Env env) { return env; }

        @Override boolean forcesSlotFirst(int slot) { return index == slot; }
    }

    private static final class Parent extends LocalVarNode {
        Parent(Span span, int index) { super(span, index); }

        @Override Env scope(Env env) { return env.up; }
    }

    private static final class Up extends LocalVarNode {
        private final int level;

        Up(Span span, int level, int index) {
            super(span, index);
            this.level = level;
        }

        @Override
        Env scope(Env env) {
            Env e = env;
            for (int i = level; i > 0; i--) e = e.up;
            return e;
        }
    }
}

package dev.sysbuild.eval.modules;

import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.Node;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;

/**
 * One field of a record a fast path builds, computed by its owner on first use (the record's
 * value is a thunk of this node, so each field is computed once and only if read).
 */
final class LazyField extends Node {
    /** What computes the fields: one object holds what they share. */
    interface Owner {
        Value field(int field);
    }

    private final Owner owner;
    private final int field;

    private LazyField(Owner owner, int field) {
        super(null);
        this.owner = owner;
        this.field = field;
    }

    /** Field {@code field} of {@code owner}, unevaluated. */
    static Thunk of(Owner owner, int field) {
        return new Thunk(new LazyField(owner, field), null);
    }

    @Override
    public Value eval(Env env) {
        return owner.field(field);
    }
}

package dev.sysbuild.eval.node;

import dev.sysbuild.eval.value.Value;

/** A runtime scope: slots filled by let, rec, function arguments, or one slot holding a with's set. */
public final class Env {
    /** The slots, or null for a scope of one slot (a function's argument, a with's set), held in {@link #one}. */
    public final Value[] slots;
    private final Value one;
    public final Env up;

    public Env(Value[] slots, Env up) {
        this.slots = slots;
        this.one = null;
        this.up = up;
    }

    /** A scope of one slot, without an array: most calls bind a single argument. */
    public Env(Value one, Env up) {
        this.slots = null;
        this.one = one;
        this.up = up;
    }

    public Value get(int index) {
        Value[] s = slots;
        return s == null ? one : s[index];
    }

    public Env up(int levels) {
        Env e = this;
        for (int i = 0; i < levels; i++) e = e.up;
        return e;
    }
}

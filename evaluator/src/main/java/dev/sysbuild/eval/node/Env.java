package dev.sysbuild.eval.node;

import dev.sysbuild.eval.value.Value;

/** A runtime scope: slots filled by let, rec, function arguments, or one slot holding a with's set. */
public final class Env {
    public final Value[] slots;
    public final Env up;

    public Env(Value[] slots, Env up) {
        this.slots = slots;
        this.up = up;
    }

    public Env up(int levels) {
        Env e = this;
        for (int i = 0; i < levels; i++) e = e.up;
        return e;
    }
}

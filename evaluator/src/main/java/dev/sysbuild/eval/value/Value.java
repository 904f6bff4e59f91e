package dev.sysbuild.eval.value;

/** A Nix value, possibly not yet evaluated (a {@link Thunk}). */
public abstract class Value {
    /**
     * This value in weak head normal form. Final, with the thunk case out of line, so that every
     * call site compiles to a type check instead of a virtual call.
     */
    public final Value force() {
        return this instanceof Thunk t ? t.forceThunk() : this;
    }

    /** The name {@code builtins.typeOf} gives. */
    public abstract String typeOf();

    /** The type as error messages name it, with its article: "an integer", "a set". */
    public abstract String showType();
}

package dev.sysbuild.eval.value;

import java.util.Set;
import java.util.TreeSet;

/**
 * A byte string (one byte per char) with its context: the store paths it refers to, in Nix's
 * encoding ({@code /p} plain, {@code =/p.drv} all outputs, {@code !out!/p.drv} one output).
 */
public final class NixString extends Value {
    public static final NixString EMPTY = new NixString("", null);

    public final String value;
    private final Set<String> context;

    private NixString(String value, Set<String> context) {
        this.value = value;
        this.context = context;
    }

    public static NixString of(String s) {
        return s.isEmpty() ? EMPTY : new NixString(s, null);
    }

    public static NixString of(String s, Set<String> context) {
        if (context == null || context.isEmpty()) return of(s);
        return new NixString(s, java.util.Collections.unmodifiableSet(new TreeSet<>(context)));
    }

    /** The context, never null. */
    public Set<String> context() {
        return context == null ? Set.of() : context;
    }

    public boolean hasContext() {
        return context != null;
    }

    @Override public String typeOf() { return "string"; }

    @Override public String showType() { return "a string"; }
}

package dev.sysbuild.eval.value;

public final class NixNull extends Value {
    public static final NixNull NULL = new NixNull();

    private NixNull() {}

    @Override public String typeOf() { return "null"; }

    @Override public String showType() { return "null"; }
}

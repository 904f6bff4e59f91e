package dev.sysbuild.eval.value;

public final class NixBool extends Value {
    public static final NixBool TRUE = new NixBool(true);
    public static final NixBool FALSE = new NixBool(false);

    public final boolean value;

    private NixBool(boolean value) {
        this.value = value;
    }

    public static NixBool of(boolean b) {
        return b ? TRUE : FALSE;
    }

    @Override public String typeOf() { return "bool"; }

    @Override public String showType() { return "a Boolean"; }
}

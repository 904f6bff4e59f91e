package dev.sysbuild.eval.value;

public final class NixFloat extends Value {
    public final double value;

    public NixFloat(double value) {
        this.value = value;
    }

    @Override public String typeOf() { return "float"; }

    @Override public String showType() { return "a float"; }
}

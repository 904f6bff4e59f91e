package dev.sysbuild.eval.value;

public final class NixInt extends Value {
    private static final NixInt[] SMALL = new NixInt[1280];

    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = new NixInt(i - 256);
    }

    public final long value;

    private NixInt(long value) {
        this.value = value;
    }

    public static NixInt of(long v) {
        return v >= -256 && v < 1024 ? SMALL[(int) v + 256] : new NixInt(v);
    }

    @Override public String typeOf() { return "int"; }

    @Override public String showType() { return "an integer"; }
}

package dev.sysbuild.eval.value;

/** An absolute, canonical path (a byte string like every other string). */
public final class NixPath extends Value {
    public final String path;

    public NixPath(String path) {
        this.path = path;
    }

    @Override public String typeOf() { return "path"; }

    @Override public String showType() { return "a path"; }
}

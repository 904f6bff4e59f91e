package dev.sysbuild.store.nar;

/**
 * What a file system entry is, by the names Nix gives a path filter ({@code builtins.path},
 * {@code filterSource}). Only the first three can be archived.
 */
public enum NarEntryType {
    REGULAR("regular"),
    DIRECTORY("directory"),
    SYMLINK("symlink"),
    /** Sockets, FIFOs, devices: the filter sees them, the archive refuses them. */
    UNKNOWN("unknown");

    private final String nixName;

    NarEntryType(String nixName) {
        this.nixName = nixName;
    }

    /** The string Nix passes to a filter: {@code regular}, {@code directory}, {@code symlink}, {@code unknown}. */
    public String nixName() {
        return nixName;
    }
}

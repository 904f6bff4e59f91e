package dev.sysbuild.store.path;

/** A store path, or a name for one, that Nix 2.8 would refuse. Messages follow Nix's wording. */
public final class InvalidStorePathException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidStorePathException(String message) {
        super(message);
    }
}

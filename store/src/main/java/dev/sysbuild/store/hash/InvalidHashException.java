package dev.sysbuild.store.hash;

/**
 * A hash in text form that cannot be read: unknown algorithm, wrong length, bad digit. Messages
 * follow Nix's ({@code invalid base-32 hash '...'}) so users can search for them.
 */
public final class InvalidHashException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidHashException(String message) {
        super(message);
    }

    public InvalidHashException(String message, Throwable cause) {
        super(message, cause);
    }
}

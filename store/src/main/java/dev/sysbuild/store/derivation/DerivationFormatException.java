package dev.sysbuild.store.derivation;

/** A {@code .drv} text that cannot be read back, or a derivation that cannot be written as one. */
public final class DerivationFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DerivationFormatException(String message) {
        super(message);
    }
}

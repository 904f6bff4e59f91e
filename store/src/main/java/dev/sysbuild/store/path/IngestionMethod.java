package dev.sysbuild.store.path;

/**
 * How content is hashed for a fixed content address: the file's bytes ({@code flat}) or the NAR
 * of the tree ({@code recursive}). Nix writes the recursive mode as an {@code r:} prefix on the
 * algorithm, in {@code .drv} files and in fingerprints.
 */
public enum IngestionMethod {
    FLAT(""),
    RECURSIVE("r:");

    private final String prefix;

    IngestionMethod(String prefix) {
        this.prefix = prefix;
    }

    /** {@code ""} or {@code "r:"}. */
    public String prefix() {
        return prefix;
    }

    /** The mode named by a derivation's {@code outputHashMode}: {@code flat} or {@code recursive}. */
    public static IngestionMethod fromMode(String mode) {
        return switch (mode) {
            case "flat" -> FLAT;
            case "recursive" -> RECURSIVE;
            default -> throw new IllegalArgumentException("invalid value '" + mode
                    + "' for 'outputHashMode' attribute (expected flat or recursive)");
        };
    }
}

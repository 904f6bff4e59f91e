package dev.sysbuild.store.path;

import dev.sysbuild.store.NixBase32;

/**
 * A store path without its store directory: a 32-character nix32 hash part and a name, printed
 * {@code <hash>-<name>}. {@link StoreDir#print} makes the full path. Ordered by base name, which is
 * the order Nix sorts references in (all paths share the store directory, so it is also the order
 * of the printed paths).
 *
 * <p>Names follow Nix 2.8: 1 to 211 characters from {@code A-Z a-z 0-9 + - . _ ? =}. Unlike newer
 * Nix, 2.8 accepts {@code .}, {@code ..} and names starting with a dot, and so do we, because
 * such paths exist in 2.8 stores and rejecting them would change which expressions evaluate.
 */
public record StorePath(String hashPart, String name) implements Comparable<StorePath> {
    public static final int HASH_LENGTH = 32;
    public static final int MAX_NAME_LENGTH = 211;
    public static final String DRV_EXTENSION = ".drv";

    /** @throws InvalidStorePathException for a bad hash part or name, with Nix's message */
    public StorePath {
        String baseName = hashPart + "-" + name;
        if (hashPart.length() != HASH_LENGTH) {
            throw new InvalidStorePathException("'" + baseName + "' is not a valid store path: the hash part must be "
                    + HASH_LENGTH + " characters");
        }
        for (int i = 0; i < hashPart.length(); i++) {
            char c = hashPart.charAt(i);
            if (!NixBase32.isDigit(c)) {
                throw new InvalidStorePathException("store path '" + baseName + "' contains illegal base-32 character '"
                        + c + "'");
            }
        }
        checkName(baseName, name);
    }

    /** Hash part from 20 raw bytes (a folded fingerprint hash). */
    public static StorePath of(byte[] hash20, String name) {
        return new StorePath(NixBase32.encode(hash20), name);
    }

    /**
     * Parses {@code <hash>-<name>}. (2.8 does not look at the separator; we insist on the dash,
     * since without it the "name" is whatever follows 33 characters.)
     */
    public static StorePath parseBaseName(String baseName) {
        if (baseName.length() < HASH_LENGTH + 1) {
            throw new InvalidStorePathException("'" + baseName + "' is too short to be a valid store path");
        }
        if (baseName.charAt(HASH_LENGTH) != '-') {
            throw new InvalidStorePathException("'" + baseName + "' is not a valid store path: expected '-' after the "
                    + HASH_LENGTH + "-character hash part");
        }
        return new StorePath(baseName.substring(0, HASH_LENGTH), baseName.substring(HASH_LENGTH + 1));
    }

    /** Whether {@code name} may name a store path (see the class comment). */
    public static boolean isValidName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) return false;
        for (int i = 0; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i))) return false;
        }
        return true;
    }

    private static void checkName(String baseName, String name) {
        if (name.isEmpty()) {
            throw new InvalidStorePathException("store path '" + baseName + "' has an empty name");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidStorePathException("store path '" + baseName + "' has a name longer than "
                    + MAX_NAME_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isNameChar(c)) {
                throw new InvalidStorePathException("store path '" + baseName + "' contains illegal character '" + c
                        + "'");
            }
        }
    }

    private static boolean isNameChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || c == '+' || c == '-' || c == '.' || c == '_' || c == '?' || c == '=';
    }

    /** {@code <hash>-<name>}. */
    public String baseName() {
        return hashPart + "-" + name;
    }

    /** Whether this is a {@code .drv} file. */
    public boolean isDerivation() {
        return name.endsWith(DRV_EXTENSION);
    }

    @Override
    public int compareTo(StorePath o) {
        // The order of the base names, without making them: every hash part has the same length,
        // so the hash parts decide unless they are equal, and then the names do.
        int byHash = hashPart.compareTo(o.hashPart);
        return byHash != 0 ? byHash : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return baseName();
    }

    // Written out: a record's generated equals and hashCode are linked through ObjectMethods on
    // first use (method-handle classes spun at start-up, see StoreDir) and run as method-handle
    // chains, which the client compiler does not inline; store paths are hashed by the thousand.
    @Override
    public boolean equals(Object o) {
        return o instanceof StorePath p && p.hashPart.equals(hashPart) && p.name.equals(name);
    }

    @Override
    public int hashCode() {
        return hashPart.hashCode() * 31 + name.hashCode();
    }
}

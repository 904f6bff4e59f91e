package dev.sysbuild.store.hash;

import dev.sysbuild.store.NixBase32;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A digest together with its algorithm. Immutable. Prints and parses every form Nix 2.8 does:
 * base-16, nix32, base-64, SRI ({@code sha256-...}) and the type-prefixed {@code sha256:...}.
 */
public final class Hash {
    private static final HexFormat HEX = HexFormat.of();

    private final HashAlgo algo;
    private final byte[] bytes;

    /** @throws IllegalArgumentException if {@code bytes} is not {@code algo.size()} long */
    public Hash(HashAlgo algo, byte[] bytes) {
        if (bytes.length != algo.size()) {
            throw new IllegalArgumentException(algo + " hash must be " + algo.size() + " bytes, got " + bytes.length);
        }
        this.algo = algo;
        this.bytes = bytes.clone();
    }

    public HashAlgo algo() {
        return algo;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String toBase16() {
        return HEX.formatHex(bytes);
    }

    public String toNix32() {
        return NixBase32.encode(bytes);
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** {@code <algo>-<base64>}. */
    public String toSri() {
        return algo.nixName() + "-" + toBase64();
    }

    /** The digest alone in {@code format}; SRI carries its own prefix. */
    public String to(HashFormat format) {
        return switch (format) {
            case BASE16 -> toBase16();
            case NIX32 -> toNix32();
            case BASE64 -> toBase64();
            case SRI -> toSri();
        };
    }

    /** {@code <algo>:<digest>} (Nix's {@code to_string(base, true)}); SRI stays {@code <algo>-...}. */
    public String toPrefixed(HashFormat format) {
        return format == HashFormat.SRI ? toSri() : algo.nixName() + ":" + to(format);
    }

    /**
     * XOR-folds the digest to {@code size} bytes: byte i goes into position {@code i mod size}.
     * Nix calls this {@code compressHash}; store paths use it with 20, and so does {@code
     * nix-hash --truncate} (which, despite its name, does not truncate).
     */
    public byte[] fold(int size) {
        byte[] out = new byte[size];
        for (int i = 0; i < bytes.length; i++) out[i % size] ^= bytes[i];
        return out;
    }

    /**
     * Parses SRI ({@code sha256-...}), prefixed ({@code sha256:...}) or, when {@code expected} is
     * given, a bare digest, choosing base-16, nix32 or base-64 by length as Nix does.
     *
     * @param expected the algorithm the context demands, or {@code null} if the text must name it
     * @throws InvalidHashException when the text is not such a hash, or names another algorithm
     */
    public static Hash parseAny(String text, HashAlgo expected) {
        String rest = text;
        HashAlgo named = null;
        boolean sri = false;
        int colon = text.indexOf(':');
        int dash = text.indexOf('-');
        if (colon >= 0) {
            named = algoNamed(text.substring(0, colon));
            rest = text.substring(colon + 1);
        } else if (dash >= 0) {
            named = algoNamed(text.substring(0, dash));
            rest = text.substring(dash + 1);
            sri = true;
        }
        if (named == null && expected == null) {
            throw new InvalidHashException("hash '" + text
                    + "' does not include a type, nor is the type otherwise known from context");
        }
        if (named != null && expected != null && named != expected) {
            throw new InvalidHashException("hash '" + text + "' should have type '" + expected + "'");
        }
        return decode(rest, named != null ? named : expected, sri);
    }

    /** A hash whose text must name its algorithm ({@code sha256:...} or SRI). */
    public static Hash parseAny(String text) {
        return parseAny(text, null);
    }

    /** {@code <algo>-<base64>} only. */
    public static Hash parseSri(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) throw new InvalidHashException("hash '" + text + "' is not SRI");
        return decode(text.substring(dash + 1), algoNamed(text.substring(0, dash)), true);
    }

    /** A bare digest of a known algorithm, as in a {@code .drv} file (Nix's {@code parseNonSRIUnprefixed}). */
    public static Hash parseBare(String digest, HashAlgo algo) {
        return decode(digest, algo, false);
    }

    private static HashAlgo algoNamed(String name) {
        return HashAlgo.find(name).orElseThrow(() -> new InvalidHashException("unknown hash algorithm '" + name + "'"));
    }

    private static Hash decode(String digest, HashAlgo algo, boolean sri) {
        if (!sri && digest.length() == algo.base16Length()) {
            try {
                // HexFormat accepts both cases, as Nix's parser does.
                return new Hash(algo, HEX.parseHex(digest));
            } catch (IllegalArgumentException e) {
                throw new InvalidHashException("invalid base-16 hash '" + digest + "'", e);
            }
        }
        if (!sri && digest.length() == algo.nix32Length()) {
            try {
                return new Hash(algo, NixBase32.decode(digest, algo.size()));
            } catch (IllegalArgumentException e) {
                throw new InvalidHashException(e.getMessage(), e);
            }
        }
        if (sri || digest.length() == algo.base64Length()) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(digest);
            } catch (IllegalArgumentException e) {
                raw = null;
            }
            if (raw == null || raw.length != algo.size()) {
                throw new InvalidHashException("invalid " + (sri ? "SRI" : "base-64") + " hash '" + digest + "'");
            }
            return new Hash(algo, raw);
        }
        throw new InvalidHashException("hash '" + digest + "' has wrong length for hash type '" + algo + "'");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash h && h.algo == algo && Arrays.equals(h.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return algo.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    /** {@code <algo>:<base16>}, the form that is unambiguous in logs. */
    @Override
    public String toString() {
        return toPrefixed(HashFormat.BASE16);
    }
}

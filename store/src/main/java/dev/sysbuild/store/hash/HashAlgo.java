package dev.sysbuild.store.hash;

import dev.sysbuild.store.NixBase32;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** The hash algorithms Nix 2.8 accepts, by the names Nix prints ({@code md5}, {@code sha1}, ...). */
public enum HashAlgo {
    MD5("md5", 16, "MD5"),
    SHA1("sha1", 20, "SHA-1"),
    SHA256("sha256", 32, "SHA-256"),
    SHA512("sha512", 64, "SHA-512");

    private final String nixName;
    private final int size;
    private final String jcaName;

    HashAlgo(String nixName, int size, String jcaName) {
        this.nixName = nixName;
        this.size = size;
        this.jcaName = jcaName;
    }

    /** The name Nix prints and parses: {@code md5}, {@code sha1}, {@code sha256}, {@code sha512}. */
    public String nixName() {
        return nixName;
    }

    /** Digest size in bytes. */
    public int size() {
        return size;
    }

    public int base16Length() {
        return 2 * size;
    }

    public int nix32Length() {
        return NixBase32.encodedLength(size);
    }

    /** Padded base-64 length: {@code ceil(size / 3) * 4}. */
    public int base64Length() {
        return (size + 2) / 3 * 4;
    }

    /** A fresh digest; every JDK ships these four, so a missing one is a broken runtime. */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime lacks " + jcaName, e);
        }
    }

    /** The hash of {@code data}. */
    public Hash hash(byte[] data) {
        return new Hash(this, newDigest().digest(data));
    }

    /** The algorithm Nix calls {@code name}, if any. Names are case-sensitive, as in Nix. */
    public static Optional<HashAlgo> find(String name) {
        for (HashAlgo a : values()) {
            if (a.nixName.equals(name)) return Optional.of(a);
        }
        return Optional.empty();
    }

    /**
     * The algorithm Nix calls {@code name}.
     *
     * @throws IllegalArgumentException for any other name, with Nix's message
     */
    public static HashAlgo parse(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown hash algorithm '" + name
                + "' (expected md5, sha1, sha256 or sha512)"));
    }

    @Override
    public String toString() {
        return nixName;
    }
}

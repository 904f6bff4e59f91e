package dev.sysbuild.store.path;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.HashFormat;

/**
 * The content hash promised by a fixed-output derivation or a fixed path import: a method and a
 * hash of any algorithm (2.8 accepts md5, sha1, sha256 and sha512 here).
 */
public record FixedOutputHash(IngestionMethod method, Hash hash) {
    public static FixedOutputHash flat(Hash hash) {
        return new FixedOutputHash(IngestionMethod.FLAT, hash);
    }

    public static FixedOutputHash recursive(Hash hash) {
        return new FixedOutputHash(IngestionMethod.RECURSIVE, hash);
    }

    /** The {@code .drv} hashAlgo field: {@code [r:]<algo>}. */
    public String methodAlgo() {
        return method.prefix() + hash.algo().nixName();
    }

    /**
     * Reads the two {@code .drv} output fields back ({@code r:sha256} and a bare digest).
     *
     * @throws IllegalArgumentException for an unknown algorithm or a digest that does not fit it
     */
    public static FixedOutputHash parse(String methodAlgo, String digest) {
        IngestionMethod method = IngestionMethod.FLAT;
        String algo = methodAlgo;
        if (algo.startsWith(IngestionMethod.RECURSIVE.prefix())) {
            method = IngestionMethod.RECURSIVE;
            algo = algo.substring(IngestionMethod.RECURSIVE.prefix().length());
        }
        return new FixedOutputHash(method, Hash.parseBare(digest, HashAlgo.parse(algo)));
    }

    /**
     * The text whose sha256 is the inner hash of a fixed {@code output:out} path:
     * {@code fixed:out:[r:]<algo>:<base16>:}. The output name is always {@code out}.
     */
    public String innerFingerprint() {
        return "fixed:out:" + method.prefix() + hash.toPrefixed(HashFormat.BASE16) + ":";
    }

    /**
     * Whether the store addresses this by the NAR's sha256 directly, as a {@code source} path
     * (the only case that may have references); every other case goes through {@code output:out}.
     */
    public boolean isSourceAddressed() {
        return method == IngestionMethod.RECURSIVE && hash.algo() == HashAlgo.SHA256;
    }
}

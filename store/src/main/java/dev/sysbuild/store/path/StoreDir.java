package dev.sysbuild.store.path;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.HashFormat;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The logical store directory ({@code /sysbuild/store} by default, {@code /nix/store} to compute
 * Nix's paths) and the store-path computations that depend on it, as in Nix 2.8's {@code
 * store-api.cc}. The directory is part of every fingerprint, so the same content gets different
 * paths in different store directories.
 *
 * <p>Every path here is {@code nix32(fold20(sha256(F)))-name} with the fingerprint
 * {@code F = <type>:sha256:<inner hash in base 16>:<store dir>:<name>}.
 */
public record StoreDir(String path) {
    public static final StoreDir DEFAULT = new StoreDir("/sysbuild/store");

    /**
     * @throws IllegalArgumentException unless {@code path} is absolute and printable ASCII; the
     *     directory is spliced into fingerprints and {@code .drv} files as bytes, and ASCII keeps
     *     those bytes the same however a caller encodes its strings
     */
    public StoreDir {
        while (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        if (!path.startsWith("/") || path.equals("/")) {
            throw new IllegalArgumentException("store directory '" + path + "' must be an absolute path below /");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("store directory '" + path
                        + "' must be printable ASCII without spaces");
            }
        }
    }

    /** {@code <store dir>/<hash>-<name>}. */
    public String print(StorePath p) {
        return path + "/" + p.baseName();
    }

    /** Whether {@code full} is exactly a store path directly in this directory. */
    public boolean isStorePath(String full) {
        try {
            parse(full);
            return true;
        } catch (InvalidStorePathException e) {
            return false;
        }
    }

    /**
     * Reads a full store path ({@code /nix/store/<hash>-<name>}, nothing below it).
     *
     * @throws InvalidStorePathException if it is not directly in this store or not valid
     */
    public StorePath parse(String full) {
        String prefix = path + "/";
        if (!full.startsWith(prefix) || full.indexOf('/', prefix.length()) >= 0) {
            throw new InvalidStorePathException("path '" + full + "' is not in the store " + path);
        }
        return StorePath.parseBaseName(full.substring(prefix.length()));
    }

    /** The store path that {@code full} is in or below ({@code /nix/store/x-foo/bin/sh} gives {@code x-foo}). */
    public StorePath storePathOf(String full) {
        String prefix = path + "/";
        if (!full.startsWith(prefix)) {
            throw new InvalidStorePathException("path '" + full + "' is not in the store " + path);
        }
        int slash = full.indexOf('/', prefix.length());
        return StorePath.parseBaseName(full.substring(prefix.length(), slash < 0 ? full.length() : slash));
    }

    /** The fingerprint {@code <type>:<algo>:<base16>:<store dir>:<name>}, hashed to make a path. */
    public String fingerprint(String type, Hash inner, String name) {
        return type + ":" + inner.toPrefixed(HashFormat.BASE16) + ":" + path + ":" + name;
    }

    /** Nix's {@code makeStorePath}: nix32 of the sha256 of the fingerprint folded to 20 bytes. */
    public StorePath makeStorePath(String type, Hash inner, String name) {
        byte[] fingerprint = fingerprint(type, inner, name).getBytes(StandardCharsets.ISO_8859_1);
        return StorePath.of(HashAlgo.SHA256.hash(fingerprint).fold(20), name);
    }

    /**
     * A {@code text} path ({@code builtins.toFile}, {@code .drv} files): the inner hash is the
     * sha256 of the contents, and the references join the type as {@code text:<path>:<path>...}.
     */
    public StorePath textPath(String name, Hash contentSha256, Collection<StorePath> references) {
        requireSha256(contentSha256, "text");
        return makeStorePath(type("text", references, false), contentSha256, name);
    }

    /** {@link #textPath(String, Hash, Collection)} for contents at hand. */
    public StorePath textPath(String name, byte[] contents, Collection<StorePath> references) {
        return textPath(name, HashAlgo.SHA256.hash(contents), references);
    }

    /**
     * A {@code source} path (path imports, {@code builtins.path}, recursive sha256 fixed outputs):
     * the inner hash is the sha256 of the NAR; {@code selfReference} appends {@code :self} after
     * the references (content-addressed rewriting only; the path itself is never listed).
     */
    public StorePath sourcePath(String name, Hash narSha256, Collection<StorePath> references, boolean selfReference) {
        requireSha256(narSha256, "source");
        return makeStorePath(type("source", references, selfReference), narSha256, name);
    }

    /**
     * Nix's {@code makeFixedOutputPath}: recursive sha256 is a {@link #sourcePath source} path;
     * every other method and algorithm becomes {@code output:out} over the sha256 of
     * {@link FixedOutputHash#innerFingerprint()}, which admits no references.
     */
    public StorePath fixedOutputPath(String name, FixedOutputHash hash, Collection<StorePath> references,
            boolean selfReference) {
        if (hash.isSourceAddressed()) return sourcePath(name, hash.hash(), references, selfReference);
        if (!references.isEmpty() || selfReference) {
            throw new IllegalArgumentException("fixed-output path '" + name + "' hashed with "
                    + hash.methodAlgo() + " cannot have references; only recursive sha256 can");
        }
        Hash inner = HashAlgo.SHA256.hash(hash.innerFingerprint().getBytes(StandardCharsets.ISO_8859_1));
        return makeStorePath("output:out", inner, name);
    }

    /** {@link #fixedOutputPath(String, FixedOutputHash, Collection, boolean)} with no references. */
    public StorePath fixedOutputPath(String name, FixedOutputHash hash) {
        return fixedOutputPath(name, hash, List.of(), false);
    }

    /**
     * The path of an input-addressed derivation output: type {@code output:<outputName>}, inner
     * hash the derivation's masked modulo hash, name {@link #outputPathName}.
     */
    public StorePath outputPath(String drvName, String outputName, Hash drvModuloHash) {
        return makeStorePath("output:" + outputName, drvModuloHash, outputPathName(drvName, outputName));
    }

    /** {@code <drvName>} for output {@code out}, {@code <drvName>-<output>} for any other output. */
    public static String outputPathName(String drvName, String outputName) {
        return outputName.equals("out") ? drvName : drvName + "-" + outputName;
    }

    private String type(String kind, Collection<StorePath> references, boolean selfReference) {
        StringBuilder sb = new StringBuilder(kind);
        SortedSet<StorePath> sorted = new TreeSet<>(references);
        for (StorePath ref : sorted) sb.append(':').append(print(ref));
        if (selfReference) sb.append(":self");
        return sb.toString();
    }

    private static void requireSha256(Hash h, String kind) {
        if (h.algo() != HashAlgo.SHA256) {
            throw new IllegalArgumentException(kind + " paths are addressed by a sha256 hash, not " + h.algo());
        }
    }

    // equals and hashCode written out: a record's generated ones are linked through
    // java.lang.runtime.ObjectMethods on first use, which spins ~20 method-handle classes (~15 ms
    // of every command's start-up, since every evaluator compares its store directory).
    @Override
    public boolean equals(Object o) {
        return o instanceof StoreDir d && d.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path;
    }
}

package dev.sysbuild.store.nar;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.HashSink;
import java.io.IOException;
import java.nio.file.Path;

/** The NAR format's constants and the common ways to hash a tree through it. */
public final class Nar {
    /** The first string of every NAR. */
    public static final String MAGIC = "nix-archive-1";

    private Nar() {}

    /** {@code nix-hash --type <algo> path}: the hash of the path's NAR. */
    public static Hash hash(Path path, HashAlgo algo) throws IOException {
        return hash(path, algo, NarFilter.ALL);
    }

    /** The hash of the NAR of the entries {@code filter} keeps. */
    public static Hash hash(Path path, HashAlgo algo, NarFilter filter) throws IOException {
        HashSink sink = new HashSink(algo);
        NarWriter.dump(path, sink, filter);
        return sink.finish();
    }

    /** The bytes {@code str(s)} takes in a NAR: 8 for the length, then s padded to a multiple of 8. */
    static long paddedLength(long n) {
        return (n + 7) & ~7L;
    }
}

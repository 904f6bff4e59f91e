package dev.sysbuild.store.path;

import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.HashSink;
import dev.sysbuild.store.nar.Nar;
import dev.sysbuild.store.nar.NarFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The store path a file-system path gets when it is imported ({@code "${./p}"},
 * {@code builtins.path}, {@code filterSource}), computed without copying anything, as
 * {@code nix-instantiate --eval} does. Copying into a real store is the local store's business;
 * it must arrive at the same path, which is why the computation lives here, once.
 */
public final class PathImport {
    private PathImport() {}

    /**
     * A recursive import: sha256 of the NAR, type {@code source}. A root symlink is imported as
     * a symlink. {@code references} is empty except for a source that is itself a store path with
     * references: Nix 2.8 carries those into the type when it writes the store (notes §6).
     */
    public static StorePath recursive(StoreDir store, Path source, String name, NarFilter filter,
            Collection<StorePath> references) throws IOException {
        return store.sourcePath(name, Nar.hash(source, HashAlgo.SHA256, filter), references, false);
    }

    /** {@link #recursive(StoreDir, Path, String, NarFilter, Collection)} of everything, without references. */
    public static StorePath recursive(StoreDir store, Path source, String name) throws IOException {
        return recursive(store, source, name, NarFilter.ALL, List.of());
    }

    /**
     * {@code builtins.path { recursive = false; }}: sha256 of the file's bytes, a fixed
     * {@code output:out} path. Only a regular file (or a symlink to one) can be imported so.
     */
    public static StorePath flat(StoreDir store, Path source, String name) throws IOException {
        if (!Files.isRegularFile(source)) {
            throw new IOException("cannot import '" + source + "' with recursive = false: it is not a regular file");
        }
        HashSink contents = new HashSink(HashAlgo.SHA256);
        try (InputStream in = Files.newInputStream(source)) {
            in.transferTo(contents);
        }
        return store.fixedOutputPath(name, FixedOutputHash.flat(contents.finish()));
    }

    /**
     * The default name of an import: the last component of the path ({@code /a/b/tree} gives
     * {@code tree}); for a store path that is its whole base name, hash part included, as in 2.8.
     */
    public static String defaultName(Path source) {
        Path file = source.normalize().getFileName();
        if (file == null) throw new IllegalArgumentException("'" + source + "' has no last component to name it by");
        return file.toString();
    }
}

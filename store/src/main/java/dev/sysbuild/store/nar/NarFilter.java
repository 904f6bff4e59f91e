package dev.sysbuild.store.nar;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decides which entries go into a NAR, as {@code builtins.path}'s {@code filter} does. It is asked
 * about every entry below the root (never the root), in NAR order, with the entry's path and
 * type; refusing a directory drops its whole subtree.
 */
@FunctionalInterface
public interface NarFilter {
    NarFilter ALL = (path, type) -> true;

    boolean accept(Path path, NarEntryType type) throws IOException;
}

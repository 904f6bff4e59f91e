package dev.sysbuild.store.build;

import java.io.IOException;
import java.nio.file.Path;

/** Deleting what builds leave behind (build directories, failed outputs), never following symlinks. */
final class Trees {
    private Trees() {}

    /** Deletes {@code root} and everything below it, read-only directories included; a missing root is fine. */
    static void deleteRecursively(Path root) throws IOException {
        dev.sysbuild.store.local.FileTrees.deleteRecursively(root);
    }

    /** A file-name-safe form of a derivation name, for temporary directories. */
    static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9+._?=-]", "_");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}

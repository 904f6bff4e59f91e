package dev.sysbuild.eval;

import dev.sysbuild.language.diag.Span;
import java.util.List;
import java.util.Map;

/**
 * What the evaluator needs from the outside world apart from the store, in one replaceable seam:
 * files and environment. (The store is the other seam, {@link EvalStore}.) Paths and contents are
 * byte strings (one byte per char).
 */
public interface EvalIO {
    /** The kind of a directory entry, as {@code builtins.readDir} names it. */
    enum FileType { REGULAR, DIRECTORY, SYMLINK, UNKNOWN }

    String readFile(String path, Span span);

    byte[] readFileBytes(String path, Span span);

    boolean pathExists(String path);

    /** The type of path without following a final symlink, or null if it does not exist. */
    FileType fileType(String path);

    /** Entries of a directory, sorted by name. */
    Map<String, FileType> readDir(String path, Span span);

    String getEnv(String name);

    /** Resolves symlinks in a path, as imports do before reading. */
    String realPath(String path);

    /**
     * Seconds since the epoch, for {@code builtins.currentTime}: an input from outside like the
     * environment, so it comes through this seam (and an evaluation cache can see it was used).
     */
    default long currentTime() {
        return System.currentTimeMillis() / 1000;
    }

    /**
     * A line evaluation prints on standard error ({@code builtins.trace}, {@code builtins.warn},
     * module warnings): through this seam, so an evaluation cache can print it again on a hit.
     */
    default void message(String line) {
        System.err.println(line);
    }

    /** The files read through this IO, for provenance. */
    List<String> filesRead();

    /** A file {@code import} of a path would read, and its text: see {@link #peekImport}. */
    record Peeked(String file, String text) {}

    /**
     * What {@code import path} would read (symlinks resolved, a directory's {@code default.nix}),
     * if it is a regular file of at most {@code maxBytes}, and its text; null if not, or if this
     * IO does not tell. Safe from any thread, and not an input of the evaluation: nothing is
     * recorded as read or looked at (the parse-ahead asks; the import itself reads for real).
     */
    default Peeked peekImport(String path, int maxBytes) {
        return null;
    }
}

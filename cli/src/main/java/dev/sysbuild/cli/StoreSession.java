package dev.sysbuild.cli;

import dev.sysbuild.store.local.CorruptDatabaseException;
import dev.sysbuild.store.local.LinkChain;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.path.InvalidStorePathException;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What the store commands share: opening the store under {@code --root}, naming paths, reporting errors. */
final class StoreSession {
    private StoreSession() {}

    /** A store task; its exit code is returned, and its expected failures are printed as one line. */
    interface Task {
        int run() throws IOException;
    }

    static LocalStore open(CommonOptions common) throws IOException {
        return LocalStore.open(Path.of(common.root), new StoreDir(common.storeDir));
    }

    /**
     * The store under {@code --root} for a command that only looks at it or removes from it: a root
     * without a store is a mistake (most likely a mistyped {@code --root}), said as such, and
     * nothing is created there (opening creates the store's directories, as adding needs).
     */
    static LocalStore openExisting(CommonOptions common) throws IOException {
        return LocalStore.open(existingLayout(common).root(), new StoreDir(common.storeDir));
    }

    /** The layout under {@code --root}, which must hold a store ({@link #openExisting}). */
    static StoreLayout existingLayout(CommonOptions common) throws IOException {
        StoreLayout layout = new StoreLayout(Path.of(common.root), new StoreDir(common.storeDir));
        if (!Files.isDirectory(layout.physicalStoreDir())) {
            throw new IOException("there is no store under " + layout.root() + " (no directory "
                    + layout.physicalStoreDir() + "); check --root, or put something in it first"
                    + " (sysbuild store add, build, switch)");
        }
        return layout;
    }

    /** Runs {@code task}; an I/O or database error prints {@code error: ...} and gives exit code 1. */
    static int run(PrintStream err, boolean verbose, Task task) {
        try {
            return task.run();
        } catch (IOException | UncheckedIOException | CorruptDatabaseException | InvalidStorePathException e) {
            err.println("error: " + describe(e));
            if (verbose) e.printStackTrace(err);
            return 1;
        }
    }

    private static String describe(Exception e) {
        // java.nio names only the file for these; say what went wrong with it.
        if (e instanceof NoSuchFileException n) return "'" + n.getFile() + "' does not exist";
        if (e instanceof AccessDeniedException a) {
            return "permission denied: '" + a.getFile() + "' (use --root DIR for a store you can write, or run as root)";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * The store path an argument names: a store path or a file below one, written logically
     * ({@code /sysbuild/store/<hash>-x/bin}), or any file or chain of symlinks that ends in the store
     * under {@code --root} (a {@code result} link, the physical path).
     */
    static StorePath storePath(LocalStore store, String arg) throws IOException {
        StoreDir dir = store.storeDir();
        if (arg.startsWith(dir.path() + "/")) return dir.storePathOf(arg);
        LinkChain.End end = LinkChain.follow(store.layout(), Path.of(arg), false);
        return end.path().orElseThrow(() -> new IOException("'" + arg + "' is not a store path and does not lead into"
                + " the store " + store.layout().physicalStoreDir()
                + (end.kind() == LinkChain.Kind.DANGLING ? " (it, or a link it follows, points at nothing)" : "")));
    }

    /** {@link #storePath}, which must also be valid. */
    static StorePath validPath(LocalStore store, String arg) throws IOException {
        StorePath p = storePath(store, arg);
        if (!store.isValid(p)) throw new IOException("path '" + store.storeDir().print(p) + "' is not valid");
        return p;
    }

    /** Sizes as Nix prints them in summaries: MiB with two decimals. */
    static String mebibytes(long bytes) {
        // As "%.2f MiB" rounds (half up), in integers: String.format's first use loads the
        // locale data, ~15 ms of a command that takes ~0.3 s.
        long hundredths = (bytes * 200 + (1 << 20)) / (2L << 20);
        long fraction = hundredths % 100;
        return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction + " MiB";
    }
}

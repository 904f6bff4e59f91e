package dev.sysbuild.generations.boot;

import dev.sysbuild.store.local.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Follows a logical path (one a booted machine would use) to the file under root R. Links in the
 * store hold logical targets ({@code /sysbuild/store/...}), so the operating system must not
 * follow them itself under a root prefix: every absolute link target is taken back through
 * {@link StoreLayout#physical(String)}.
 */
final class RootedPaths {
    /** As Linux's MAXSYMLINKS: more links than this in one lookup is a loop. */
    private static final int MAX_LINKS = 40;

    private RootedPaths() {}

    /** The physical file that {@code logical} names under the layout's root, every link resolved. */
    static Path resolve(StoreLayout layout, String logical) throws IOException {
        Path root = layout.root();
        Path done = root;
        Path rest = root.relativize(layout.physical(logical));
        int links = 0;
        while (rest.getNameCount() > 0 && !rest.toString().isEmpty()) {
            Path next = done.resolve(rest.getName(0));
            rest = rest.getNameCount() > 1 ? rest.subpath(1, rest.getNameCount()) : Path.of("");
            if (!Files.isSymbolicLink(next)) {
                done = next;
                continue;
            }
            if (++links > MAX_LINKS) throw new IOException("too many levels of symbolic links resolving " + logical + " under " + root);
            Path target = Files.readSymbolicLink(next);
            Path resolved = target.isAbsolute() ? layout.physical(target.toString()) : done.resolve(target).normalize();
            if (!resolved.startsWith(root)) throw new IOException("link " + next + " leads out of the root " + root);
            done = root;
            rest = root.relativize(resolved).resolve(rest);
        }
        if (!Files.exists(done)) throw new NoSuchFileException(done.toString(), null, "resolving " + logical + " under " + root);
        return done;
    }
}

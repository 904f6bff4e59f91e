package dev.sysbuild.store.local;

import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The roots of garbage collection under a root R: every symlink under
 * {@code R/sysbuild/var/profiles/} (the generations), every symlink under
 * {@code R/sysbuild/var/gcroots/} (extra roots; {@code auto/} holds links to {@code result} links
 * elsewhere on the host), and {@code R/run/current-system}. Each is followed to the store path its
 * chain ends in. Paths being built are roots too, but they are found from their locks by the
 * collector, which has to try those locks anyway.
 */
public final class GcRoots {
    private GcRoots() {}

    /** {@code R/sysbuild/var/profiles}: generation links, each a root. */
    public static Path profilesDir(StoreLayout layout) {
        return layout.root().resolve("sysbuild/var/profiles");
    }

    /** {@code R/sysbuild/var/gcroots}: extra roots, searched recursively. */
    public static Path gcRootsDir(StoreLayout layout) {
        return layout.root().resolve("sysbuild/var/gcroots");
    }

    /** {@code R/sysbuild/var/gcroots/auto}: links to {@code result} links on the host. */
    public static Path autoRootsDir(StoreLayout layout) {
        return gcRootsDir(layout).resolve("auto");
    }

    /** {@code R/run/current-system}: the generation that is active now. */
    public static Path currentSystemLink(StoreLayout layout) {
        return layout.root().resolve("run/current-system");
    }

    /**
     * The store paths the roots lead to (valid or not: the caller intersects with the database).
     * An automatic root whose chain is dangling (its {@code result} link was removed) is deleted
     * when {@code removeStale} is set, silently, as Nix does.
     */
    static SortedSet<StorePath> find(StoreLayout layout, boolean removeStale) throws IOException {
        SortedSet<StorePath> roots = new TreeSet<>();
        for (Path link : linksUnder(profilesDir(layout))) add(roots, LinkChain.follow(layout, link, true));
        Path auto = autoRootsDir(layout);
        for (Path link : linksUnder(gcRootsDir(layout))) {
            boolean isAuto = link.startsWith(auto);
            LinkChain.End end = LinkChain.follow(layout, link, !isAuto);
            if (isAuto && end.kind() == LinkChain.Kind.DANGLING && removeStale) {
                Files.deleteIfExists(link);
                continue;
            }
            add(roots, end);
        }
        add(roots, LinkChain.follow(layout, currentSystemLink(layout), true));
        return roots;
    }

    private static void add(SortedSet<StorePath> roots, LinkChain.End end) {
        end.path().ifPresent(roots::add);
    }

    /** The symlinks below {@code dir}, which is walked without following links. */
    private static List<Path> linksUnder(Path dir) throws IOException {
        List<Path> links = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return links;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) links.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        return links;
    }
}

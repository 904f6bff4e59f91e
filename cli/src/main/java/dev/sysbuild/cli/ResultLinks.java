package dev.sysbuild.cli;

import dev.sysbuild.store.NixBase32;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.local.AtomicFile;
import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * nix-build's result links: {@code result} for the first derivation, {@code result-2},
 * {@code result-3}, ... for the next ones, with {@code -OUTPUT} appended for an output other
 * than {@code out}. Each points at the output's physical path (R followed by the logical path,
 * so it works on this machine under any root), and is registered as a GC root the way Nix does
 * it: {@code R/sysbuild/var/gcroots/auto/<nix32 of sha1 of the link's absolute path>} is a
 * symlink to the link, so the root goes away when the link is deleted.
 */
final class ResultLinks {

    private ResultLinks() {}

    static void make(StoreLayout layout, Path outLink, List<BuildTargets.Target> targets) throws IOException {
        Map<StorePath, Integer> index = new LinkedHashMap<>();
        for (BuildTargets.Target t : targets) {
            int i = index.computeIfAbsent(t.drvPath(), d -> index.size());
            String name = outLink.getFileName().toString() + (i == 0 ? "" : "-" + (i + 1))
                    + (t.output().equals("out") ? "" : "-" + t.output());
            Path link = outLink.toAbsolutePath().resolveSibling(name);
            replaceLink(link, layout.physical(t.outPath()));
            Path roots = autoRootsDir(layout);
            Files.createDirectories(roots);
            replaceLink(roots.resolve(autoRootName(link)), link);
        }
    }

    static Path autoRootsDir(StoreLayout layout) {
        return layout.root().resolve("sysbuild/var/gcroots/auto");
    }

    /** Nix's name for an automatic root: the link path hashed, so one link has one root. */
    static String autoRootName(Path link) {
        return NixBase32.encode(HashAlgo.SHA1.hash(link.toString().getBytes(StandardCharsets.UTF_8)).bytes());
    }

    /** A new link under a temporary name, renamed over the old one: the link is never missing. */
    static void replaceLink(Path link, Path target) throws IOException {
        if (Files.isDirectory(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cannot make the link '" + link + "': a directory of that name exists");
        }
        Path temp = link.resolveSibling(link.getFileName() + AtomicFile.TEMP_INFIX + AtomicFile.randomSuffix());
        Files.createSymbolicLink(temp, target);
        try {
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}

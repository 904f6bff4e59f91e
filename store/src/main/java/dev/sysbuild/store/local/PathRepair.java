package dev.sysbuild.store.local;

import dev.sysbuild.store.hash.HashFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Puts back a damaged valid path from a good copy of its NAR. The copy is staged, checked against
 * the recorded NAR hash, canonicalised and synced; then the damaged tree is renamed aside and the
 * copy renamed into place. A crash between those two renames leaves the path valid but missing,
 * which {@code store verify} reports and a second repair fixes: the window Nix's repair has too,
 * since Java cannot exchange two directories in one rename.
 */
final class PathRepair {
    private PathRepair() {}

    /** The caller holds the global lock shared and the path's lock; {@code temp} is deleted here. */
    static void replace(StoreLayout layout, PathInfo info, Path narFile, Path temp) throws IOException {
        String shown = layout.storeDir().print(info.path());
        try {
            Path staged = temp.resolve("x");
            NarSummary nar;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(narFile), 64 * 1024)) {
                nar = NarCopy.restore(in, staged, List.of());
            }
            if (!nar.narHash().equals(info.narHash())) {
                throw new IOException("cannot repair '" + shown + "' from a NAR with hash "
                        + nar.narHash().toPrefixed(HashFormat.NIX32) + ": the database records "
                        + info.narHash().toPrefixed(HashFormat.NIX32));
            }
            Canonicaliser.canonicalise(staged);
            FileTrees.syncTree(staged);
            Path target = layout.physical(info.path());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(target, temp.resolve("damaged"), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFile.syncDirectory(layout.physicalStoreDir());
        } finally {
            FileTrees.deleteRecursively(temp);
        }
    }
}

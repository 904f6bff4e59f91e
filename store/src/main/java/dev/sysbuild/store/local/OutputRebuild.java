package dev.sysbuild.store.local;

import dev.sysbuild.store.hash.HashFormat;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Repairs valid outputs by building them again ({@link LocalStore#rebuildInPlace}, which states
 * the contract). The old trees are moved aside rather than deleted first, so a builder that is not
 * reproducible leaves the store as it was.
 */
final class OutputRebuild {
    private OutputRebuild() {}

    /** The caller holds each output's lock; the shared global lock is taken here. */
    static void run(PathRegistry registry, Collection<StorePath> outputs, LocalStore.Rebuild rebuild) throws Exception {
        StoreLayout layout = registry.layout();
        ValidPathDb db = registry.db();
        for (StorePath p : outputs) {
            if (db.query(p).isEmpty()) throw new IOException("cannot repair '" + registry.storeDir().print(p) + "': it is not valid");
        }
        try (GcLock.Held gc = registry.gcLock().shared()) {
            Path aside = registry.newTempDir();
            try {
                for (StorePath p : outputs) {
                    Path target = layout.physical(p);
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        Files.move(target, aside.resolve(p.baseName()), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                try {
                    rebuild.run();
                    for (StorePath p : outputs) {
                        Path target = layout.physical(p);
                        PathInfo info = db.query(p).orElseThrow();
                        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                            throw new IOException("rebuilding did not create '" + registry.storeDir().print(p) + "'");
                        }
                        Canonicaliser.canonicalise(target);
                        NarSummary nar = NarSummary.of(target, List.of());
                        if (!nar.narHash().equals(info.narHash())) {
                            throw new IOException("rebuilding '" + registry.storeDir().print(p) + "' gave NAR hash "
                                    + nar.narHash().toPrefixed(HashFormat.NIX32) + ", not the recorded "
                                    + info.narHash().toPrefixed(HashFormat.NIX32)
                                    + ": its builder is not reproducible, so this path cannot be repaired by rebuilding");
                        }
                        FileTrees.syncTree(target);
                    }
                } catch (Exception e) {
                    for (StorePath p : outputs) {
                        Path target = layout.physical(p);
                        FileTrees.deleteRecursively(target);
                        Path old = aside.resolve(p.baseName());
                        if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                            Files.move(old, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        }
                    }
                    throw e;
                } finally {
                    AtomicFile.syncDirectory(layout.physicalStoreDir());
                }
            } finally {
                FileTrees.deleteRecursively(aside);
            }
        }
    }
}

package dev.sysbuild.store.local;

import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares what the database recorded with what is on disk. Store objects are read-only and
 * canonical, so any difference is damage (a write by hand, a failing disk), and the recorded NAR
 * hash is the only witness of what the path held when it became valid.
 */
final class StoreVerifier {
    private StoreVerifier() {}

    /** The valid paths whose store object is missing or hashes to something else. */
    static SortedSet<StorePath> damagedPaths(StoreLayout layout, ValidPathDb db) throws IOException {
        SortedSet<StorePath> damaged = new TreeSet<>();
        for (PathInfo info : db.all()) {
            if (isDamaged(layout, info)) damaged.add(info.path());
        }
        return damaged;
    }

    /** Whether the store object of {@code info}'s path is missing or hashes to something else. */
    static boolean isDamaged(StoreLayout layout, PathInfo info) throws IOException {
        Path physical = layout.physical(info.path());
        return !Files.exists(physical, LinkOption.NOFOLLOW_LINKS)
                || !NarSummary.of(physical, List.of()).narHash().equals(info.narHash());
    }
}

package dev.sysbuild.store.local;

import dev.sysbuild.store.path.StorePath;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a garbage collection deleted (or, for a dry run, would delete): the store paths, valid ones
 * and invalid leftovers alike, as Nix counts them; the bytes freed (the size of every non-directory
 * that had no other hard link, plus {@code .links} entries no path uses any more); and how many
 * temporary entries went with them.
 */
public record GcResult(SortedSet<StorePath> deleted, long bytesFreed, int temporaryEntries, boolean dryRun) {
    public GcResult {
        deleted = Collections.unmodifiableSortedSet(new TreeSet<>(deleted));
    }
}

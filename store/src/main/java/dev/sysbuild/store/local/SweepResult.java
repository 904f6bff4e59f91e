package dev.sysbuild.store.local;

import dev.sysbuild.store.path.StorePath;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What {@link LocalStore#deleteInvalidPaths()} removed: store entries that were never (or are no
 * longer) valid, and how many temporary staging directories and database files it found.
 */
public record SweepResult(SortedSet<StorePath> invalidPaths, int temporaryEntries) {
    public SweepResult {
        invalidPaths = Collections.unmodifiableSortedSet(new TreeSet<>(invalidPaths));
    }
}

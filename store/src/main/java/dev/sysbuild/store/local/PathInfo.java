package dev.sysbuild.store.local;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.path.StorePath;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the database knows about a valid path: its NAR hash and size (to verify it later), the
 * paths it references (its closure, for copying and garbage collection), the derivation that built
 * it, if any, and when it was registered.
 */
public record PathInfo(StorePath path, Hash narHash, long narSize, SortedSet<StorePath> references,
        Optional<StorePath> deriver, Instant registrationTime) {

    public PathInfo {
        if (narHash.algo() != HashAlgo.SHA256) {
            throw new IllegalArgumentException("NAR hash of '" + path + "' must be sha256, not " + narHash.algo());
        }
        if (narSize < 0) throw new IllegalArgumentException("NAR size of '" + path + "' is negative: " + narSize);
        references = Collections.unmodifiableSortedSet(new TreeSet<>(references));
        // The database keeps whole seconds; dropping the rest here makes a read equal the write.
        registrationTime = Instant.ofEpochSecond(registrationTime.getEpochSecond());
    }
}

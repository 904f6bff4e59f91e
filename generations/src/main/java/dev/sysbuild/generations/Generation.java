package dev.sysbuild.generations;

import dev.sysbuild.store.path.StorePath;
import java.time.Instant;
import java.util.Map;

/**
 * Generation {@code number} of the system profile: the toplevel its link points to, when it was
 * made, and what else its {@code system-N.json} records (provenance, later).
 */
public record Generation(int number, StorePath toplevel, Instant created, Map<String, Object> metadata) {
    public Generation {
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }
}

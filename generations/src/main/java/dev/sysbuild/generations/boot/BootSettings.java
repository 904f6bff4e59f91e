package dev.sysbuild.generations.boot;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What the boot-entry writer takes from its surroundings rather than from boot.json.
 *
 * @param initialTries boot-counting tries a new entry gets ({@code sysbuild-N+3.conf}); 0 turns
 *     boot counting off (new entries are written as {@code sysbuild-N.conf})
 * @param zone the time zone of the creation time shown in entry titles
 * @param freeSpace how free space on the boot partition is measured
 */
public record BootSettings(int initialTries, ZoneId zone, FreeSpace freeSpace) {
    public static final int DEFAULT_TRIES = 3;

    public BootSettings {
        if (initialTries < 0) throw new IllegalArgumentException("boot-counting tries must not be negative");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(freeSpace, "freeSpace");
    }

    /** Three tries, the system time zone, the real file system. */
    public static BootSettings defaults() {
        return new BootSettings(DEFAULT_TRIES, ZoneId.systemDefault(), FreeSpace.fileStore());
    }

    public BootSettings withInitialTries(int tries) {
        return new BootSettings(tries, zone, freeSpace);
    }

    public BootSettings withZone(ZoneId z) {
        return new BootSettings(initialTries, z, freeSpace);
    }

    public BootSettings withFreeSpace(FreeSpace f) {
        return new BootSettings(initialTries, zone, f);
    }
}

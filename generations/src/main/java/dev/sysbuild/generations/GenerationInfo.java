package dev.sysbuild.generations;

import dev.sysbuild.generations.boot.BootSpec;
import dev.sysbuild.store.path.StorePath;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What a boot-loader writer gets for one kept generation: its number, its toplevel (logical
 * store path and where it is under the root), its parsed {@code boot.json}, and when it was made.
 */
public record GenerationInfo(int number, StorePath toplevel, Path toplevelPhysical, BootSpec boot, Instant created) {
}

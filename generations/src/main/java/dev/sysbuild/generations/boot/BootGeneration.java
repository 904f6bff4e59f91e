package dev.sysbuild.generations.boot;

import java.time.Instant;
import java.util.Objects;

/**
 * One generation the boot loader may offer: its number, when it was created, and its toplevel's
 * {@code boot.json}. The profiles code builds these; nothing here reads profile links.
 */
public record BootGeneration(int number, Instant created, BootSpec spec) {
    public BootGeneration {
        if (number < 1) throw new IllegalArgumentException("generation numbers start at 1, got " + number);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(spec, "spec");
    }

    public boolean hasKernel() {
        return spec.hasKernel();
    }

    /** What the entry's {@code init=} runs: the generation link, which stays as long as the generation does. */
    public String initPath() {
        return "/sysbuild/var/profiles/system-" + number + "-link/init";
    }
}

package dev.sysbuild.generations;

import java.util.List;
import java.util.Optional;

/**
 * What the boot loader needs from a toplevel ({@code boot.json}). {@code kernel}, {@code initrd}
 * and {@code kernelVersion} are empty for a configuration without a kernel; paths are logical.
 */
public record BootSpec(String label, Optional<String> kernel, Optional<String> initrd,
        Optional<String> kernelVersion, List<String> kernelParams, String init, String loaderType,
        Optional<Long> timeout, Optional<Long> configurationLimit) {

    static BootSpec from(JsonFields f) {
        JsonFields loader = f.object().get("loader") == null ? JsonFields.of(java.util.Map.of(), f.where() + ".loader")
                : f.object("loader");
        return new BootSpec(f.stringOrNull("label") == null ? "" : f.string("label"),
                Optional.ofNullable(f.stringOrNull("kernel")), Optional.ofNullable(f.stringOrNull("initrd")),
                Optional.ofNullable(f.stringOrNull("kernelVersion")), f.strings("kernelParams"),
                f.stringOrNull("init") == null ? "" : f.string("init"),
                loader.stringOrNull("type") == null ? "systemd-boot" : loader.string("type"),
                Optional.ofNullable(loader.longOrNull("timeout")),
                Optional.ofNullable(loader.longOrNull("configurationLimit")));
    }

    /** Whether the configuration has a kernel to boot at all. */
    public boolean hasKernel() {
        return kernel.isPresent();
    }
}

package dev.sysbuild.generations;

import dev.sysbuild.generations.boot.BootSettings;
import dev.sysbuild.store.local.StoreLayout;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Writes the boot loader's configuration for the generations that exist (systemd-boot entries
 * or grub.cfg). Called after every change to the set of generations or to the boot default,
 * with all of them, oldest first, the default, and the generation running now (kept even past
 * {@code configurationLimit}); the writer decides which to keep and must leave the old
 * configuration in place when it fails. Tests record calls; {@link #standard} writes the real
 * entries through {@code dev.sysbuild.generations.boot}.
 */
public interface BootEntriesWriter {
    void write(List<GenerationInfo> generations, int defaultGeneration, OptionalInt current) throws IOException;

    /** The entries under {@code R/boot}, as {@code dev.sysbuild.generations.boot.BootEntries} writes them; reports go to {@code log}. */
    static BootEntriesWriter standard(StoreLayout layout, Consumer<String> log) {
        return new StandardBootEntries(layout, BootSettings.defaults(), log);
    }
}

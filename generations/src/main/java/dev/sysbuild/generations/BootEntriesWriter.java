package dev.sysbuild.generations;

import java.io.IOException;
import java.util.List;

/**
 * Writes the boot loader's configuration for the generations that exist (systemd-boot entries
 * or grub.cfg; implemented in {@code dev.sysbuild.generations.boot}). Called after every change
 * to the set of generations or to the boot default, with all of them, oldest first; the writer
 * decides which to keep (configurationLimit, free space) and must leave the old configuration in
 * place when it fails.
 */
public interface BootEntriesWriter {
    void write(List<GenerationInfo> generations, int defaultGeneration) throws IOException;
}

package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data training runs the daily loop on a throwaway root; if a command it
 * runs changed and started failing, training would silently archive less (and every command
 * would start slower), so its commands must keep succeeding.
 */
class CdsTrainingTest {
    @TempDir
    Path root;

    @Test
    void theDailyLoopOfTheTrainingRunSucceeds() throws Exception {
        assertThat(CdsTraining.exercise(root)).isEmpty();
        // It really made two generations on the throwaway root (the third switch changed nothing).
        Path profiles = root.resolve("sysbuild/var/profiles");
        assertThat(Files.readSymbolicLink(profiles.resolve("system-1-link")).toString()).endsWith("-sysbuild-system-training-a");
        assertThat(Files.readSymbolicLink(profiles.resolve("system-2-link")).toString()).endsWith("-sysbuild-system-training-b");
        assertThat(profiles.resolve("system-3-link")).doesNotExist();
    }
}

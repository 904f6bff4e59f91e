package dev.sysbuild.store.build;

import dev.sysbuild.store.local.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a builder gets besides its request: where the store is on disk (outputs are created at
 * {@link StoreLayout#physical}), the file its log goes to, and the settings of this run.
 */
public record BuildContext(StoreLayout layout, Path logFile, BuildSettings settings) {
    /** Appends a line to the build log (built-in builders say what they did here). */
    public void log(String line) throws IOException {
        Files.write(logFile, (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}

package dev.sysbuild.store.build;

import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where build logs live, as in Nix: {@code R/sysbuild/var/log/drvs/<first two characters of the
 * .drv base name>/<the rest>.log}, so no directory holds more than a 32nd of them. A log is
 * rewritten by each attempt; it is not part of the store and needs no atomic write.
 */
public final class BuildLogs {
    private static final int TAIL_BYTES = 64 * 1024;

    private BuildLogs() {}

    /** The log file of the build of {@code drvPath} under root {@code root}. */
    public static Path logFile(Path root, StorePath drvPath) {
        String base = drvPath.baseName();
        return root.resolve("sysbuild/var/log/drvs").resolve(base.substring(0, 2)).resolve(base.substring(2) + ".log");
    }

    /**
     * The last {@code n} lines of {@code log} (read from its last 64 KiB, so a huge log costs
     * nothing), as byte strings; empty if it does not exist.
     */
    public static List<String> tail(Path log, int n) throws IOException {
        if (!Files.exists(log)) return List.of();
        byte[] bytes;
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL_BYTES);
            bytes = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
        if (text.isEmpty()) return List.of();
        String[] lines = text.split("\n", -1);
        List<String> last = new ArrayList<>();
        for (int i = Math.max(0, lines.length - n); i < lines.length; i++) last.add(lines[i]);
        return last;
    }
}

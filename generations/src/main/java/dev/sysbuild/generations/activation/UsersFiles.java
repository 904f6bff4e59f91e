package dev.sysbuild.generations.activation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writing {@code passwd}, {@code group}, {@code shadow} and {@code gshadow}, each atomically
 * with its mode, and the snapshot of them that a failed activation puts back.
 */
final class UsersFiles {
    private static final Map<String, Integer> MODES = Map.of("passwd", 0644, "group", 0644, "shadow", 0600, "gshadow", 0600);

    private final Path etc;
    private final Consumer<String> warn;

    UsersFiles(Path etc, Consumer<String> warn) {
        this.etc = etc;
        this.warn = warn;
    }

    void write(UsersPlan plan) throws IOException {
        write("passwd", plan.passwd().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        write("group", plan.group().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        write("shadow", plan.shadow().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        write("gshadow", plan.gshadow().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void write(String name, byte[] contents) throws IOException {
        Path p = etc.resolve(name);
        int mode = MODES.get(name);
        if (OwnedFile.matches(p, contents, mode, 0, 0)) return;
        Files.createDirectories(etc);
        OwnedFile.write(p, contents, mode, 0, 0, warn);
    }

    /** The four files as they are now (null where absent). */
    Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String name : MODES.keySet()) {
            Path p = etc.resolve(name);
            out.put(name, Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(p) : null);
        }
        return out;
    }

    void restore(Map<String, byte[]> snapshot) throws IOException {
        for (var e : snapshot.entrySet()) {
            if (e.getValue() == null) Files.deleteIfExists(etc.resolve(e.getKey()));
            else write(e.getKey(), e.getValue());
        }
    }
}

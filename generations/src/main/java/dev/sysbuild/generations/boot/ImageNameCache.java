package dev.sysbuild.generations.boot;

import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.json.JsonException;
import dev.sysbuild.store.local.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remembers the content-derived name of each kernel and initrd in the store, so a switch that
 * changes nothing does not hash every kept generation's images again (tens of megabytes each).
 * A store file never changes while it exists; the key also holds its size, inode and change time,
 * so a path deleted by garbage collection and built again with other bytes is hashed afresh.
 * Kept in {@code R/sysbuild/var/cache/boot-images.json}; a damaged file is ignored.
 */
final class ImageNameCache {
    private final Path file;
    private final Path root;
    private final Map<String, String> known = new TreeMap<>();
    private final Map<String, String> used = new TreeMap<>();

    private ImageNameCache(Path root) {
        this.root = root;
        this.file = root.resolve("sysbuild/var/cache/boot-images.json");
    }

    static ImageNameCache load(Path root) {
        ImageNameCache c = new ImageNameCache(root);
        try {
            if (Files.isRegularFile(c.file)) {
                Object names = Json.parseObject(Files.readString(c.file)).get("names");
                if (names instanceof Map<?, ?> m) {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        if (e.getKey() instanceof String k && e.getValue() instanceof String v) c.known.put(k, v);
                    }
                }
            }
        } catch (IOException | JsonException e) {
            c.known.clear(); // only a cache: hashing again is always right
        }
        return c;
    }

    /** The image for {@code source}, hashed only when not known from an earlier run. */
    BootImage image(Path source, BootImage.Kind kind) throws IOException {
        BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class);
        Object ctime = Files.getAttribute(source, "unix:ctime");
        String key = root.relativize(source) + "|" + a.size() + "|" + a.fileKey() + "|" + ctime + "|" + kind.suffix;
        String name = known.get(key);
        BootImage image = name != null ? new BootImage(name, source, a.size()) : BootImage.of(source, kind);
        used.put(key, image.name());
        return image;
    }

    /** Keeps what this run used (so the file stays as small as the set of kept entries). */
    void save() throws IOException {
        if (used.equals(known)) return;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", 1L);
        doc.put("names", new LinkedHashMap<String, Object>(used));
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, Json.writePretty(doc).getBytes(StandardCharsets.UTF_8));
    }
}

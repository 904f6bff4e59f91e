package dev.sysbuild.generations;

import dev.sysbuild.generations.boot.BootSpec;
import dev.sysbuild.store.local.LocalStore;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What {@code generations list} shows of a toplevel (label, kernel version, package count,
 * closure size), worked out once when the generation is made and kept in its
 * {@code system-N.json}: a toplevel never changes, and reading every toplevel's files and the
 * store database for hundreds of generations on each listing is most of its time.
 */
public final class GenerationSummary {
    public static final String KEY = "summary";

    private GenerationSummary() {}

    /** The summary of {@code t}, or an empty map when its files cannot be read (the listing then reads them itself). */
    static Map<String, Object> of(Toplevel t) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            BootSpec boot = t.boot();
            m.put("label", boot.label());
            m.put("kernelVersion", boot.kernelVersion());
            m.put("packages", (long) t.packages().size());
            OptionalLong size = closureSize(t);
            m.put("closureSize", size.isPresent() ? size.getAsLong() : null);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return m;
    }

    private static OptionalLong closureSize(Toplevel t) throws IOException {
        if (!Files.isDirectory(t.store().infoDir())) return OptionalLong.empty();
        return new ClosureSizes(LocalStore.open(t.store().root(), t.store().storeDir())).of(t.path());
    }
}

package dev.sysbuild.cli.evalcache;

import dev.sysbuild.eval.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an evaluation's result depends on apart from what it reads while running: which sysbuild
 * evaluated (its version and the exact code, since the OS modules are part of it), the store
 * directory and system, the configuration file, the search path given with {@code -I}, and the
 * directory it ran in. Two runs with the same key and the same {@link Observations} evaluate to
 * the same toplevel.
 */
public record EvalCacheKey(Map<String, String> fields) {
    public EvalCacheKey {
        fields = java.util.Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    public static EvalCacheKey of(String version, String storeDir, String system, String config, String cwd,
            List<String> includes) {
        Map<String, String> f = new TreeMap<>();
        f.put("version", version);
        f.put("code", CodeFingerprint.current());
        f.put("storeDir", storeDir);
        f.put("system", system);
        f.put("config", config);
        f.put("cwd", cwd);
        f.put("includes", String.join("\0", includes));
        return new EvalCacheKey(f);
    }

    /**
     * The key of {@code build FILE [-A ATTR]...}: the file and the attribute paths instead of a
     * system configuration (the extra fields keep the two kinds apart).
     */
    public static EvalCacheKey forFile(String version, String storeDir, String system, String file, List<String> attrPaths,
            String cwd, List<String> includes) {
        Map<String, String> f = new TreeMap<>(of(version, storeDir, system, "", cwd, includes).fields());
        f.put("file", file);
        f.put("attrs", String.join("\0", attrPaths));
        return new EvalCacheKey(f);
    }

    /** The entry's file name: a hash of every field. */
    public String id() {
        StringBuilder b = new StringBuilder("sysbuild eval cache 1\0");
        fields.forEach((k, v) -> b.append(k).append('\0').append(v).append('\0'));
        return Digests.sha256(b.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    /** For messages: the fields that differ from {@code other}'s. */
    String differences(Map<String, String> other) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> {
            if (!v.equals(other.get(k))) b.append(b.length() == 0 ? "" : ", ").append(k);
        });
        return Bytes.decode(b.toString());
    }
}

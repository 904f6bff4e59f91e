package dev.sysbuild.cli.evalcache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one evaluation of the system configuration produced, with what it depended on.
 *
 * @param key          the key's fields, compared again on reading (a hash names the file)
 * @param toplevel     the toplevel's store path (logical)
 * @param drvPath      its derivation
 * @param secrets      the names of the secrets the build wrote to {@code sysbuild/var/secrets}
 * @param observations the answers evaluation got from outside
 * @param copied       the paths evaluation copied into the store, with their {@link SourceTree} hashes
 * @param targets      for {@code build FILE}: every target as {@code DRV\tOUTPUT\tOUT} (logical paths), in
 *     order; empty for the system configuration, whose one target is the toplevel
 * @param messages     the lines evaluation printed (traces, warnings), which a hit prints again
 */
public record EvalCacheEntry(Map<String, String> key, String toplevel, String drvPath, List<String> secrets,
        Observations observations, Map<String, String> copied, List<String> targets, List<String> messages) {

    public EvalCacheEntry {
        targets = List.copyOf(targets);
        messages = List.copyOf(messages);
    }

    /** Every file and tree evaluation read, for provenance: the files in the order read, then the copied paths. */
    public List<String> pathsRead() {
        List<String> out = new java.util.ArrayList<>(observations.filesRead());
        out.addAll(copied.keySet());
        return out;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", 1L);
        m.put("key", new LinkedHashMap<String, Object>(key));
        m.put("toplevel", toplevel);
        m.put("drvPath", drvPath);
        m.put("secrets", secrets);
        m.put("copied", new LinkedHashMap<String, Object>(copied));
        m.put("observations", observations.toJson());
        if (!targets.isEmpty()) m.put("targets", targets);
        if (!messages.isEmpty()) m.put("messages", messages);
        return m;
    }

    /** Read back from {@link #toJson()}; anything malformed throws (the entry is then ignored). */
    @SuppressWarnings("unchecked")
    static EvalCacheEntry fromJson(Map<String, Object> m) {
        if (!Long.valueOf(1).equals(m.get("version"))) throw new IllegalArgumentException("unknown version");
        Map<String, String> key = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("key")).forEach((k, v) -> key.put(k, (String) v));
        Map<String, String> copied = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("copied")).forEach((k, v) -> copied.put(k, (String) v));
        List<String> secrets = ((List<Object>) m.get("secrets")).stream().map(String.class::cast).toList();
        List<String> targets = m.get("targets") == null ? List.of()
                : ((List<Object>) m.get("targets")).stream().map(String.class::cast).toList();
        List<String> messages = m.get("messages") == null ? List.of()
                : ((List<Object>) m.get("messages")).stream().map(String.class::cast).toList();
        return new EvalCacheEntry(key, (String) java.util.Objects.requireNonNull(m.get("toplevel")),
                (String) java.util.Objects.requireNonNull(m.get("drvPath")), secrets,
                Observations.fromJson((Map<String, Object>) m.get("observations")), copied, targets, messages);
    }
}

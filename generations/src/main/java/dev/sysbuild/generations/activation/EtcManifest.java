package dev.sysbuild.generations.activation;

import dev.sysbuild.generations.GenerationsException;
import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.json.JsonException;
import dev.sysbuild.store.local.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What activation manages in {@code /etc}: for each target, that it is a link through
 * {@code /etc/static}, or a copy with the SHA-256 of each content activation wrote there (so a
 * file the user changed since is recognised and moved aside, not overwritten), or a file it
 * generates ({@code passwd} and friends). It is written ahead of every change, as the union of
 * the old and new sets, so whatever a crash leaves in {@code /etc} is listed here.
 */
record EtcManifest(Map<String, Managed> entries) {
    /** How one target is managed. */
    record Managed(String kind, Set<String> sha256) {
        static final String LINK = "symlink";
        static final String COPY = "copy";
        static final String GENERATED = "generated";

        Managed union(Managed other) {
            Set<String> both = new LinkedHashSet<>(sha256);
            both.addAll(other.sha256);
            // A target that changes kind is managed both ways until the change is done.
            String k = kind.equals(other.kind) ? kind : COPY;
            return new Managed(k, Collections.unmodifiableSet(both));
        }
    }

    EtcManifest {
        entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    static EtcManifest empty() {
        return new EtcManifest(Map.of());
    }

    static EtcManifest read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return empty();
        }
        Map<String, Managed> out = new TreeMap<>();
        try {
            Map<String, Object> top = Json.parseObject(text);
            @SuppressWarnings("unchecked")
            Map<String, Object> entries = (Map<String, Object>) top.get("entries");
            for (var e : entries.entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) e.getValue();
                @SuppressWarnings("unchecked")
                List<String> hashes = (List<String>) m.getOrDefault("sha256", List.of());
                out.put(e.getKey(), new Managed((String) m.get("kind"), new LinkedHashSet<>(hashes)));
            }
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new GenerationsException(file + " is damaged (" + e.getMessage() + "); it lists the /etc entries"
                    + " sysbuild manages: restore it from a backup, or delete it and move aside by hand what"
                    + " sysbuild should now manage");
        }
        return new EtcManifest(out);
    }

    void write(Path file) throws IOException {
        Map<String, Object> entries = new TreeMap<>();
        for (var e : this.entries.entrySet()) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("kind", e.getValue().kind());
            if (!e.getValue().sha256().isEmpty()) m.put("sha256", new ArrayList<>(e.getValue().sha256()));
            entries.put(e.getKey(), m);
        }
        Map<String, Object> top = new java.util.LinkedHashMap<>();
        top.put("version", 1L);
        top.put("entries", entries);
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, Json.writePretty(top).getBytes(StandardCharsets.UTF_8));
    }

    EtcManifest union(EtcManifest other) {
        Map<String, Managed> out = new TreeMap<>(entries);
        other.entries.forEach((k, v) -> out.merge(k, v, Managed::union));
        return new EtcManifest(out);
    }

    boolean manages(String target) {
        return entries.containsKey(target);
    }

    Managed get(String target) {
        return entries.get(target);
    }
}

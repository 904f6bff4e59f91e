package dev.sysbuild.generations;

import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.local.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cache of every generation's {@code system-N.json} in one file ({@code profiles/.index.json}),
 * so listing hundreds of generations reads one file instead of hundreds. The links stay the
 * truth: an entry is used only when its generation's link exists and points where the entry
 * says; anything else (a crash before the index was rewritten, a damaged index) falls back to
 * the generation's own file.
 */
final class GenerationIndex {
    private GenerationIndex() {}

    static Path file(ProfileLayout layout) {
        return layout.profilesDir().resolve(".index.json");
    }

    /** The cached generations by number (logical toplevel, created, metadata); empty when absent or damaged. */
    static Map<Integer, Entry> read(ProfileLayout layout) {
        Map<Integer, Entry> out = new HashMap<>();
        try {
            Map<String, Object> top = Json.parseObject(Files.readString(file(layout)));
            for (Object o : (List<?>) top.get("generations")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) o;
                int n = ((Long) m.get("number")).intValue();
                Instant created = Instant.ofEpochSecond((Long) m.get("epochSecond"), (Long) m.get("nano"));
                @SuppressWarnings("unchecked")
                Map<String, Object> meta = (Map<String, Object>) m.get("metadata");
                out.put(n, new Entry((String) m.get("toplevel"), created, meta));
            }
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of(); // a cache: the generations' own files are read instead
        }
        return out;
    }

    /** Rewrites the index from {@code generations}; the caller holds the profile lock. */
    static void write(ProfileLayout layout, List<Generation> generations) throws IOException {
        List<Object> list = new ArrayList<>();
        for (Generation g : generations) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", (long) g.number());
            m.put("toplevel", layout.store().storeDir().print(g.toplevel()));
            m.put("epochSecond", g.created().getEpochSecond());
            m.put("nano", (long) g.created().getNano());
            m.put("metadata", g.metadata());
            list.add(m);
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("version", 1L);
        top.put("generations", list);
        AtomicFile.write(file(layout), Json.write(top).getBytes(StandardCharsets.UTF_8));
    }

    record Entry(String toplevel, Instant created, Map<String, Object> metadata) {}
}

package dev.sysbuild.store.transfer;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.HashFormat;
import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.json.JsonException;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The first member of an export archive, {@code manifest.json}: the store directory the paths
 * belong to and, for each path in the archive (dependencies first), what its database entry
 * needs: NAR hash and size, references, deriver.
 */
record Manifest(StoreDir storeDir, List<Entry> entries) {
    static final String FORMAT = "sysbuild-export";
    static final long VERSION = 1;
    static final String FILE_NAME = "manifest.json";

    /** One path of the archive. */
    record Entry(StorePath path, Hash narHash, long narSize, SortedSet<StorePath> references,
            Optional<StorePath> deriver) {}

    /** The tar member holding {@code p}'s NAR. */
    static String narMemberName(StorePath p) {
        return "nar/" + p.baseName() + ".nar";
    }

    String toJson() {
        List<Object> paths = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", storeDir.print(e.path()));
            m.put("narHash", e.narHash().toPrefixed(HashFormat.NIX32));
            m.put("narSize", e.narSize());
            List<Object> refs = new ArrayList<>();
            for (StorePath r : e.references()) refs.add(storeDir.print(r));
            m.put("references", refs);
            m.put("deriver", e.deriver().map(storeDir::print).orElse(null));
            paths.add(m);
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("format", FORMAT);
        top.put("version", VERSION);
        top.put("storeDir", storeDir.path());
        top.put("paths", paths);
        return Json.writePretty(top);
    }

    /** @throws ArchiveException naming what is wrong, if {@code text} is not a manifest for {@code expected} */
    static Manifest parse(String text, StoreDir expected) throws ArchiveException {
        try {
            Map<String, Object> top = Json.parseObject(text);
            if (!FORMAT.equals(top.get("format")) || !Long.valueOf(VERSION).equals(top.get("version"))) {
                throw new ArchiveException("not a sysbuild export archive of version " + VERSION + " (format '"
                        + top.get("format") + "', version " + top.get("version") + ")");
            }
            if (!expected.path().equals(top.get("storeDir"))) {
                throw new ArchiveException("the archive holds paths of the store directory '" + top.get("storeDir")
                        + "', not '" + expected.path() + "'; import it with --store-dir " + top.get("storeDir"));
            }
            List<Entry> entries = new ArrayList<>();
            Set<StorePath> seen = new LinkedHashSet<>();
            for (Object o : list(top, "paths")) {
                if (!(o instanceof Map<?, ?> m)) throw new ArchiveException("a member of 'paths' is not an object");
                StorePath path = expected.parse(string(m, "path"));
                if (!seen.add(path)) throw new ArchiveException("'" + expected.print(path) + "' is listed twice");
                Hash narHash = Hash.parseAny(string(m, "narHash"), HashAlgo.SHA256);
                if (!(m.get("narSize") instanceof Long size) || size < 0) {
                    throw new ArchiveException("'" + expected.print(path) + "' has no valid narSize");
                }
                SortedSet<StorePath> refs = new TreeSet<>();
                for (Object r : list(m, "references")) {
                    if (!(r instanceof String s)) throw new ArchiveException("a reference is not a string");
                    refs.add(expected.parse(s));
                }
                Object deriver = m.get("deriver");
                Optional<StorePath> drv = deriver == null ? Optional.empty() : Optional.of(expected.parse(string(m, "deriver")));
                entries.add(new Entry(path, narHash, size, refs, drv));
            }
            return new Manifest(expected, entries);
        } catch (JsonException | IllegalArgumentException e) { // bad JSON, hashes and store paths
            throw new ArchiveException("its manifest is damaged: " + e.getMessage(), e);
        }
    }

    private static List<?> list(Map<?, ?> m, String key) throws ArchiveException {
        if (!(m.get(key) instanceof List<?> l)) throw new ArchiveException("the manifest has no list '" + key + "'");
        return l;
    }

    private static String string(Map<?, ?> m, String key) throws ArchiveException {
        if (!(m.get(key) instanceof String s)) throw new ArchiveException("the manifest has no string '" + key + "'");
        return s;
    }
}

package dev.sysbuild.cli.evalcache;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.EvalIO;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything an evaluation learnt from outside, as answers to the questions it asked: the
 * contents of each file it read (as a hash), whether paths exist and what they are, directory
 * listings, environment variables, resolved paths. An evaluation is a function of these answers
 * (and of the cache key), so if asking again gives the same answers, it would compute the same
 * result. Questions whose answers cannot be asked again ({@code builtins.currentTime}) make the
 * evaluation uncacheable. Paths and values are byte strings (one byte per char), as
 * {@link EvalIO} uses them.
 */
public final class Observations {
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> types = new TreeMap<>();
    private final Map<String, Boolean> exists = new TreeMap<>();
    private final Map<String, String> dirs = new TreeMap<>();
    private final Map<String, String> env = new TreeMap<>();
    private final Map<String, String> realPaths = new TreeMap<>();
    private final List<String> uncacheable = new ArrayList<>();

    synchronized void file(String path, byte[] contents) {
        String hash = Digests.sha256(contents);
        String before = files.putIfAbsent(path, hash);
        if (before != null && !before.equals(hash)) uncacheable.add("'" + Bytes.decode(path) + "' changed while it was read");
    }

    synchronized void type(String path, EvalIO.FileType type) {
        types.putIfAbsent(path, name(type));
    }

    synchronized void exists(String path, boolean answer) {
        exists.putIfAbsent(path, answer);
    }

    synchronized void dir(String path, Map<String, EvalIO.FileType> listing) {
        dirs.putIfAbsent(path, listingHash(listing));
    }

    synchronized void env(String name, String value) {
        env.putIfAbsent(name, value);
    }

    synchronized void realPath(String path, String result) {
        realPaths.putIfAbsent(path, result);
    }

    synchronized void uncacheable(String why) {
        uncacheable.add(why);
    }

    /** Why the evaluation cannot be cached (an input that cannot be checked again), or empty. */
    public synchronized Optional<String> whyUncacheable() {
        return uncacheable.isEmpty() ? Optional.empty() : Optional.of(uncacheable.get(0));
    }

    /** The files read, in the order first read (for provenance). */
    public synchronized List<String> filesRead() {
        return List.copyOf(files.keySet());
    }

    /**
     * Asks every question again through {@code io}; empty when every answer is the same, else
     * the first difference, worded for {@code -v}.
     */
    public Optional<String> firstDifference(EvalIO io) {
        for (var e : env.entrySet()) {
            if (!io.getEnv(e.getKey()).equals(e.getValue())) return diff("environment variable " + e.getKey() + " changed");
        }
        for (var e : types.entrySet()) {
            if (!name(io.fileType(e.getKey())).equals(e.getValue())) return diff("'" + e.getKey() + "' appeared, went or changed type");
        }
        for (var e : exists.entrySet()) {
            if (io.pathExists(e.getKey()) != e.getValue()) return diff("'" + e.getKey() + "' appeared or went");
        }
        for (var e : realPaths.entrySet()) {
            if (!io.realPath(e.getKey()).equals(e.getValue())) return diff("'" + e.getKey() + "' resolves elsewhere");
        }
        for (var e : dirs.entrySet()) {
            Map<String, EvalIO.FileType> now;
            try {
                now = io.readDir(e.getKey(), null);
            } catch (RuntimeException gone) {
                return diff("directory '" + e.getKey() + "' cannot be read");
            }
            if (!listingHash(now).equals(e.getValue())) return diff("directory '" + e.getKey() + "' changed");
        }
        for (var e : files.entrySet()) {
            byte[] now;
            try {
                now = io.readFileBytes(e.getKey(), null);
            } catch (RuntimeException gone) {
                return diff("'" + e.getKey() + "' cannot be read");
            }
            if (!Digests.sha256(now).equals(e.getValue())) return diff("'" + e.getKey() + "' changed");
        }
        return Optional.empty();
    }

    private static Optional<String> diff(String why) {
        return Optional.of(Bytes.decode(why));
    }

    private static String name(EvalIO.FileType t) {
        return t == null ? "none" : t.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String listingHash(Map<String, EvalIO.FileType> listing) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(listing).forEach((n, t) -> b.append(n).append('\0').append(name(t)).append('\0'));
        return Digests.sha256(Bytes.raw(b.toString()));
    }

    /** As JSON values, for the cache entry. */
    synchronized Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("files", new LinkedHashMap<String, Object>(files));
        m.put("types", new LinkedHashMap<String, Object>(types));
        m.put("exists", new LinkedHashMap<String, Object>(exists));
        m.put("dirs", new LinkedHashMap<String, Object>(dirs));
        m.put("env", new LinkedHashMap<String, Object>(env));
        m.put("realPaths", new LinkedHashMap<String, Object>(realPaths));
        return m;
    }

    /** Read back from {@link #toJson()}; a malformed value throws (the entry is then ignored). */
    @SuppressWarnings("unchecked")
    static Observations fromJson(Map<String, Object> m) {
        Observations o = new Observations();
        ((Map<String, Object>) m.get("files")).forEach((k, v) -> o.files.put(k, (String) v));
        ((Map<String, Object>) m.get("types")).forEach((k, v) -> o.types.put(k, (String) v));
        ((Map<String, Object>) m.get("exists")).forEach((k, v) -> o.exists.put(k, (Boolean) v));
        ((Map<String, Object>) m.get("dirs")).forEach((k, v) -> o.dirs.put(k, (String) v));
        ((Map<String, Object>) m.get("env")).forEach((k, v) -> o.env.put(k, (String) v));
        ((Map<String, Object>) m.get("realPaths")).forEach((k, v) -> o.realPaths.put(k, (String) v));
        return o;
    }
}

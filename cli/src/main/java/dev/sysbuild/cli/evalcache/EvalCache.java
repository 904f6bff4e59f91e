package dev.sysbuild.cli.evalcache;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.EvalIO;
import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.local.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The cache directory ({@code R/sysbuild/var/cache/eval/}): one JSON file per key. An entry is
 * used only when its key fields match, its toplevel is still a valid store path, the secrets it
 * wrote are still there, every tree it copied hashes the same, and every question evaluation
 * asked gets the same answer; otherwise the caller evaluates. A file that does not parse is
 * ignored (and overwritten by the next evaluation). Writes are atomic.
 */
public final class EvalCache {
    /**
     * A copied tree changed less than this before evaluation started is not trusted: file
     * systems keep times in coarse steps (a clock tick; a second or two on some), so such a
     * change may really have happened while evaluation ran.
     */
    public static final Duration RACE_MARGIN = Duration.ofSeconds(1);

    private final Path dir;
    private final Duration raceMargin;

    public EvalCache(Path dir, Duration raceMargin) {
        this.dir = dir;
        this.raceMargin = raceMargin;
    }

    /** A usable entry, or why there is none. */
    public record Lookup(Optional<EvalCacheEntry> entry, String reason) {
        static Lookup miss(String reason) {
            return new Lookup(Optional.empty(), reason);
        }
    }

    /**
     * The entry for {@code key} if it still holds: {@code validToplevel} says whether a store
     * path is valid, {@code secretsDir} is where the secrets must be, {@code io} answers again.
     */
    public Lookup lookup(EvalCacheKey key, Predicate<String> validToplevel, Path secretsDir, EvalIO io) {
        Path file = dir.resolve(key.id() + ".json");
        EvalCacheEntry e;
        try {
            e = EvalCacheEntry.fromJson(Json.parseObject(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException missing) {
            return Lookup.miss("no entry");
        } catch (IOException | RuntimeException bad) {
            return Lookup.miss("the entry " + file + " is unreadable or damaged; ignoring it");
        }
        if (!e.key().equals(key.fields())) return Lookup.miss("the entry is for another " + key.differences(e.key()));
        if (!validToplevel.test(e.toplevel())) return Lookup.miss(e.toplevel() + " is no longer in the store");
        for (String t : e.targets()) {
            String out = t.substring(t.lastIndexOf('\t') + 1);
            if (!validToplevel.test(out)) return Lookup.miss(out + " is no longer in the store");
        }
        for (String s : e.secrets()) {
            if (!Files.isRegularFile(secretsDir.resolve(s))) return Lookup.miss("secret " + s + " is missing");
        }
        for (Map.Entry<String, String> c : e.copied().entrySet()) {
            try {
                if (!SourceTree.of(Path.of(Bytes.decode(c.getKey()))).hash().equals(c.getValue())) {
                    return Lookup.miss("'" + Bytes.decode(c.getKey()) + "' changed");
                }
            } catch (IOException | RuntimeException gone) {
                return Lookup.miss("'" + Bytes.decode(c.getKey()) + "' cannot be read");
            }
        }
        Optional<String> different = e.observations().firstDifference(io);
        if (different.isPresent()) return Lookup.miss(different.get());
        return new Lookup(Optional.of(e), "");
    }

    /**
     * Hashes the trees evaluation copied and writes the entry; returns why it was not written, or
     * empty. {@code started} is when evaluation began: a tree changed after it (or just before,
     * within the file system's timestamp granularity) may differ from the copy in the store.
     */
    public Optional<String> write(EvalCacheKey key, String toplevel, String drvPath, java.util.List<String> secrets,
            Observations seen, java.util.Collection<String> copiedPaths, Instant started) throws IOException {
        return write(key, toplevel, drvPath, secrets, seen, copiedPaths, started, java.util.List.of(), java.util.List.of());
    }

    /**
     * {@link #write}, with {@code targets} (for {@code build FILE}) as {@link EvalCacheEntry#targets()}
     * holds them and the {@code messages} evaluation printed.
     */
    public Optional<String> write(EvalCacheKey key, String toplevel, String drvPath, java.util.List<String> secrets,
            Observations seen, java.util.Collection<String> copiedPaths, Instant started, java.util.List<String> targets,
            java.util.List<String> messages) throws IOException {
        Optional<String> why = seen.whyUncacheable();
        if (why.isPresent()) return why;
        Map<String, String> copied = new java.util.TreeMap<>();
        FileTime limit = FileTime.from(started.minus(raceMargin));
        for (String p : copiedPaths) {
            SourceTree t = SourceTree.of(Path.of(Bytes.decode(p)));
            if (t.newestChange().compareTo(limit) >= 0) {
                return Optional.of("'" + Bytes.decode(p) + "' changed while evaluating (or just before)");
            }
            copied.put(p, t.hash());
        }
        EvalCacheEntry e = new EvalCacheEntry(key.fields(), toplevel, drvPath, secrets, seen, copied, targets, messages);
        Files.createDirectories(dir);
        AtomicFile.write(dir.resolve(key.id() + ".json"), Json.writePretty(e.toJson()).getBytes(StandardCharsets.UTF_8));
        return Optional.empty();
    }
}

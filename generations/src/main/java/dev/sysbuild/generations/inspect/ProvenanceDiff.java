package dev.sysbuild.generations.inspect;

import dev.sysbuild.generations.Generation;
import dev.sysbuild.generations.git.CommitInfo;
import dev.sysbuild.generations.git.ConfigRepository;
import dev.sysbuild.generations.git.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where two generations' configurations came from, for {@code generations diff} and
 * {@code show}: the commits (and the commits between them, when the configuration repository
 * is still where it was), and uncommitted changes they were built with. Provenance is the
 * {@code provenance} object of {@code system-N.json} ({@link Provenance#toJson()}).
 */
public final class ProvenanceDiff {
    /** The key of {@code system-N.json} that holds the provenance. */
    public static final String KEY = "provenance";
    private static final int MAX_COMMITS = 20;

    private ProvenanceDiff() {}

    /** The provenance recorded for {@code g}, if any (unreadable provenance counts as none). */
    public static Optional<Provenance> of(Generation g) {
        if (!(g.metadata().get(KEY) instanceof Map<?, ?> m)) return Optional.empty();
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) m;
            return Optional.of(Provenance.fromJson(json));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** One line for a provenance: commit, branch, subject, and whether it was built with changes. */
    public static String describe(Optional<Provenance> p) {
        if (p.isEmpty()) return "not recorded";
        Provenance v = p.get();
        if (v.commit() == null) return v.repository() == null ? "outside git" : "a repository without commits";
        return v.shortCommit().orElse("?") + (v.branch() != null ? " (" + v.branch() + ")" : "")
                + (v.subject() != null ? " " + v.subject() : "")
                + (v.dirty() ? " + uncommitted changes to " + String.join(", ", v.changedFiles()) : "");
    }

    public static List<String> lines(Optional<Provenance> a, Optional<Provenance> b) {
        List<String> out = new ArrayList<>();
        out.add("config: " + describe(a) + " -> " + describe(b));
        if (a.isEmpty() || b.isEmpty() || a.get().commit() == null || b.get().commit() == null) return out;
        if (a.get().commit().equals(b.get().commit())) return out;
        String repo = b.get().repository() != null ? b.get().repository() : a.get().repository();
        if (repo == null || !Files.isDirectory(Path.of(repo))) return out;
        try (ConfigRepository r = ConfigRepository.discover(Path.of(repo)).orElse(null)) {
            if (r == null) return out;
            List<CommitInfo> forward = r.commitsBetween(a.get().commit(), b.get().commit());
            List<CommitInfo> shown = forward;
            String title = "  commits:";
            if (forward.isEmpty()) {
                shown = r.commitsBetween(b.get().commit(), a.get().commit());
                title = "  commits undone (B is older):";
            }
            if (shown.isEmpty()) return out;
            out.add(title);
            for (int i = 0; i < Math.min(MAX_COMMITS, shown.size()); i++) {
                out.add("    " + shown.get(i).shortId() + " " + shown.get(i).subject());
            }
            if (shown.size() > MAX_COMMITS) out.add("    ... and " + (shown.size() - MAX_COMMITS) + " more");
        } catch (IOException | RuntimeException e) {
            out.add("  (commits between them unavailable: " + e.getMessage() + ")");
        }
        return out;
    }
}

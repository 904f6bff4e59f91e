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
    private static final int MAX_DIFF_LINES = 400;

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

    /**
     * The provenance lines of {@code generations diff A B}: where each came from, then (when the
     * repository is still there) the commits between them and the text diff of the configuration
     * from A's commit to B's, then the uncommitted changes either was built with.
     */
    public static List<String> lines(Optional<Provenance> a, Optional<Provenance> b) {
        List<String> out = new ArrayList<>();
        out.add("config: " + describe(a) + " -> " + describe(b));
        if (a.isEmpty() || b.isEmpty() || a.get().commit() == null || b.get().commit() == null) return out;
        Provenance pa = a.get();
        Provenance pb = b.get();
        if (!pa.commit().equals(pb.commit())) betweenCommits(out, pa, pb);
        if (pa.dirty()) {
            out.add("  A was built with uncommitted changes to " + String.join(", ", pa.changedFiles())
                    + " ('generations show' prints them)");
        }
        if (pb.dirty() && !pb.diff().isEmpty()) {
            out.add("  B was built with uncommitted changes:");
            indent(out, pb.diff());
        }
        return out;
    }

    private static void betweenCommits(List<String> out, Provenance a, Provenance b) {
        String repo = b.repository() != null ? b.repository() : a.repository();
        if (repo == null || !Files.isDirectory(Path.of(repo))) {
            out.add("  (commits between them unavailable: the repository " + repo + " is gone)");
            return;
        }
        try (ConfigRepository r = ConfigRepository.discover(Path.of(repo)).orElse(null)) {
            if (r == null) {
                out.add("  (commits between them unavailable: " + repo + " is no longer a git repository)");
                return;
            }
            List<CommitInfo> shown = r.commitsBetween(a.commit(), b.commit());
            String title = "  commits:";
            if (shown.isEmpty()) {
                shown = r.commitsBetween(b.commit(), a.commit());
                title = "  commits undone (B is older):";
            }
            if (!shown.isEmpty()) {
                out.add(title);
                for (int i = 0; i < Math.min(MAX_COMMITS, shown.size()); i++) {
                    out.add("    " + shown.get(i).shortId() + " " + shown.get(i).subject());
                }
                if (shown.size() > MAX_COMMITS) out.add("    ... and " + (shown.size() - MAX_COMMITS) + " more");
            }
            String diff = r.diffBetween(a.commit(), b.commit());
            if (!diff.isEmpty()) {
                out.add("  configuration changes:");
                indent(out, diff);
            }
        } catch (IOException | RuntimeException e) {
            out.add("  (commits between them unavailable: " + e.getMessage() + ")");
        }
    }

    /** A diff, indented, cut after {@link #MAX_DIFF_LINES} lines (the rest is one 'git diff' away). */
    private static void indent(List<String> out, String diff) {
        String[] lines = diff.split("\n");
        for (int i = 0; i < Math.min(MAX_DIFF_LINES, lines.length); i++) out.add("    " + lines[i]);
        if (lines.length > MAX_DIFF_LINES) out.add("    ... " + (lines.length - MAX_DIFF_LINES) + " more lines");
    }
}

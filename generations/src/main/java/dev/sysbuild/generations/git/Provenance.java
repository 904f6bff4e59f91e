package dev.sysbuild.generations.git;

import dev.sysbuild.store.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a generation came from: recorded beside its link (never in the store path, so a commit
 * that changes nothing reuses the build).
 *
 * @param repository the work tree of the configuration repository, or null outside git
 * @param commit the full commit id evaluated (HEAD, or what {@code --rev} named), or null
 * @param branch the branch checked out (or named by {@code --rev}), null when detached or unknown
 * @param subject the commit's first line
 * @param commitTime the commit's committer time
 * @param rev what {@code --rev} asked for, null when the work tree was evaluated
 * @param dirty whether files evaluation read differed from the commit
 * @param changedFiles the tracked files evaluation read that differ from the commit
 * @param diff the unified diff of those changes (empty when clean)
 * @param untrackedRead files evaluation read that git does not track, by repository path
 * @param sysbuildVersion the version that built the generation
 * @param time when the generation was recorded
 */
public record Provenance(String repository, String commit, String branch, String subject, Instant commitTime,
        String rev, boolean dirty, List<String> changedFiles, String diff, List<String> untrackedRead,
        String sysbuildVersion, Instant time) {

    public Provenance {
        changedFiles = List.copyOf(changedFiles);
        untrackedRead = List.copyOf(untrackedRead);
        diff = diff == null ? "" : diff;
    }

    /** Provenance of a configuration outside any git repository. */
    public static Provenance outsideGit(String sysbuildVersion, Instant time) {
        return new Provenance(null, null, null, null, null, null, false, List.of(), "", List.of(),
                sysbuildVersion, time);
    }

    /** The same provenance, recorded at another time (the generation's, not the evaluation's). */
    public Provenance at(Instant when) {
        return new Provenance(repository, commit, branch, subject, commitTime, rev, dirty, changedFiles, diff,
                untrackedRead, sysbuildVersion, when);
    }

    /** The first 8 characters of the commit, or empty outside git. */
    public Optional<String> shortCommit() {
        return commit == null ? Optional.empty() : Optional.of(commit.substring(0, Math.min(8, commit.length())));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", 1L);
        m.put("repository", repository);
        m.put("commit", commit);
        m.put("branch", branch);
        m.put("subject", subject);
        m.put("commitTime", commitTime == null ? null : commitTime.toString());
        m.put("rev", rev);
        m.put("dirty", dirty);
        m.put("changedFiles", changedFiles);
        m.put("diff", diff);
        m.put("untrackedRead", untrackedRead);
        m.put("sysbuildVersion", sysbuildVersion);
        m.put("time", time == null ? null : time.toString());
        return m;
    }

    /** Reads what {@link #toJson()} wrote. */
    public static Provenance fromJson(Map<String, Object> m) {
        return new Provenance((String) m.get("repository"), (String) m.get("commit"), (String) m.get("branch"),
                (String) m.get("subject"), instant(m.get("commitTime")), (String) m.get("rev"),
                Boolean.TRUE.equals(m.get("dirty")), strings(m.get("changedFiles")), (String) m.get("diff"),
                strings(m.get("untrackedRead")), (String) m.get("sysbuildVersion"), instant(m.get("time")));
    }

    public String toJsonText() {
        return Json.writePretty(toJson());
    }

    private static Instant instant(Object o) {
        return o == null ? null : Instant.parse((String) o);
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object x : l) out.add(String.valueOf(x));
        }
        return out;
    }
}

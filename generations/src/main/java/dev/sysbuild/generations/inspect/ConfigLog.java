package dev.sysbuild.generations.inspect;

import dev.sysbuild.generations.Generation;
import dev.sysbuild.generations.git.CommitInfo;
import dev.sysbuild.generations.git.Provenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code sysbuild log}: the configuration's commits and the system's generations on one time
 * line, newest first, so one sees which commits were never built, which generation came from
 * which commit (or from uncommitted changes), and which is running and which boots.
 */
public final class ConfigLog {
    /**
     * One line of the log: a commit or a generation, at its time; {@code data} is the same as
     * plain values for {@code log --json}.
     */
    public record Entry(Instant time, String text, Map<String, Object> data) {}

    /**
     * An entry and where it sorts: by second (git keeps no more), and within one second a
     * generation built from a commit of that second above the commits, the commits in git's
     * order, then other generations (made before those commits, as far as one can tell).
     */
    private record Placed(long second, int tier, Instant time, Entry entry) {}

    private ConfigLog() {}

    /**
     * @param commits the repository's commits, newest first (may be empty: outside git)
     * @param generations all generations, any order
     * @param current the generation active now, if one is
     * @param bootDefault the boot default, if any
     * @param max at most this many entries (the newest)
     */
    public static List<Entry> entries(List<CommitInfo> commits, List<Generation> generations, OptionalInt current,
            OptionalInt bootDefault, int max) {
        // Which clean generations built each commit, and which were built from it with uncommitted changes.
        Map<String, TreeSet<Integer>> clean = new TreeMap<>();
        Map<String, TreeSet<Integer>> dirty = new TreeMap<>();
        for (Generation g : generations) {
            Optional<Provenance> p = ProvenanceDiff.of(g);
            if (p.isEmpty() || p.get().commit() == null) continue;
            (p.get().dirty() ? dirty : clean).computeIfAbsent(p.get().commit(), k -> new TreeSet<>()).add(g.number());
        }
        Map<String, Instant> shown = new HashMap<>();
        List<Placed> all = new ArrayList<>();
        for (CommitInfo c : commits) {
            shown.put(c.id(), c.time());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("type", "commit");
            data.put("time", c.time().toString());
            data.put("commit", c.id());
            data.put("subject", c.subject());
            data.put("builtBy", longs(clean.get(c.id())));
            data.put("builtWithChangesBy", longs(dirty.get(c.id())));
            all.add(new Placed(c.time().getEpochSecond(), 1, c.time(), new Entry(c.time(), "commit " + c.shortId() + "  "
                    + c.subject() + "  " + builtAs(clean.get(c.id()), dirty.get(c.id())), data)));
        }
        for (Generation g : generations) {
            // Never below the commit it was built from, whatever the clocks said.
            Optional<Provenance> p = ProvenanceDiff.of(g);
            Instant built = p.isPresent() && p.get().commit() != null ? shown.get(p.get().commit()) : null;
            long second = g.created().getEpochSecond();
            int tier = 2;
            if (built != null && built.getEpochSecond() >= second) {
                second = built.getEpochSecond();
                tier = 0;
            }
            all.add(new Placed(second, tier, g.created(), new Entry(g.created(),
                    generation(g, current, bootDefault, shown.keySet()), data(g, current, bootDefault, shown.keySet()))));
        }
        // Newest first; the sort is stable, so commits keep git's order among themselves.
        all.sort(Comparator.comparingLong(Placed::second).reversed().thenComparingInt(Placed::tier)
                .thenComparing(Placed::time, Comparator.reverseOrder()));
        return all.stream().limit(max).map(Placed::entry).toList();
    }

    private static List<Object> longs(TreeSet<Integer> ns) {
        List<Object> out = new ArrayList<>();
        if (ns != null) for (int n : ns) out.add((long) n);
        return out;
    }

    private static Map<String, Object> data(Generation g, OptionalInt current, OptionalInt bootDefault, Set<String> shown) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "generation");
        m.put("time", g.created().toString());
        m.put("generation", (long) g.number());
        m.put("current", current.isPresent() && current.getAsInt() == g.number());
        m.put("bootDefault", bootDefault.isPresent() && bootDefault.getAsInt() == g.number());
        Optional<Provenance> p = ProvenanceDiff.of(g);
        m.put("commit", p.map(Provenance::commit).orElse(null));
        m.put("rev", p.map(Provenance::rev).orElse(null));
        m.put("dirty", p.map(Provenance::dirty).orElse(false));
        m.put("changedFiles", p.map(v -> new ArrayList<Object>(v.changedFiles())).orElse(new ArrayList<>()));
        m.put("inHistoryShown", p.isPresent() && p.get().commit() != null && shown.contains(p.get().commit()));
        return m;
    }

    private static String builtAs(TreeSet<Integer> clean, TreeSet<Integer> dirty) {
        if (clean == null && dirty == null) return "[never built]";
        if (clean == null) return "[built only with uncommitted changes: " + numbers(dirty) + "]";
        return "[built: " + numbers(clean) + "]";
    }

    private static String numbers(TreeSet<Integer> ns) {
        return (ns.size() == 1 ? "generation " : "generations ") + String.join(", ", ns.stream().map(String::valueOf).toList());
    }

    private static String generation(Generation g, OptionalInt current, OptionalInt bootDefault, Set<String> shown) {
        StringBuilder sb = new StringBuilder("  generation ").append(g.number());
        boolean cur = current.isPresent() && current.getAsInt() == g.number();
        boolean boot = bootDefault.isPresent() && bootDefault.getAsInt() == g.number();
        if (cur || boot) sb.append(" (").append(cur && boot ? "current, boot default" : cur ? "current" : "boot default").append(')');
        Optional<Provenance> p = ProvenanceDiff.of(g);
        if (p.isEmpty()) return sb.append("  from an unrecorded configuration").toString();
        Provenance v = p.get();
        if (v.commit() == null) {
            return sb.append(v.repository() == null ? "  from a configuration outside git" : "  from a repository without commits").toString();
        }
        sb.append("  from ").append(v.shortCommit().orElse("?"));
        if (v.rev() != null) sb.append(" (--rev ").append(v.rev()).append(')');
        if (v.dirty()) sb.append(" + uncommitted changes to ").append(String.join(", ", v.changedFiles()));
        if (!shown.contains(v.commit())) sb.append(" (not in the history shown)");
        return sb.toString();
    }

    /** The entries as text: {@code 2026-01-02 03:04:05  commit ...}, one per line. */
    public static String text(List<Entry> entries) {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) sb.append(GenerationLister.date(e.time())).append("  ").append(e.text()).append('\n');
        return sb.toString();
    }
}

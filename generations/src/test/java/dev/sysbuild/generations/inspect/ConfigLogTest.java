package dev.sysbuild.generations.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.generations.Generation;
import dev.sysbuild.generations.git.CommitInfo;
import dev.sysbuild.generations.git.Provenance;
import dev.sysbuild.store.path.StorePath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ConfigLogTest {
    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    private static CommitInfo commit(String id, String subject, long second) {
        return new CommitInfo(id.repeat(40 / id.length()), subject, T.plusSeconds(second), "t <t@x>");
    }

    private static Generation gen(int n, long millis, String commit, boolean dirty, String rev) {
        Provenance p = new Provenance("/r", commit == null ? null : commit.repeat(40 / commit.length()), "main", "s",
                T, rev, dirty, dirty ? List.of("system.conf") : List.of(), "", List.of(), "0.1", T.plusMillis(millis));
        return new Generation(n, StorePath.parseBaseName("0".repeat(32) + "-sysbuild-system-" + n), T.plusMillis(millis),
                Map.of(ProvenanceDiff.KEY, p.toJson()));
    }

    @Test
    void commitsAndGenerationsNewestFirstWithMarkers() {
        List<CommitInfo> commits = List.of(commit("c", "third", 300), commit("b", "second", 200), commit("a", "first", 100));
        List<Generation> gens = List.of(gen(1, 150_000, "a", false, null), gen(2, 250_000, "a", true, null),
                gen(3, 400_000, "a", false, "HEAD~2"), gen(4, 500_000, "f", false, null));
        List<String> lines = ConfigLog.entries(commits, gens, OptionalInt.of(3), OptionalInt.of(4), 100).stream()
                .map(ConfigLog.Entry::text).toList();
        assertThat(lines).containsExactly(
                "  generation 4 (boot default)  from ffffffff (not in the history shown)",
                "  generation 3 (current)  from aaaaaaaa (--rev HEAD~2)",
                "commit cccccccc  third  [never built]",
                "  generation 2  from aaaaaaaa + uncommitted changes to system.conf",
                "commit bbbbbbbb  second  [never built]",
                "  generation 1  from aaaaaaaa",
                "commit aaaaaaaa  first  [built: generations 1, 3]");
        assertThat(ConfigLog.entries(commits, gens, OptionalInt.empty(), OptionalInt.empty(), 2)).hasSize(2);
    }

    @Test
    void withinOneSecondAGenerationSitsAboveItsOwnCommitAndBelowOthers() {
        // Git keeps seconds: "second" was committed at 10:00:01.9, generation 1 made at 10:00:01.5 from "first".
        List<CommitInfo> commits = List.of(commit("b", "second", 1), commit("a", "first", 0));
        List<Generation> gens = List.of(gen(1, 1_500, "a", false, null), gen(2, 1_950, "b", false, null));
        assertThat(ConfigLog.entries(commits, gens, OptionalInt.of(2), OptionalInt.of(2), 100).stream()
                .map(ConfigLog.Entry::text).toList()).containsExactly(
                        "  generation 2 (current, boot default)  from bbbbbbbb",
                        "commit bbbbbbbb  second  [built: generation 2]",
                        "  generation 1  from aaaaaaaa",
                        "commit aaaaaaaa  first  [built: generation 1]");
    }
}

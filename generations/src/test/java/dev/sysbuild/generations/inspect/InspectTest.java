package dev.sysbuild.generations.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.generations.CrashPoints;
import dev.sysbuild.generations.FakeToplevel;
import dev.sysbuild.generations.ProfileLayout;
import dev.sysbuild.generations.SystemProfile;
import dev.sysbuild.generations.Toplevel;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectTest {
    @TempDir
    Path root;

    @Test
    void listShowsMarkersLabelKernelPackagesAndClosureSize() throws Exception {
        LocalStore store = LocalStore.open(root, StoreDir.DEFAULT);
        SystemProfile profile = new SystemProfile(ProfileLayout.of(root, StoreDir.DEFAULT),
                Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), CrashPoints.none());
        StorePath a = new FakeToplevel(store, "h").pkg("hello-1.0").pkg("curl-8.0").kernel("6.1.0").label("one").build();
        StorePath b = new FakeToplevel(store, "h").pkg("hello-1.0").build();
        profile.addGeneration(a, Map.of());
        profile.addGeneration(b, Map.of());
        profile.setBootDefault(1);
        profile.setCurrentSystem(b);
        List<GenerationRow> rows = new GenerationLister(profile, Optional.of(store)).rows();
        assertThat(rows).hasSize(2);
        GenerationRow r1 = rows.get(0);
        assertThat(r1.bootDefault()).isTrue();
        assertThat(r1.current()).isFalse();
        assertThat(r1.label()).isEqualTo("one");
        assertThat(r1.kernelVersion()).hasValue("6.1.0");
        assertThat(r1.packages()).isEqualTo(2);
        long expected = 0;
        for (StorePath p : closure(store, a)) expected += store.queryPathInfo(p).orElseThrow().narSize();
        assertThat(r1.closureSize()).hasValue(expected);
        assertThat(rows.get(1).current()).isTrue();
        assertThat(rows.get(1).closureSize().getAsLong()).isLessThan(expected);
        assertThat(r1.toJson()).containsEntry("date", "2026-03-04T05:06:07Z").containsEntry("generation", 1L);
        assertThat(GenerationLister.table(rows)).contains("2026-03-04 05:06:07", "boot", "current", "one", "6.1.0");
    }

    private static java.util.Set<StorePath> closure(LocalStore store, StorePath p) throws Exception {
        java.util.Set<StorePath> out = new java.util.HashSet<>();
        java.util.Deque<StorePath> todo = new java.util.ArrayDeque<>(List.of(p));
        while (!todo.isEmpty()) {
            StorePath q = todo.pop();
            if (out.add(q)) todo.addAll(store.queryPathInfo(q).orElseThrow().references());
        }
        return out;
    }

    @Test
    void diffNamesPackagesEtcUsersUnitsAndClosureChange() throws Exception {
        LocalStore store = LocalStore.open(root, StoreDir.DEFAULT);
        StorePath a = new FakeToplevel(store, "h").pkg("hello-1.0").pkg("curl-8.0").etc("motd", "hello\nworld\n")
                .etc("gone", "x").user("alice", null, true, "users", "/home/alice", true)
                .unit("s.service", "1", true, false, false).build();
        StorePath b = new FakeToplevel(store, "h").pkg("hello-1.1").pkg("jq-1.7").etc("motd", "hello\nthere\n")
                .etc("new", "y").user("alice", null, true, "users", "/home/alice2", true).user("bob", null, true, "users", "/b", false)
                .unit("s.service", "2", true, false, false).build();
        StoreDir d = StoreDir.DEFAULT;
        var layout = store.layout();
        List<String> lines = GenerationDiff.lines(new Toplevel(layout, a), new Toplevel(layout, b),
                java.util.OptionalLong.of(2048), java.util.OptionalLong.of(1024));
        assertThat(lines).containsSubsequence("packages:", "  - curl 8.0", "  ~ hello 1.0 -> 1.1", "  + jq 1.7");
        assertThat(lines).containsSubsequence("/etc:", "  - /etc/gone", "  ~ /etc/motd", "    --- a/etc/motd",
                "    +++ b/etc/motd", "    @@ -1,2 +1,2 @@", "     hello", "    -world", "    +there", "  + /etc/new");
        assertThat(lines).contains("  ~ alice (home: /home/alice -> /home/alice2)", "  + bob");
        assertThat(lines).contains("units:", "  s.service: restart (unit file changed)");
        assertThat(lines).contains("groups: no changes", "closure size: 2.0 KiB -> 1.0 KiB (-1.0 KiB)");
    }

    @Test
    void provenanceShowsBothCommitsAndTheCommitsBetweenThemEitherWay() throws Exception {
        Path repo = root.resolve("config");
        dev.sysbuild.generations.git.CommitInfo first = dev.sysbuild.generations.git.ConfigInit.create(repo,
                Map.of("system.conf", "{ }\n"), "first");
        String middle;
        String second;
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(repo.toFile())) {
            java.nio.file.Files.writeString(repo.resolve("system.conf"), "{ a = 1; }\n");
            git.add().addFilepattern("system.conf").call();
            middle = git.commit().setMessage("add a").setAuthor("t", "t@x").setCommitter("t", "t@x").call().getName();
            java.nio.file.Files.writeString(repo.resolve("system.conf"), "{ a = 2; }\n");
            git.add().addFilepattern("system.conf").call();
            second = git.commit().setMessage("a is 2").setAuthor("t", "t@x").setCommitter("t", "t@x").call().getName();
        }
        var a = Optional.of(provenance(repo, first.id(), "first", false));
        var b = Optional.of(provenance(repo, second, "a is 2", true));
        List<String> ab = ProvenanceDiff.lines(a, b);
        assertThat(ab.subList(0, 4)).containsExactly(
                "config: " + first.id().substring(0, 8) + " (main) first -> " + second.substring(0, 8)
                        + " (main) a is 2 + uncommitted changes to system.conf",
                "  commits:", "    " + second.substring(0, 8) + " a is 2", "    " + middle.substring(0, 8) + " add a");
        // Then the text of the configuration from A's commit to B's, then B's uncommitted patch.
        assertThat(ab).containsSubsequence("  configuration changes:", "    --- a/system.conf", "    +++ b/system.conf",
                "    -{ }", "    +{ a = 2; }", "  B was built with uncommitted changes:", "    +{ a = 3; }");
        List<String> ba = ProvenanceDiff.lines(b, a);
        assertThat(ba).contains("  commits undone (B is older):", "    -{ a = 2; }", "    +{ }",
                "  A was built with uncommitted changes to system.conf ('generations show' prints them)");
        assertThat(ProvenanceDiff.lines(Optional.empty(), a)).containsExactly(
                "config: not recorded -> " + first.id().substring(0, 8) + " (main) first");
        // Recorded in system-N.json beside the link, read back from there.
        SystemProfile profile = new SystemProfile(ProfileLayout.of(root, StoreDir.DEFAULT), Clock.systemUTC(), CrashPoints.none());
        LocalStore store = LocalStore.open(root, StoreDir.DEFAULT);
        profile.addGeneration(new FakeToplevel(store, "h").build(), Map.of(ProvenanceDiff.KEY, b.get().toJson()));
        assertThat(ProvenanceDiff.of(profile.require(1))).isEqualTo(b);
    }

    private static dev.sysbuild.generations.git.Provenance provenance(Path repo, String commit, String subject, boolean dirty) {
        return new dev.sysbuild.generations.git.Provenance(repo.toString(), commit, "main", subject, Instant.EPOCH, null, dirty,
                dirty ? List.of("system.conf") : List.of(), dirty ? "--- a/system.conf\n+++ b/system.conf\n-{ a = 2; }\n+{ a = 3; }\n" : "", List.of(), "0.1", Instant.EPOCH);
    }
}

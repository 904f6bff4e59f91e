package dev.sysbuild.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemProfileTest {
    @TempDir
    Path root;
    LocalStore store;
    SystemProfile profile;
    final Instant now = Instant.parse("2026-01-02T03:04:05Z");

    @BeforeEach
    void setUp() throws Exception {
        store = LocalStore.open(root, StoreDir.DEFAULT);
        profile = new SystemProfile(ProfileLayout.of(root, StoreDir.DEFAULT), Clock.fixed(now, ZoneOffset.UTC),
                CrashPoints.none());
    }

    StorePath toplevel(String text) throws Exception {
        return new FakeToplevel(store, "host").etc("motd", text).build();
    }

    @Test
    void generationsAreNumberedFromOneAndLinkToTheirToplevelByLogicalPath() throws Exception {
        StorePath a = toplevel("a");
        Generation g = profile.addGeneration(a, Map.of()).orElseThrow();
        assertThat(g.number()).isEqualTo(1);
        assertThat(g.created()).isEqualTo(now);
        assertThat(Files.readSymbolicLink(root.resolve("sysbuild/var/profiles/system-1-link")).toString())
                .isEqualTo("/sysbuild/store/" + a.baseName());
        assertThat(root.resolve("sysbuild/var/profiles/system-1.json")).content().contains("\"created\": \"2026-01-02T03:04:05Z\"");
        assertThat(profile.bootDefault()).isEmpty();
        profile.setBootDefault(1);
        assertThat(Files.readSymbolicLink(root.resolve("sysbuild/var/profiles/system")).toString()).isEqualTo("system-1-link");
        assertThat(profile.bootDefault()).hasValue(1);
    }

    @Test
    void theBootDefaultsToplevelAgainIsNoChangeButAnOlderOneIsANewGeneration() throws Exception {
        StorePath a = toplevel("a");
        StorePath b = toplevel("b");
        profile.addGeneration(a, Map.of());
        profile.setBootDefault(1);
        assertThat(profile.addGeneration(a, Map.of())).isEmpty();
        assertThat(profile.addGeneration(b, Map.of()).orElseThrow().number()).isEqualTo(2);
        profile.setBootDefault(2);
        Generation again = profile.addGeneration(a, Map.of()).orElseThrow();
        assertThat(again.number()).isEqualTo(3);
        assertThat(again.toplevel()).isEqualTo(a);
    }

    @Test
    void aDeletedNumberIsNeverGivenOutAgain() throws Exception {
        profile.addGeneration(toplevel("a"), Map.of());
        profile.addGeneration(toplevel("b"), Map.of());
        profile.addGeneration(toplevel("c"), Map.of());
        profile.setBootDefault(1);
        profile.delete(List.of(2, 3));
        assertThat(profile.generations()).extracting(Generation::number).containsExactly(1);
        assertThat(profile.addGeneration(toplevel("d"), Map.of()).orElseThrow().number()).isEqualTo(4);
        assertThat(root.resolve("sysbuild/var/profiles/system-3.json")).doesNotExist();
    }

    @Test
    void theBootDefaultAndTheActiveSystemAreNeverDeletedAndNothingIsDeletedThen() throws Exception {
        StorePath a = toplevel("a");
        profile.addGeneration(a, Map.of());
        profile.addGeneration(toplevel("b"), Map.of());
        profile.addGeneration(toplevel("c"), Map.of());
        profile.setBootDefault(3);
        profile.setCurrentSystem(a);
        assertThatThrownBy(() -> profile.delete(List.of(2, 3))).hasMessageContaining("generation 3 is the boot default");
        assertThatThrownBy(() -> profile.delete(List.of(1))).hasMessageContaining("the active system");
        assertThatThrownBy(() -> profile.delete(List.of(7))).hasMessageContaining("generation 7 does not exist (generations: 1, 2, 3)");
        assertThat(profile.generations()).hasSize(3);
    }

    @Test
    void concurrentAddsGetDistinctNumbers() throws Exception {
        List<StorePath> tops = new ArrayList<>();
        for (int i = 0; i < 8; i++) tops.add(toplevel("t" + i));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Optional<Generation>>> fs = new ArrayList<>();
        for (StorePath t : tops) fs.add(pool.submit(() -> profile.addGeneration(t, Map.of())));
        List<Integer> numbers = new ArrayList<>();
        for (var f : fs) numbers.add(f.get().orElseThrow().number());
        pool.shutdown();
        assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void aCrashBeforeTheLinkLeavesNoGeneration() throws Exception {
        profile.addGeneration(toplevel("a"), Map.of());
        SystemProfile crashing = new SystemProfile(profile.layout(), Clock.systemUTC(), CrashPoints.at("profile", s -> {
            throw new IllegalStateException("crash");
        }));
        assertThatThrownBy(() -> crashing.addGeneration(toplevel("b"), Map.of())).hasMessage("crash");
        assertThat(profile.generations()).extracting(Generation::number).containsExactly(1);
        assertThat(profile.addGeneration(toplevel("b"), Map.of()).orElseThrow().number()).isEqualTo(2);
    }

    @Test
    void aDamagedOrStaleIndexFallsBackToEachGenerationsOwnFile() throws Exception {
        StorePath a = toplevel("a");
        StorePath b = toplevel("b");
        profile.addGeneration(a, Map.of("note", "first"));
        profile.addGeneration(b, Map.of());
        Path index = root.resolve("sysbuild/var/profiles/.index.json");
        assertThat(index).exists();
        List<Generation> before = profile.generations();
        Files.writeString(index, "{ damaged");
        assertThat(profile.generations()).isEqualTo(before);
        // As if a crash came between a link and the index: generation 2's link points elsewhere now.
        profile.addGeneration(toplevel("c"), Map.of());
        Files.delete(root.resolve("sysbuild/var/profiles/system-2-link"));
        Files.createSymbolicLink(root.resolve("sysbuild/var/profiles/system-2-link"), Path.of(StoreDir.DEFAULT.print(a)));
        List<Generation> now = profile.generations();
        assertThat(now.get(1).toplevel()).isEqualTo(a);
        assertThat(now.get(0).metadata()).containsEntry("note", "first");
    }
}

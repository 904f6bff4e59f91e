package dev.sysbuild.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextBatchTest {
    @TempDir
    Path tmp;

    LocalStore store;
    LocalStore oneByOne;

    @BeforeEach
    void open() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        store = LocalStore.open(tmp.resolve("a"), StoreDir.DEFAULT, clock, Duration.ofSeconds(5));
        oneByOne = LocalStore.open(tmp.resolve("b"), StoreDir.DEFAULT, clock, Duration.ofSeconds(5));
    }

    /** A chain of {@code n} texts, each referencing the one before, plus one referencing {@code outside}. */
    private List<LocalStore.Text> chain(int n, StorePath outside) {
        List<LocalStore.Text> texts = new ArrayList<>();
        StorePath prev = outside;
        for (int i = 0; i < n; i++) {
            byte[] contents = ("step " + i + " after " + prev).getBytes(StandardCharsets.UTF_8);
            List<StorePath> refs = List.of(prev);
            texts.add(new LocalStore.Text("step-" + i + ".drv", contents, refs));
            prev = StoreDir.DEFAULT.textPath("step-" + i + ".drv", contents, refs);
        }
        return texts;
    }

    @Test
    void aGroupEndsExactlyAsTheSameTextsAddedOneByOne() throws IOException {
        StorePath base = store.addTextToStore("base", "base".getBytes(StandardCharsets.UTF_8), List.of());
        oneByOne.addTextToStore("base", "base".getBytes(StandardCharsets.UTF_8), List.of());
        List<LocalStore.Text> texts = chain(30, base);
        // given out of order: the group commits references first whatever the order
        List<LocalStore.Text> shuffled = new ArrayList<>(texts);
        java.util.Collections.reverse(shuffled);

        List<StorePath> paths = store.addTextsToStore(shuffled);

        List<StorePath> forward = new ArrayList<>();
        for (LocalStore.Text t : texts) forward.add(oneByOne.addTextToStore(t.name(), t.contents(), t.references()));
        List<StorePath> expected = new ArrayList<>(forward);
        java.util.Collections.reverse(expected);
        assertThat(paths).isEqualTo(expected);
        for (StorePath p : paths) {
            assertThat(store.queryPathInfo(p)).isEqualTo(oneByOne.queryPathInfo(p));
            Path file = store.layout().physical(p);
            assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(oneByOne.layout().physical(p)));
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
            assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(1000);
        }
        assertThat(store.verify(true)).isEmpty();
        assertThat(store.addTextsToStore(texts)).containsExactlyElementsOf(forward);
    }

    @Test
    void aCrashPartWayLeavesOnlyValidPathsWithValidReferencesAndGarbageTheSweepRemoves() throws IOException {
        StorePath base = store.addTextToStore("base", "base".getBytes(StandardCharsets.UTF_8), List.of());
        List<LocalStore.Text> texts = chain(12, base);
        AtomicInteger renames = new AtomicInteger();
        store.beforeRegister = () -> {
            if (renames.incrementAndGet() == 6) throw new IllegalStateException("simulated crash");
        };

        assertThatThrownBy(() -> store.addTextsToStore(texts)).hasMessage("simulated crash");

        // The first five (a chain: one a layer) are valid, the rest are files nobody registered.
        assertThat(store.validPaths()).hasSize(1 + 5);
        assertThat(store.verify(false)).isEmpty();
        for (StorePath p : store.validPaths()) {
            for (StorePath ref : store.queryPathInfo(p).orElseThrow().references()) assertThat(store.isValid(ref)).isTrue();
        }
        assertThat(store.deleteInvalidPaths().invalidPaths()).hasSize(7);
        try (Stream<Path> info = Files.list(store.layout().infoDir())) {
            assertThat(info.map(f -> f.getFileName().toString())).noneMatch(AtomicFile::isTemporary);
        }
        store.beforeRegister = () -> {};
        store.addTextsToStore(texts);
        assertThat(store.validPaths()).hasSize(1 + 12);
    }

    @Test
    void aReferenceOutsideTheGroupMustBeValidAndNothingIsLeftWhenItIsNot() throws IOException {
        StorePath missing = StoreDir.DEFAULT.textPath("missing", new byte[0], List.of());

        assertThatThrownBy(() -> store.addTextsToStore(chain(3, missing)))
                .hasMessageContaining("is not valid; add that path first");

        assertThat(store.validPaths()).isEmpty();
        try (Stream<Path> left = Files.list(store.layout().physicalStoreDir())) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void independentPathsShareALayer() throws IOException {
        List<LocalStore.Text> texts = List.of(new LocalStore.Text("a", new byte[] {'a'}, List.of()),
                new LocalStore.Text("b", new byte[] {'b'}, List.of()));
        List<StorePath> paths = store.addTextsToStore(texts);
        List<PathInfo> infos = new ArrayList<>();
        for (StorePath p : paths) infos.add(store.queryPathInfo(p).orElseThrow());

        assertThat(TextBatch.layers(infos)).hasSize(1);
    }
}

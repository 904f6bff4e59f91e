package dev.sysbuild.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.nar.Nar;
import dev.sysbuild.store.path.StoreDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NarCopyTest {
    @TempDir
    Path tmp;

    @Test
    void aCopyThroughTheNarHasTheSourcesHashAndLayout() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src/a/b"));
        // larger than a pipe chunk, so the two threads hand over several chunks
        Files.write(src.resolve("big"), new byte[3 * 256 * 1024 + 17]);
        Files.writeString(src.resolve("small"), "x");
        Files.createSymbolicLink(src.getParent().resolve("l"), Path.of("b/small"));

        NarSummary s = NarCopy.copy(tmp.resolve("src"), tmp.resolve("copy"), List.of());

        assertThat(s.narHash()).isEqualTo(Nar.hash(tmp.resolve("src"), HashAlgo.SHA256));
        assertThat(Nar.hash(tmp.resolve("copy"), HashAlgo.SHA256)).isEqualTo(s.narHash());
    }

    @Test
    void aSourceThatCannotBeArchivedFailsWithItsOwnReasonAndLeavesNoGarbage() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.write(src.resolve("first"), new byte[600 * 1024]);
        Path fifo = src.resolve("zz-fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        LocalStore store = LocalStore.open(tmp.resolve("root"), StoreDir.DEFAULT);

        assertThatThrownBy(() -> store.addToStore(src, "src"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("zz-fifo").hasMessageContaining("unsupported type");
        try (Stream<Path> left = Files.list(store.layout().physicalStoreDir())) {
            assertThat(left.toList()).isEmpty();
        }
    }
}

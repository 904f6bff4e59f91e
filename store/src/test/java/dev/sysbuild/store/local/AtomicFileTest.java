package dev.sysbuild.store.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("info");
        AtomicFile.write(target, "one".getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(target, "two".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("two");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void recognisesLeftoversOfUnfinishedWrites() {
        assertThat(AtomicFile.isTemporary("abc" + AtomicFile.TEMP_INFIX + "1234")).isTrue();
        assertThat(AtomicFile.isTemporary("0123456789abcdfghijklmnpqrsvwxyz")).isFalse();
    }
}

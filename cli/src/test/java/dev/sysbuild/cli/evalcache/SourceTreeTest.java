package dev.sysbuild.cli.evalcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copied tree's hash changes with everything its store path depends on, and only with that. */
class SourceTreeTest {
    @TempDir
    Path tmp;

    @Test
    void theHashFollowsContentsNamesExecutableBitsAndLinks() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(dir.resolve("a.txt"), "a\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/run.sh"), "#!/bin/sh\n");
        Files.createSymbolicLink(dir.resolve("link"), Path.of("a.txt"));
        String first = SourceTree.of(dir).hash();

        Files.setLastModifiedTime(dir.resolve("a.txt"), FileTime.fromMillis(0));
        assertThat(SourceTree.of(dir).hash()).as("times alone do not count").isEqualTo(first);

        Files.setPosixFilePermissions(dir.resolve("sub/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String executable = SourceTree.of(dir).hash();
        assertThat(executable).isNotEqualTo(first);

        Files.delete(dir.resolve("link"));
        Files.createSymbolicLink(dir.resolve("link"), Path.of("sub"));
        String relinked = SourceTree.of(dir).hash();
        assertThat(relinked).isNotEqualTo(executable);

        Files.move(dir.resolve("a.txt"), dir.resolve("b.txt"));
        String renamed = SourceTree.of(dir).hash();
        assertThat(renamed).isNotEqualTo(relinked);

        Files.writeString(dir.resolve("b.txt"), "b\n");
        assertThat(SourceTree.of(dir).hash()).isNotEqualTo(renamed);
        assertThat(SourceTree.of(tmp.resolve("missing")).hash()).isEqualTo("none");
    }

    @Test
    void theNewestChangeIsTheLatestModificationBelow() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("src/deep"));
        Files.writeString(dir.resolve("f"), "x");
        FileTime before = SourceTree.of(tmp.resolve("src")).newestChange();
        Thread.sleep(50); // more than a clock tick, the granularity of file times
        Files.writeString(dir.resolve("f"), "y");
        assertThat(SourceTree.of(tmp.resolve("src")).newestChange()).isGreaterThan(before);
    }
}

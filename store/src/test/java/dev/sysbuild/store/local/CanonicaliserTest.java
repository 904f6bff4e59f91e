package dev.sysbuild.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.nar.Nar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both ways a tree gets its store form: walked afterwards (build outputs) or while unpacking (adds). */
class CanonicaliserTest {
    @TempDir
    Path tmp;

    private Path sampleTree(int extraFiles) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src/a/b"));
        Files.writeString(src.resolve("plain"), "data");
        Path exe = Files.writeString(src.resolve("tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-x---"));
        Files.write(tmp.resolve("src/empty"), new byte[0]);
        Files.createSymbolicLink(tmp.resolve("src/link"), Path.of("a/b/tool"));
        Files.setPosixFilePermissions(tmp.resolve("src/a"), PosixFilePermissions.fromString("rwxrwxrwx"));
        for (int i = 0; i < extraFiles; i++) Files.writeString(tmp.resolve("src/a/f" + i), "file " + i);
        return tmp.resolve("src");
    }

    /** Every entry's mode (symlinks: none) and mtime in seconds, by path below {@code root}. */
    private static List<String> forms(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted().toList()) {
                boolean link = Files.isSymbolicLink(p);
                String mode = link ? "link" : PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                long mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000;
                out.add(root.relativize(p) + " " + mode + " " + mtime);
            }
        }
        return out;
    }

    @Test
    void aWalkedTreeIsReadOnlyWithMtimeOneAndKeepsExecutableBits() throws IOException {
        Path tree = sampleTree(0);
        Hash before = Nar.hash(tree, HashAlgo.SHA256);

        Canonicaliser.canonicalise(tree);

        assertThat(forms(tree)).containsExactly(
                " r-xr-xr-x 1", "a r-xr-xr-x 1", "a/b r-xr-xr-x 1", "a/b/plain r--r--r-- 1",
                "a/b/tool r-xr-xr-x 1", "empty r--r--r-- 1", "link link 1");
        assertThat(Files.readSymbolicLink(tree.resolve("link"))).isEqualTo(Path.of("a/b/tool"));
        assertThat(Nar.hash(tree, HashAlgo.SHA256)).isEqualTo(before);
    }

    @Test
    void aTreeCanonicalisedWhileUnpackingEndsLikeAWalkedOne() throws IOException {
        Path src = sampleTree(70); // more entries than are synced one by one
        Canonicaliser.WhileUnpacking finisher = new Canonicaliser.WhileUnpacking();

        NarSummary s = TreeCopy.copy(src, tmp.resolve("copy"), List.of(), finisher, null);
        finisher.sync(tmp.resolve("copy"));
        Canonicaliser.canonicalise(src);

        assertThat(s.narHash()).isEqualTo(Nar.hash(src, HashAlgo.SHA256));
        assertThat(forms(tmp.resolve("copy"))).isEqualTo(forms(src));
    }

    @Test
    void aSingleFileIsCanonicalisedWhileUnpackingToo() throws IOException {
        Path file = Files.writeString(tmp.resolve("one"), "x");
        Canonicaliser.WhileUnpacking finisher = new Canonicaliser.WhileUnpacking();

        TreeCopy.copy(file, tmp.resolve("copy"), List.of(), finisher, null);
        finisher.sync(tmp.resolve("copy"));

        assertThat(forms(tmp.resolve("copy"))).containsExactly(" r--r--r-- 1");
    }

    @Test
    void whatANarCannotHoldIsRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("d"));
        assertThat(new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> Canonicaliser.canonicalise(dir)).hasMessageContaining("only regular files");
    }

    @Test
    void theSummaryOfFileContentsEqualsTheSummaryOfTheFile() throws IOException {
        for (int size : new int[] {0, 1, 7, 8, 9, 100}) {
            byte[] contents = new byte[size];
            for (int i = 0; i < size; i++) contents[i] = (byte) ('a' + i % 26);
            Path f = Files.write(tmp.resolve("f" + size), contents);

            NarSummary fromBytes = NarSummary.ofRegularFile(contents);

            assertThat(fromBytes).isEqualTo(NarSummary.of(f, List.of()));
        }
    }
}

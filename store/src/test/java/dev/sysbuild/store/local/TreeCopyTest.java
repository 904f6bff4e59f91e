package dev.sysbuild.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.nar.Nar;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeCopyTest {
    @TempDir
    Path tmp;

    @Test
    void aCopyHasTheSourcesNarHashAndLayoutWhateverTheFileSizes() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src/a/b"));
        Random random = new Random(7);
        // streamed by the walking thread (over TreeCopy.WHOLE_FILE), and many small ones in several batches
        byte[] big = new byte[TreeCopy.WHOLE_FILE + 3 * 256 * 1024 + 17];
        random.nextBytes(big);
        Files.write(src.resolve("big"), big);
        for (int i = 0; i < 300; i++) {
            byte[] b = new byte[random.nextInt(40_000)];
            random.nextBytes(b);
            Files.write(src.resolve("f" + i), b);
        }
        Files.write(src.resolve("exactly-whole"), new byte[TreeCopy.WHOLE_FILE]);
        Files.writeString(src.resolve("small"), "x");
        Files.write(src.resolve("empty"), new byte[0]);
        Path tool = Files.writeString(src.resolve("tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(src.getParent().resolve("l"), Path.of("b/small"));
        Files.createDirectories(tmp.resolve("src/empty-dir"));

        NarSummary s = TreeCopy.copy(tmp.resolve("src"), tmp.resolve("copy"), List.of(),
                new Canonicaliser.WhileUnpacking(), null);

        assertThat(s.narHash()).isEqualTo(Nar.hash(tmp.resolve("src"), HashAlgo.SHA256));
        assertThat(Nar.hash(tmp.resolve("copy"), HashAlgo.SHA256)).isEqualTo(s.narHash());
        assertThat(Files.readAllBytes(tmp.resolve("copy/a/b/big"))).isEqualTo(big);
        assertThat(Files.isExecutable(tmp.resolve("copy/a/b/tool"))).isTrue();
        assertThat(Files.getPosixFilePermissions(tmp.resolve("copy/a/b")))
                .isEqualTo(PosixFilePermissions.fromString("r-xr-xr-x"));
    }

    @Test
    void theReferencesFoundAreThoseWhoseHashPartsOccurInNamesTargetsOrContents() throws IOException {
        StorePath inContents = StoreDir.DEFAULT.storePathOf("/sysbuild/store/00000000000000000000000000000001-a");
        StorePath inName = StoreDir.DEFAULT.storePathOf("/sysbuild/store/00000000000000000000000000000002-b");
        StorePath inTarget = StoreDir.DEFAULT.storePathOf("/sysbuild/store/00000000000000000000000000000003-c");
        StorePath absent = StoreDir.DEFAULT.storePathOf("/sysbuild/store/00000000000000000000000000000004-d");
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("file"), "uses /sysbuild/store/" + inContents.baseName() + "/bin", StandardCharsets.UTF_8);
        Files.writeString(src.resolve("x-" + inName.hashPart()), "");
        Files.createSymbolicLink(src.resolve("link"), Path.of("/sysbuild/store/" + inTarget.baseName()));

        NarSummary s = TreeCopy.copy(src, tmp.resolve("copy"), List.of(inContents, inName, inTarget, absent),
                new Canonicaliser.WhileUnpacking(), null);

        assertThat(s.references()).containsExactlyInAnyOrder(inContents, inName, inTarget);
        assertThat(s.narHash()).isEqualTo(Nar.hash(src, HashAlgo.SHA256));
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

    @Test
    void aWriteThatFailsFailsTheCopy() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        for (int i = 0; i < 100; i++) Files.writeString(src.resolve("f" + i), "contents " + i);
        Canonicaliser.WhileUnpacking canonical = new Canonicaliser.WhileUnpacking();
        dev.sysbuild.store.nar.NarReader.Finisher failing = new dev.sysbuild.store.nar.NarReader.Finisher() {
            @Override
            public java.util.Set<java.nio.file.attribute.PosixFilePermission> createMode(boolean executable) {
                return canonical.createMode(executable);
            }

            @Override
            public void finished(Path p, dev.sysbuild.store.nar.NarEntryType type, boolean executable) throws IOException {
                if (p.getFileName().toString().equals("f57")) throw new IOException("disk full at " + p.getFileName());
                canonical.finished(p, type, executable);
            }
        };

        assertThatThrownBy(() -> TreeCopy.copy(src, tmp.resolve("copy"), List.of(), failing, null))
                .isInstanceOf(IOException.class).hasMessage("disk full at f57");
    }
}

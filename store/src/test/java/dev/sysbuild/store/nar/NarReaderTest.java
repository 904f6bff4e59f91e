package dev.sysbuild.store.nar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking NARs: the golden tree NAR of Nix 2.8.0 (notes §4) and archives broken on purpose. */
class NarReaderTest {
    @TempDir
    Path dir;

    private int restores;

    /** Unpacks to a fresh target ({@code out}, {@code out1}, ...). */
    private Path restore(byte[] nar) throws IOException {
        Path target = dir.resolve(restores++ == 0 ? "out" : "out" + restores);
        NarReader.restore(new ByteArrayInputStream(nar), target);
        return target;
    }

    @Test
    void restoresTheGoldenTree() throws IOException {
        Path out = restore(Fixtures.treeNar());
        assertThat(Files.readString(out.resolve("a"))).isEqualTo("x");
        assertThat(Files.readString(out.resolve("b"))).isEqualTo("y");
        assertThat(Files.getPosixFilePermissions(out.resolve("a"))).doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(out.resolve("b"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.isSymbolicLink(out.resolve("c"))).isTrue();
        assertThat(Files.readSymbolicLink(out.resolve("c"))).isEqualTo(Path.of("a"));
        // and dumping what was restored gives the same bytes back
        assertThat(Fixtures.nar(out)).isEqualTo(Fixtures.treeNar());
    }

    @Test
    void readsExactlyTheArchiveAndNoMore() throws IOException {
        byte[] nar = Fixtures.treeNar();
        byte[] withTrailer = Arrays.copyOf(nar, nar.length + 3);
        ByteArrayInputStream in = new ByteArrayInputStream(withTrailer);
        NarReader.restore(in, dir.resolve("out"));
        assertThat(in.available()).isEqualTo(3);
    }

    @Test
    void refusesSomethingElse() {
        assertThatThrownBy(() -> restore("not a nar at all, just text".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(NarFormatException.class)
                .hasMessageContaining("not a NAR archive");
    }

    @Test
    void refusesUnsortedEntries() {
        // swap the names a and b: entries come as b, a, c (Nix 2.8 would restore this; we do not)
        byte[] nar = Fixtures.treeNar();
        replaceName(nar, 'a', 'B');
        replaceName(nar, 'b', 'a');
        replaceName(nar, 'B', 'b');
        assertThatThrownBy(() -> restore(nar))
                .isInstanceOf(NarFormatException.class)
                .hasMessageContaining("entry 'a' comes after 'b'");
    }

    @Test
    void refusesDuplicateEntries() {
        byte[] nar = Fixtures.treeNar();
        replaceName(nar, 'b', 'a');
        assertThatThrownBy(() -> restore(nar)).hasMessageContaining("duplicate entry 'a'");
    }

    @Test
    void refusesDotDotAndSlashNames() throws IOException {
        assertThatThrownBy(() -> restore(dirWithEntry("..")))
                .isInstanceOf(NarFormatException.class)
                .hasMessageContaining("invalid file name '..'");
        assertThatThrownBy(() -> restore(dirWithEntry("x/y"))).hasMessageContaining("invalid file name 'x/y'");
        assertThatThrownBy(() -> restore(dirWithEntry(""))).hasMessageContaining("invalid file name ''");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    @Test
    void refusesNonZeroPadding() {
        byte[] nar = Fixtures.treeNar();
        nar[8 + 13] = 1; // the padding after "nix-archive-1"
        assertThatThrownBy(() -> restore(nar)).hasMessageContaining("non-zero padding");
    }

    @Test
    void refusesTruncatedArchives() {
        byte[] nar = Arrays.copyOf(Fixtures.treeNar(), 300);
        assertThatThrownBy(() -> restore(nar)).isInstanceOf(EOFException.class).hasMessageContaining("truncated");
    }

    @Test
    void refusesUnknownNodeTypes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String s : new String[] {"nix-archive-1", "(", "type", "fifo", ")"}) str(out, s);
        assertThatThrownBy(() -> restore(out.toByteArray())).hasMessageContaining("unknown file type 'fifo'");
    }

    @Test
    void refusesSymlinkTargetsThatCannotExist() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String s : new String[] {"nix-archive-1", "(", "type", "symlink", "target", "a\0b", ")"}) str(out, s);
        assertThatThrownBy(() -> restore(out.toByteArray()))
                .isInstanceOf(NarFormatException.class)
                .hasMessageContaining("invalid symlink target");
    }

    @Test
    void refusesAnExistingTarget() throws IOException {
        Files.createDirectory(dir.resolve("out"));
        assertThatThrownBy(() -> restore(Fixtures.treeNar())).hasMessageContaining("already exists");
    }

    /** A directory NAR with one empty file called {@code name}. */
    private static byte[] dirWithEntry(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String s : new String[] {"nix-archive-1", "(", "type", "directory", "entry", "(", "name", name, "node",
                "(", "type", "regular", "contents", "", ")", ")", ")"}) {
            str(out, s);
        }
        return out.toByteArray();
    }

    private static void str(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 8; i++) out.write((int) ((long) b.length >>> (8 * i)) & 0xff);
        out.writeBytes(b);
        for (int i = b.length; i % 8 != 0; i++) out.write(0);
    }

    /** Renames the one-letter entry {@code from} (the word after a "name" token) in place. */
    private static void replaceName(byte[] nar, char from, char to) {
        byte[] nameToken = {4, 0, 0, 0, 0, 0, 0, 0, 'n', 'a', 'm', 'e', 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0};
        for (int i = 0; i + nameToken.length < nar.length; i++) {
            if (Arrays.equals(nar, i, i + nameToken.length, nameToken, 0, nameToken.length)
                    && nar[i + nameToken.length] == from) {
                nar[i + nameToken.length] = (byte) to;
                return;
            }
        }
        throw new AssertionError("no entry named " + from);
    }
}

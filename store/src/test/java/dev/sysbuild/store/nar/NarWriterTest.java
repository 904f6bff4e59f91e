package dev.sysbuild.store.nar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.path.FixedOutputHash;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NAR serialisation. Expected bytes and hashes came from Nix 2.8.0 ({@code nix-store --dump},
 * {@code nix-hash}) as recorded in shared/notes/nix-formats.md sections 4 and 6; the store paths
 * from section 2.
 */
class NarWriterTest {
    private static final StoreDir NIX = new StoreDir("/nix/store");

    @TempDir
    Path dir;

    @Test
    void treeDumpsByteForByteLikeNixStoreDump() throws IOException {
        Path tree = Fixtures.tree(dir);
        byte[] nar = Fixtures.nar(tree);
        assertThat(nar).hasSize(704);
        assertThat(nar).isEqualTo(Fixtures.treeNar());
    }

    @Test
    void treeHashesLikeNixHash() throws IOException {
        Path tree = Fixtures.tree(dir);
        Hash sha256 = Nar.hash(tree, HashAlgo.SHA256);
        assertThat(sha256.toBase16()).isEqualTo("afb3218dd95888ea96c7c9b76a5644054a433d5b534ad866c5265564afb54260");
        assertThat(sha256.toNix32()).isEqualTo("0q22nnpn8m96qmkdhjjkbcyl6jh58ib6mdy9qybfm22qv66j3cxg");
        assertThat(Nar.hash(tree, HashAlgo.MD5).toBase16()).isEqualTo("7ef1e50228a29ecf10c234a017f795cc");
    }

    @Test
    void treeStorePathLikeNixStoreAdd() throws IOException {
        Path tree = Fixtures.tree(dir);
        StorePath p = NIX.sourcePath("tree", Nar.hash(tree, HashAlgo.SHA256), List.of(), false);
        assertThat(NIX.print(p)).isEqualTo("/nix/store/y0sgp4sv4zgvq4kljvnzvg2x8blddn7i-tree");
    }

    @Test
    void aSingleFileIsARegularRoot() throws IOException {
        Path a = Fixtures.tree(dir).resolve("a");
        assertThat(Fixtures.nar(a)).hasSize(120);
        Hash nar = Nar.hash(a, HashAlgo.SHA256);
        assertThat(nar.toBase16()).isEqualTo("2ca0b8ce996f865db37619bfe91023559305aad8158042fc6ddb0ef1d43c5b67");
        Hash flat = HashAlgo.SHA256.hash(Files.readAllBytes(a));
        assertThat(flat.toBase16()).isEqualTo("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
        // builtins.path { path = ./tree/a; recursive = false; } and its recursive twin
        assertThat(NIX.print(NIX.fixedOutputPath("a", FixedOutputHash.flat(flat))))
                .isEqualTo("/nix/store/kr3vy2qr7m4n22wc5q773cryxqz3m24w-a");
        assertThat(NIX.print(NIX.fixedOutputPath("a", FixedOutputHash.recursive(nar))))
                .isEqualTo("/nix/store/bgx7nx44cfl4yl5cqgmq9vnszn9xmk2q-a");
    }

    @Test
    void aRootSymlinkIsArchivedNotFollowed() throws IOException {
        Path c = Fixtures.tree(dir).resolve("c");
        Hash nar = Nar.hash(c, HashAlgo.SHA256);
        assertThat(nar.toBase16()).isEqualTo("b2d471a08d30662f14c0ae1e718b16f9fc1f38de425f47cca0437e9e93bc1f24");
        assertThat(NIX.print(NIX.sourcePath("c", nar, List.of(), false)))
                .isEqualTo("/nix/store/6x7vngicb0kfpzsbj9viwmcx7qynjyn8-c");
    }

    @Test
    void emptyDirectory() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(Nar.hash(empty, HashAlgo.SHA256).toBase16())
                .isEqualTo("a50a5ab6d992f5598edd92105059fae9acfc192981e08bd88534c2167e92526a");
    }

    @Test
    void entriesAreSortedByUnsignedBytes() throws IOException {
        Path d = Files.createDirectory(dir.resolve("d"));
        for (String name : List.of("a", "B", "_", "é", "10", "9")) Fixtures.file(d.resolve(name), "", "rw-r--r--");
        List<String> order = new ArrayList<>();
        NarWriter.dump(d, OutputStream.nullOutputStream(), (path, type) -> order.add(path.getFileName().toString()));
        assertThat(order).containsExactly("10", "9", "B", "_", "a", "é");
        assertThat(Nar.hash(d, HashAlgo.SHA256).toBase16())
                .isEqualTo("afd0a97d6f75fa685f9fc679212e29c1d895b531d310cf01d98f14b74c7d4952");
    }

    @Test
    void onlyTheOwnerExecuteBitCounts() throws IOException {
        Path ownerOnly = Fixtures.file(dir.resolve("o"), "y", "r-x------");
        Path othersOnly = Fixtures.file(dir.resolve("g"), "y", "rw-r-xr-x");
        Path b = Fixtures.tree(dir).resolve("b");
        assertThat(Nar.hash(ownerOnly, HashAlgo.SHA256)).isEqualTo(Nar.hash(b, HashAlgo.SHA256));
        assertThat(Nar.hash(othersOnly, HashAlgo.SHA256)).isNotEqualTo(Nar.hash(b, HashAlgo.SHA256));
    }

    @Test
    void theFilterSeesEntriesBelowTheRootInNarOrder() throws IOException {
        Path tree = Fixtures.tree(dir);
        List<String> seen = new ArrayList<>();
        Hash kept = Nar.hash(tree, HashAlgo.SHA256, (path, type) -> {
            seen.add(path + " " + type.nixName());
            return type != NarEntryType.SYMLINK;
        });
        assertThat(seen).containsExactly(tree.resolve("a") + " regular", tree.resolve("b") + " regular",
                tree.resolve("c") + " symlink");
        // filterSource (p: t: t != "symlink") ./tree
        assertThat(kept.toBase16()).isEqualTo("bd920f25698ab70bdb53fa33c96ff3d231a3872708fa082604b349b0987e2620");
        assertThat(NIX.print(NIX.sourcePath("tree", kept, List.of(), false)))
                .isEqualTo("/nix/store/ncps1fgd5zy8yijxsxs3602wl76ii9k9-tree");
    }

    @Test
    void refusingADirectoryDropsItsSubtree() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        Path sub = Files.createDirectory(root.resolve("sub"));
        Fixtures.file(sub.resolve("deep"), "z", "rw-r--r--");
        List<Path> seen = new ArrayList<>();
        Hash h = Nar.hash(root, HashAlgo.SHA256, (path, type) -> {
            seen.add(path);
            return false;
        });
        assertThat(seen).containsExactly(sub);
        assertThat(h.toBase16()).isEqualTo("a50a5ab6d992f5598edd92105059fae9acfc192981e08bd88534c2167e92526a");
    }

    @Test
    void aStoreFileWithAPathInItHashesLikeBuiltinsPath() throws IOException {
        // the contents of toFile "ref.txt" "see ${hello}", as it sits in the store (0444)
        Path ref = Fixtures.file(dir.resolve("ref.txt"), "see /nix/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt",
                "r--r--r--");
        assertThat(Nar.hash(ref, HashAlgo.SHA256).toBase16())
                .isEqualTo("84cb545f8528d1698cb9c1b127c139d59e20587bf0cd91d25fff353d967606db");
    }

    @Test
    void socketsAndOtherSpecialFilesAreRefusedUnlessFilteredOut() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(root.resolve("sock")));
            assertThatThrownBy(() -> Nar.hash(root, HashAlgo.SHA256))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("has an unsupported type");
            List<NarEntryType> types = new ArrayList<>();
            Hash h = Nar.hash(root, HashAlgo.SHA256, (path, type) -> types.add(type) && type != NarEntryType.UNKNOWN);
            assertThat(types).containsExactly(NarEntryType.UNKNOWN);
            assertThat(h.toBase16()).isEqualTo("a50a5ab6d992f5598edd92105059fae9acfc192981e08bd88534c2167e92526a");
        }
    }

    @Test
    void largeFilesStreamAndTheStreamIsLeftOpen() throws IOException {
        byte[] big = new byte[3 * 1024 * 1024 + 5];
        new Random(42).nextBytes(big);
        Path f = dir.resolve("big");
        Files.write(f, big);
        // Expected NAR assembled by hand: magic ( type regular contents <len> <bytes+pad> )
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (String s : List.of("nix-archive-1", "(", "type", "regular", "contents")) str(expected, s.getBytes(StandardCharsets.US_ASCII));
        str(expected, big);
        str(expected, ")".getBytes(StandardCharsets.US_ASCII));
        boolean[] closed = {false};
        ByteArrayOutputStream actual = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        NarWriter.dump(f, actual);
        assertThat(closed[0]).isFalse();
        assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
    }

    private static void str(ByteArrayOutputStream out, byte[] s) {
        long n = s.length;
        for (int i = 0; i < 8; i++) out.write((int) (n >>> (8 * i)) & 0xff);
        out.writeBytes(s);
        for (long i = n; i % 8 != 0; i++) out.write(0);
    }
}

package dev.sysbuild.store.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.nar.Fixtures;
import dev.sysbuild.store.nar.NarEntryType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing the fixture tree. Expected paths came from Nix 2.8.0 ({@code nix-instantiate},
 * {@code nix-store --add}, {@code --add-fixed}) as recorded in shared/notes/nix-formats.md
 * sections 2 and 6.
 */
class PathImportTest {
    private static final StoreDir NIX = new StoreDir("/nix/store");

    @TempDir
    Path dir;

    private String print(StorePath p) {
        return NIX.print(p);
    }

    @Test
    void interpolatingATreeCopiesItAsSource() throws IOException {
        Path tree = Fixtures.tree(dir);
        assertThat(PathImport.defaultName(tree)).isEqualTo("tree");
        assertThat(print(PathImport.recursive(NIX, tree, "tree"))).isEqualTo("/nix/store/y0sgp4sv4zgvq4kljvnzvg2x8blddn7i-tree");
        assertThat(print(PathImport.recursive(NIX, tree, "renamed")))
                .isEqualTo("/nix/store/7rrxg1n04szmnmlsafsg35qhakzphfn9-renamed");
    }

    @Test
    void aRootSymlinkIsImportedAsASymlink() throws IOException {
        Path c = Fixtures.tree(dir).resolve("c");
        assertThat(print(PathImport.recursive(NIX, c, PathImport.defaultName(c))))
                .isEqualTo("/nix/store/6x7vngicb0kfpzsbj9viwmcx7qynjyn8-c");
    }

    @Test
    void filterSourceDropsWhatTheFilterRefuses() throws IOException {
        Path tree = Fixtures.tree(dir);
        StorePath p = PathImport.recursive(NIX, tree, "tree", (path, type) -> type != NarEntryType.SYMLINK, List.of());
        assertThat(print(p)).isEqualTo("/nix/store/ncps1fgd5zy8yijxsxs3602wl76ii9k9-tree");
    }

    @Test
    void flatImportsHashTheBytes() throws IOException {
        Path a = Fixtures.tree(dir).resolve("a");
        assertThat(print(PathImport.flat(NIX, a, "a"))).isEqualTo("/nix/store/kr3vy2qr7m4n22wc5q773cryxqz3m24w-a");
        assertThat(print(PathImport.recursive(NIX, a, "a"))).isEqualTo("/nix/store/bgx7nx44cfl4yl5cqgmq9vnszn9xmk2q-a");
        assertThatThrownBy(() -> PathImport.flat(NIX, dir.resolve("tree"), "tree"))
                .hasMessageContaining("not a regular file");
    }

    @Test
    void aStorePathWithReferencesKeepsThemInItsType() throws IOException {
        // ref.txt = toFile "ref.txt" "see ${hello}", sitting in the store read-only
        Path ref = Fixtures.file(dir.resolve("isn9fn4knd0d2vpkf1gdllrs2kxxp6va-ref.txt"),
                "see /nix/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt", "r--r--r--");
        List<StorePath> refs = List.of(NIX.parse("/nix/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt"));
        assertThat(print(PathImport.recursive(NIX, ref, "copy", (p, t) -> true, refs)))
                .isEqualTo("/nix/store/mi1flyq8fffycify189i3fw8k2hx953j-copy");
        assertThat(print(PathImport.recursive(NIX, ref, PathImport.defaultName(ref), (p, t) -> true, refs)))
                .isEqualTo("/nix/store/gpx0v2ak1s6vfcrw4m34l766aq4rpz4m-isn9fn4knd0d2vpkf1gdllrs2kxxp6va-ref.txt");
        // nix-instantiate --eval drops them
        assertThat(print(PathImport.recursive(NIX, ref, "copy"))).isEqualTo("/nix/store/wxz3hb609v50bhg6skji227vwwhkhlkl-copy");
    }

    @Test
    void aDotDrvFileMayBeImported() throws IOException {
        Path drv = Files.writeString(dir.resolve("x.drv"), "x");
        assertThat(PathImport.recursive(NIX, drv, PathImport.defaultName(drv)).name()).isEqualTo("x.drv");
    }
}

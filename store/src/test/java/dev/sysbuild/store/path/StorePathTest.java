package dev.sysbuild.store.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Store path names and hash parts, by the rules of Nix 2.8's path.cc (shared/notes/nix-formats.md §2, §7). */
class StorePathTest {
    private static final String HASH = "4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7";

    @Test
    void pathsSortAsTheirBaseNames() {
        String other = "0" + HASH.substring(1);
        java.util.List<StorePath> paths = java.util.List.of(new StorePath(HASH, "b"), new StorePath(HASH, "a-1"),
                new StorePath(HASH, "a"), new StorePath(other, "z"), new StorePath(HASH, "A"), new StorePath(HASH, "a.drv"));
        java.util.List<String> byPath = paths.stream().sorted().map(StorePath::baseName).toList();
        java.util.List<String> byName = paths.stream().map(StorePath::baseName).sorted().toList();
        assertThat(byPath).isEqualTo(byName);
        for (StorePath p : paths) {
            for (StorePath q : paths) {
                assertThat(Integer.signum(p.compareTo(q))).isEqualTo(Integer.signum(p.baseName().compareTo(q.baseName())));
            }
        }
    }

    @Test
    void namesUseALimitedAlphabet() {
        assertThat(StorePath.isValidName("hello-1.0+git_x?y=z")).isTrue();
        assertThat(StorePath.isValidName("a b")).isFalse();
        assertThat(StorePath.isValidName("é")).isFalse();
        assertThat(StorePath.isValidName("a/b")).isFalse();
        assertThat(StorePath.isValidName("")).isFalse();
    }

    @Test
    void leadingDotsAreAcceptedAsIn28() {
        // Newer Nix rejects these; 2.8 does not (toFile "." "x" works there).
        assertThat(StorePath.isValidName(".")).isTrue();
        assertThat(StorePath.isValidName("..")).isTrue();
        assertThat(StorePath.isValidName(".-foo")).isTrue();
        assertThat(new StorePath(HASH, ".hidden").baseName()).isEqualTo(HASH + "-.hidden");
    }

    @Test
    void namesAreAtMost211Characters() {
        assertThat(new StorePath(HASH, "x".repeat(211)).name()).hasSize(211);
        assertThatThrownBy(() -> new StorePath(HASH, "x".repeat(212)))
                .isInstanceOf(InvalidStorePathException.class)
                .hasMessageContaining("has a name longer than 211 characters");
        assertThatThrownBy(() -> new StorePath(HASH, "")).hasMessageContaining("has an empty name");
    }

    @Test
    void hashPartsAreNix32() {
        assertThatThrownBy(() -> StorePath.parseBaseName("ek1qmf2xxr1jqhd2g72ymf2a9yg8blm7-x"))
                .hasMessage("store path 'ek1qmf2xxr1jqhd2g72ymf2a9yg8blm7-x' contains illegal base-32 character 'e'");
        assertThatThrownBy(() -> StorePath.parseBaseName("4k1q-x")).hasMessageContaining("too short");
        assertThatThrownBy(() -> StorePath.parseBaseName(HASH + "_x")).hasMessageContaining("expected '-'");
        assertThat(StorePath.parseBaseName(HASH + "-hello.txt")).isEqualTo(new StorePath(HASH, "hello.txt"));
    }

    @Test
    void derivationsEndInDotDrv() {
        assertThat(new StorePath(HASH, "simple.drv").isDerivation()).isTrue();
        assertThat(new StorePath(HASH, "simple").isDerivation()).isFalse();
    }
}

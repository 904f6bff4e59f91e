package dev.sysbuild.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreLayoutTest {
    private static final Path ROOT = Path.of("/mnt/target");
    private static final StoreLayout LAYOUT = new StoreLayout(ROOT, StoreDir.DEFAULT);
    private static final StorePath HELLO = StorePath.parseBaseName("0123456789abcdfghijklmnpqrsvwxyz-hello");

    @Test
    void everythingLivesUnderTheRoot() {
        assertThat(LAYOUT.physicalStoreDir()).isEqualTo(Path.of("/mnt/target/sysbuild/store"));
        assertThat(LAYOUT.physical(HELLO)).isEqualTo(Path.of("/mnt/target/sysbuild/store/" + HELLO.baseName()));
        assertThat(LAYOUT.infoFile(HELLO)).isEqualTo(Path.of("/mnt/target/sysbuild/var/db/info/" + HELLO.hashPart()));
        assertThat(LAYOUT.lockFile(HELLO))
                .isEqualTo(Path.of("/mnt/target/sysbuild/var/db/locks/" + HELLO.hashPart() + ".lock"));
    }

    @Test
    void anotherStoreDirectoryMovesOnlyTheStore() {
        StoreLayout nix = new StoreLayout(ROOT, new StoreDir("/nix/store"));

        assertThat(nix.physical(HELLO)).isEqualTo(Path.of("/mnt/target/nix/store/" + HELLO.baseName()));
        assertThat(nix.dbDir()).isEqualTo(Path.of("/mnt/target/sysbuild/var/db"));
    }

    @Test
    void logicalPathsAreFollowedUnderTheRoot() {
        assertThat(LAYOUT.physical("/sysbuild/store/" + HELLO.baseName() + "/bin/hello"))
                .isEqualTo(Path.of("/mnt/target/sysbuild/store/" + HELLO.baseName() + "/bin/hello"));
        assertThatThrownBy(() -> LAYOUT.physical("bin/hello")).hasMessageContaining("is not an absolute path");
        assertThatThrownBy(() -> LAYOUT.physical("/../../etc/passwd")).hasMessageContaining("leaves the root");
    }
}

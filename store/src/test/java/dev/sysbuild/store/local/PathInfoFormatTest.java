package dev.sysbuild.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PathInfoFormatTest {
    private static final StoreDir STORE = StoreDir.DEFAULT;
    private static final StorePath A = text("a");
    private static final StorePath B = text("b");
    private static final StorePath DRV = text("b.drv");

    @Test
    void writesOneKeyALineAndReadsItBack() {
        PathInfo info = new PathInfo(B, HashAlgo.SHA256.hash(new byte[] {1}), 120, new TreeSet<>(List.of(A, B)),
                Optional.of(DRV), Instant.ofEpochSecond(1700000000));

        String text = PathInfoFormat.write(STORE, info);

        assertThat(text).startsWith("path " + STORE.print(B) + "\nnarHash sha256:")
                .contains("\nnarSize 120\nregistered 1700000000\nderiver " + STORE.print(DRV) + "\n")
                .endsWith("ref " + STORE.print(A) + "\nref " + STORE.print(B) + "\nend\n");
        assertThat(PathInfoFormat.read(STORE, text, "info")).isEqualTo(info);
    }

    @Test
    void aFileWithoutItsEndLineIsDamage() {
        PathInfo info = new PathInfo(A, HashAlgo.SHA256.hash(new byte[0]), 8, new TreeSet<>(), Optional.empty(),
                Instant.EPOCH);
        String cut = PathInfoFormat.write(STORE, info).replace("end\n", "");

        assertThatThrownBy(() -> PathInfoFormat.read(STORE, cut, "db/info/x"))
                .isInstanceOf(CorruptDatabaseException.class)
                .hasMessage("store database damaged: db/info/x: incomplete info file (missing end)");
    }

    @Test
    void aBadLineIsReportedWithItsNumber() {
        String text = "path " + STORE.print(A) + "\nnarSize lots\n";

        assertThatThrownBy(() -> PathInfoFormat.read(STORE, text, "f"))
                .isInstanceOf(CorruptDatabaseException.class)
                .hasMessageStartingWith("store database damaged: f:2: ");
    }

    @Test
    void aPathOfAnotherStoreDirectoryIsDamage() {
        PathInfo info = new PathInfo(A, HashAlgo.SHA256.hash(new byte[0]), 8, new TreeSet<>(), Optional.empty(),
                Instant.EPOCH);
        String text = PathInfoFormat.write(new StoreDir("/nix/store"), info);

        assertThatThrownBy(() -> PathInfoFormat.read(STORE, text, "f"))
                .isInstanceOf(CorruptDatabaseException.class)
                .hasMessageContaining("is not in the store /sysbuild/store");
    }

    private static StorePath text(String name) {
        return STORE.textPath(name, name.getBytes(StandardCharsets.UTF_8), List.of());
    }
}

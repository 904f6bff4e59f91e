package dev.sysbuild.generations.boot;

import static dev.sysbuild.generations.boot.BootFixture.gen;
import static dev.sysbuild.generations.boot.BootFixture.grub;
import static dev.sysbuild.generations.boot.BootFixture.systemdBoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small boot partition: kernels of 10,000 bytes each on a partition whose free space is its
 * capacity minus the files on it, as a real one's is.
 */
class FreeSpaceTest {
    static final int KERNEL = 10_000;

    @TempDir
    Path root;
    BootFixture f;
    String[] kernels = new String[6];

    @BeforeEach
    void setUp() throws Exception {
        f = new BootFixture(root);
        for (int n = 1; n < kernels.length; n++) kernels[n] = f.kernel(String.valueOf(n).repeat(KERNEL));
    }

    private List<BootGeneration> gens(int upTo, BootSpec.Loader loader) {
        List<BootGeneration> out = BootFixture.list();
        for (int n = 1; n <= upTo; n++) out.add(gen(n, kernels[n], null, loader));
        return out;
    }

    @Test
    void olderEntriesArePrunedToMakeRoomButNeverCurrentOrDefault() throws Exception {
        f.partitionOf(35_000);
        f.write(gens(3, systemdBoot(5, null)), 3);
        assertThat(f.list("loader/entries")).hasSize(3);

        // Generation 1 still runs (it was never switched away from); 4 is new and the default.
        BootResult r = f.write(gens(4, systemdBoot(5, null)), 4, 1);
        assertThat(r.prunedForSpace()).containsExactly(2);
        assertThat(r.entries()).containsExactly(4, 3, 1);
        assertThat(f.list("loader/entries")).containsExactly("sysbuild-1+3.conf", "sysbuild-3+3.conf", "sysbuild-4+3.conf");
        assertThat(f.list("sysbuild")).hasSize(3);
        assertThat(f.bootBytes()).isLessThanOrEqualTo(35_000);
    }

    @Test
    void whenEvenTheProtectedEntriesDoNotFitNothingChanges() throws Exception {
        f.partitionOf(25_000);
        f.write(gens(2, systemdBoot(5, null)), 2);
        Map<String, String> before = f.snapshot();
        kernels[3] = f.kernel("3".repeat(16_000));

        // 3 is the new default and 2 runs: 2's kernel and 3's bigger one do not fit in 25,000 bytes together.
        assertThatThrownBy(() -> f.write(gens(3, systemdBoot(5, null)), 3, 2))
                .isInstanceOfSatisfying(NotEnoughSpaceException.class, e -> {
                    assertThat(e.needed()).isGreaterThan(KERNEL);
                    assertThat(e.available()).isLessThan(e.needed());
                    assertThat(e.getMessage()).contains(e.needed() + " bytes needed", e.available() + " bytes available",
                            "nothing was changed");
                });
        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void theRefusalIsTheSameForGrub() throws Exception {
        f.partitionOf(25_000);
        f.write(gens(2, grub(5, null)), 2);
        Map<String, String> before = f.snapshot();
        kernels[3] = f.kernel("3".repeat(16_000));
        assertThatThrownBy(() -> f.write(gens(3, grub(5, null)), 3, 2)).isInstanceOf(NotEnoughSpaceException.class);
        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void imagesNoEntryNeedsAnyMoreCountAsRoomWithoutPruning() throws Exception {
        f.partitionOf(35_000);
        f.write(gens(3, systemdBoot(5, null)), 3);
        // The limit drops 1 and 2; their kernels are removed before 4's is copied, so nothing is pruned for space.
        BootResult r = f.write(gens(4, systemdBoot(5, 2)), 4);
        assertThat(r.prunedForSpace()).isEmpty();
        assertThat(r.overLimit()).containsExactly(2, 1);
        assertThat(f.list("loader/entries")).containsExactly("sysbuild-3+3.conf", "sysbuild-4+3.conf");
        assertThat(f.list("sysbuild")).hasSize(2);
    }

    @Test
    void grubPrunesTheSameWayAndItsMenuOnlyNamesKeptGenerations() throws Exception {
        f.partitionOf(35_000);
        f.write(gens(3, grub(5, null)), 3);
        BootResult r = f.write(gens(4, grub(5, null)), 4, 3);
        assertThat(r.prunedForSpace()).containsExactly(1);
        String cfg = f.read("grub/grub.cfg");
        assertThat(cfg).contains("--id sysbuild-4 ", "--id sysbuild-3 ", "--id sysbuild-2 ").doesNotContain("--id sysbuild-1 ");
    }
}

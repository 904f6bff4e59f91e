package dev.sysbuild.generations.boot;

import static dev.sysbuild.generations.boot.BootFixture.gen;
import static dev.sysbuild.generations.boot.BootFixture.grub;
import static dev.sysbuild.generations.boot.BootFixture.systemdBoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Marking the booted entry good, and telling which generation booted. */
class BootCountingTest {
    @TempDir
    Path root;
    BootFixture f;
    String kernel;

    @BeforeEach
    void setUp() throws Exception {
        f = new BootFixture(root);
        kernel = f.kernel("kernel");
    }

    @Test
    void markGoodRenamesTheCountedEntryKeepingItsText() throws Exception {
        f.write(BootFixture.list(gen(1, kernel, null, systemdBoot(5, null)), gen(2, kernel, null, systemdBoot(5, null))), 2);
        Files.move(f.boot("loader/entries/sysbuild-2+3.conf"), f.boot("loader/entries/sysbuild-2+2-1.conf"));
        String text = f.read("loader/entries/sysbuild-2+2-1.conf");
        assertThat(BootEntries.markGood(root, 2)).isEqualTo(BootEntries.GoodMark.MARKED);
        assertThat(f.list("loader/entries")).containsExactly("sysbuild-1+3.conf", "sysbuild-2.conf");
        assertThat(f.read("loader/entries/sysbuild-2.conf")).isEqualTo(text);
        assertThat(BootEntries.markGood(root, 2)).isEqualTo(BootEntries.GoodMark.ALREADY_GOOD);

        // A later rewrite keeps it good, and the loader.conf default still names it.
        f.write(BootFixture.list(gen(1, kernel, null, systemdBoot(5, null)), gen(2, kernel, null, systemdBoot(5, null))), 2);
        assertThat(f.list("loader/entries")).containsExactly("sysbuild-1+3.conf", "sysbuild-2.conf");
    }

    @Test
    void aSpentEntryCanStillBeMarkedGood() throws Exception {
        f.write(BootFixture.list(gen(1, kernel, null, systemdBoot(5, null))), 1);
        Files.move(f.boot("loader/entries/sysbuild-1+3.conf"), f.boot("loader/entries/sysbuild-1+0-3.conf"));
        assertThat(BootEntries.markGood(root, 1)).isEqualTo(BootEntries.GoodMark.MARKED);
        assertThat(f.list("loader/entries")).containsExactly("sysbuild-1.conf");
    }

    @Test
    void aGenerationWithoutEntryCannotBeMarked() throws Exception {
        f.write(BootFixture.list(gen(1, kernel, null, systemdBoot(5, null))), 1);
        assertThatThrownBy(() -> BootEntries.markGood(root, 7))
                .isInstanceOf(BootLoaderException.class)
                .hasMessageContaining("generation 7 has no boot entry in " + root.resolve("boot/loader/entries"));
    }

    @Test
    void grubHasNoCountingSoThereIsNothingToMark() throws Exception {
        f.write(BootFixture.list(gen(1, kernel, null, grub(5, null))), 1);
        assertThat(BootEntries.markGood(root, 1)).isEqualTo(BootEntries.GoodMark.NOT_COUNTED_BY_LOADER);
    }

    @Test
    void theKernelCommandLineNamesTheBootedGeneration() {
        assertThat(BootedGeneration.fromCommandLine("initrd=\\sysbuild\\x-initrd init=/sysbuild/var/profiles/system-12-link/init console=ttyS0\n"))
                .isEqualTo(OptionalInt.of(12));
        assertThat(BootedGeneration.fromCommandLine("init=/sysbuild/var/profiles/system-1-link/init init=/sysbuild/var/profiles/system-3-link/init"))
                .isEqualTo(OptionalInt.of(3));
        assertThat(BootedGeneration.fromCommandLine("BOOT_IMAGE=/vmlinuz root=/dev/sda1 init=/sbin/init")).isEmpty();
        assertThat(BootedGeneration.fromCommandLine("xinit=/sysbuild/var/profiles/system-3-link/init")).isEmpty();
    }

    @Test
    void underARootTheCurrentSystemLinkStandsIn() throws Exception {
        Path profiles = Files.createDirectories(root.resolve("sysbuild/var/profiles"));
        Files.createDirectories(root.resolve("run"));
        assertThat(BootedGeneration.find(root, root.resolve("proc-cmdline"))).isEmpty();
        Files.createSymbolicLink(profiles.resolve("system-1-link"), Path.of("/sysbuild/store/aaaa-system"));
        Files.createSymbolicLink(profiles.resolve("system-2-link"), Path.of("/sysbuild/store/bbbb-system"));
        Files.createSymbolicLink(profiles.resolve("system-3-link"), Path.of("/sysbuild/store/aaaa-system"));
        Files.createSymbolicLink(root.resolve("run/current-system"), Path.of("/sysbuild/store/bbbb-system"));
        assertThat(BootedGeneration.find(root, root.resolve("proc-cmdline"))).isEqualTo(OptionalInt.of(2));
        Files.delete(root.resolve("run/current-system"));
        Files.createSymbolicLink(root.resolve("run/current-system"), Path.of("/sysbuild/store/aaaa-system"));
        assertThat(BootedGeneration.fromCurrentSystem(root)).isEqualTo(OptionalInt.of(3));
        Files.delete(root.resolve("run/current-system"));
        Files.createSymbolicLink(root.resolve("run/current-system"), Path.of("/sysbuild/var/profiles/system-1-link"));
        assertThat(BootedGeneration.fromCurrentSystem(root)).isEqualTo(OptionalInt.of(1));
    }
}

package dev.sysbuild.generations.boot;

import static dev.sysbuild.generations.boot.BootFixture.gen;
import static dev.sysbuild.generations.boot.BootFixture.systemdBoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.NixBase32;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemd-boot entries, loader.conf and the copied images, as a booting machine would read them. */
class BootEntriesTest {
    @TempDir
    Path root;
    BootFixture f;
    String kernelA;
    String kernelB;
    String initrdA;

    @BeforeEach
    void setUp() throws Exception {
        f = new BootFixture(root);
        kernelA = f.kernel("kernel A bytes");
        kernelB = f.kernel("kernel B bytes, a newer kernel");
        initrdA = f.initrd("initrd A bytes");
    }

    /** The name the boot partition must use for a file: its own SHA-256, as store hashes are printed. */
    static String contentName(String contents, String suffix) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(contents.getBytes(StandardCharsets.UTF_8));
        return NixBase32.encode(Arrays.copyOf(d, 20)) + "-" + suffix;
    }

    @Test
    void entriesAndLoaderConfHaveTheExactText() throws Exception {
        f.write(BootFixture.list(
                gen(1, kernelA, initrdA, systemdBoot(5, null), "console=ttyS0"),
                gen(2, kernelB, initrdA, systemdBoot(5, null), "console=ttyS0", "quiet")), 2);

        String k1 = contentName("kernel A bytes", "vmlinuz");
        String k2 = contentName("kernel B bytes, a newer kernel", "vmlinuz");
        String i = contentName("initrd A bytes", "initrd");
        assertThat(f.list("loader/entries")).containsExactly("sysbuild-1+3.conf", "sysbuild-2+3.conf");
        assertThat(f.read("loader/entries/sysbuild-2+3.conf")).isEqualTo("""
                title sysbuild generation 2 (2026-11-26 10:00, 25.11-sysbuild)
                version 2
                sort-key sysbuild
                linux /sysbuild/%s
                initrd /sysbuild/%s
                options init=/sysbuild/var/profiles/system-2-link/init console=ttyS0 quiet
                """.formatted(k2, i));
        assertThat(f.read("loader/entries/sysbuild-1+3.conf")).isEqualTo("""
                title sysbuild generation 1 (2026-11-26 09:00, 25.11-sysbuild)
                version 1
                sort-key sysbuild
                linux /sysbuild/%s
                initrd /sysbuild/%s
                options init=/sysbuild/var/profiles/system-1-link/init console=ttyS0
                """.formatted(k1, i));
        assertThat(f.read("loader/loader.conf")).isEqualTo(EntryText.HEADER + "timeout 5\ndefault sysbuild-*\n");
        assertThat(f.list("sysbuild")).containsExactlyInAnyOrder(k1, k2, i);
    }

    @Test
    void imagesAreCopiesOfTheStoreFilesNotLinks() throws Exception {
        f.write(BootFixture.list(gen(1, kernelA, initrdA, systemdBoot(5, null))), 1);
        for (String name : f.list("sysbuild")) {
            Path p = f.boot("sysbuild/" + name);
            assertThat(Files.isSymbolicLink(p)).as(name).isFalse();
        }
        assertThat(f.read("sysbuild/" + contentName("kernel A bytes", "vmlinuz"))).isEqualTo("kernel A bytes");
        assertThat(f.read("sysbuild/" + contentName("initrd A bytes", "initrd"))).isEqualTo("initrd A bytes");
    }

    @Test
    void aKernelReachedThroughStoreLinksIsFollowedInsideTheRoot() throws Exception {
        // The toplevel's 'kernel' is a link holding a logical path; it must not be followed on the host.
        Path top = f.layout.physical("/sysbuild/store/11111111111111111111111111111111-system");
        Files.createDirectories(top);
        Files.createSymbolicLink(top.resolve("kernel"), Path.of(kernelB));
        Files.createSymbolicLink(top.resolve("initrd"), Path.of("../" + initrdA.substring("/sysbuild/store/".length())));
        String viaLink = "/sysbuild/store/11111111111111111111111111111111-system/kernel";
        String viaRelative = "/sysbuild/store/11111111111111111111111111111111-system/initrd";
        f.write(BootFixture.list(gen(1, viaLink, viaRelative, systemdBoot(5, null))), 1);
        assertThat(f.read("sysbuild/" + contentName("kernel B bytes, a newer kernel", "vmlinuz"))).isEqualTo("kernel B bytes, a newer kernel");
        assertThat(f.read("sysbuild/" + contentName("initrd A bytes", "initrd"))).isEqualTo("initrd A bytes");
    }

    @Test
    void aMissingKernelIsReportedWithItsPath() {
        BootGeneration g = gen(1, "/sysbuild/store/22222222222222222222222222222222-linux/bzImage", null, systemdBoot(5, null));
        assertThatThrownBy(() -> f.write(BootFixture.list(g), 1))
                .isInstanceOf(BootLoaderException.class)
                .hasMessageContaining("generation 1")
                .hasMessageContaining("/sysbuild/store/22222222222222222222222222222222-linux/bzImage is missing");
    }

    @Test
    void generationsShareImagesAndUnusedImagesAreRemoved() throws Exception {
        String k1 = contentName("kernel A bytes", "vmlinuz");
        String k2 = contentName("kernel B bytes, a newer kernel", "vmlinuz");
        BootResult first = f.write(BootFixture.list(
                gen(1, kernelA, null, systemdBoot(5, null)),
                gen(2, kernelA, null, systemdBoot(5, null))), 2);
        assertThat(first.imagesCopied()).containsExactly(k1);
        assertThat(f.list("sysbuild")).containsExactly(k1);

        BootResult second = f.write(BootFixture.list(gen(3, kernelB, null, systemdBoot(5, null))), 3);
        assertThat(second.imagesCopied()).containsExactly(k2);
        assertThat(second.imagesRemoved()).containsExactly(k1);
        assertThat(f.list("sysbuild")).containsExactly(k2);
        assertThat(f.list("loader/entries")).containsExactly("sysbuild-3+3.conf");
    }

    @Test
    void rewritingKeepsTheBootCountOfExistingEntriesAndTouchesNothingUnchanged() throws Exception {
        List<BootGeneration> gens = BootFixture.list(gen(1, kernelA, null, systemdBoot(5, null)), gen(2, kernelB, null, systemdBoot(5, null)));
        f.write(gens, 2);
        // systemd-boot used two tries of generation 1 and one of generation 2, and generation 2 was then marked good.
        Files.move(f.boot("loader/entries/sysbuild-1+3.conf"), f.boot("loader/entries/sysbuild-1+1-2.conf"));
        Files.move(f.boot("loader/entries/sysbuild-2+3.conf"), f.boot("loader/entries/sysbuild-2.conf"));
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(f.boot("loader/entries/sysbuild-1+1-2.conf"), old);
        Files.setLastModifiedTime(f.boot("loader/loader.conf"), old);

        gens.add(gen(3, kernelB, null, systemdBoot(5, null)));
        BootResult r = f.write(gens, 3);

        assertThat(f.list("loader/entries")).containsExactly("sysbuild-1+1-2.conf", "sysbuild-2.conf", "sysbuild-3+3.conf");
        assertThat(Files.getLastModifiedTime(f.boot("loader/entries/sysbuild-1+1-2.conf"))).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(f.boot("loader/loader.conf"))).isEqualTo(old);
        assertThat(r.imagesCopied()).isEmpty();
    }

    @Test
    void aRollbackSortsTheNewerEntriesAfterTheDefaultKeepingTheirCounts() throws Exception {
        List<BootGeneration> gens = BootFixture.list(gen(1, kernelA, null, systemdBoot(5, null)),
                gen(2, kernelA, null, systemdBoot(5, null)), gen(3, kernelB, null, systemdBoot(5, null)));
        f.write(gens, 3);
        Files.move(f.boot("loader/entries/sysbuild-3+3.conf"), f.boot("loader/entries/sysbuild-3+2-1.conf"));
        f.write(gens, 1);
        assertThat(f.list("loader/entries")).containsExactly("sysbuild-1+3.conf", "sysbuild-2+3.conf", "sysbuild-3+2-1.conf");
        assertThat(f.read("loader/entries/sysbuild-1+3.conf")).contains("\nsort-key sysbuild\n");
        assertThat(f.read("loader/entries/sysbuild-2+3.conf")).contains("\nsort-key sysbuild-newer\n");
        assertThat(f.read("loader/entries/sysbuild-3+2-1.conf")).contains("\nsort-key sysbuild-newer\n");
        f.write(gens, 2);
        assertThat(f.read("loader/entries/sysbuild-2+3.conf")).contains("\nsort-key sysbuild\n");
        assertThat(f.read("loader/entries/sysbuild-3+2-1.conf")).contains("\nsort-key sysbuild-newer\n");
    }

    @Test
    void entriesOfGenerationsNoLongerGivenAreRemovedAndOthersLeftAlone() throws Exception {
        Files.createDirectories(f.boot("loader/entries"));
        Files.writeString(f.boot("loader/entries/debian.conf"), "title Debian\nlinux /vmlinuz\n");
        f.write(BootFixture.list(gen(1, kernelA, null, systemdBoot(5, null)), gen(2, kernelA, null, systemdBoot(5, null))), 2);
        f.write(BootFixture.list(gen(2, kernelA, null, systemdBoot(5, null))), 2);
        assertThat(f.list("loader/entries")).containsExactly("debian.conf", "sysbuild-2+3.conf");
    }

    @Test
    void configurationLimitKeepsTheNewestPlusCurrentAndDefault() throws Exception {
        List<BootGeneration> gens = BootFixture.list();
        for (int n = 1; n <= 6; n++) gens.add(gen(n, n % 2 == 0 ? kernelA : kernelB, null, systemdBoot(5, null)));
        // Generation 4 is the boot default (a rollback), 1 still runs; the default's limit is 2.
        gens.set(3, gen(4, kernelA, null, systemdBoot(5, 2)));
        BootResult r = f.write(gens, 4, 1);
        assertThat(r.entries()).containsExactly(6, 5, 4, 1);
        assertThat(r.overLimit()).containsExactly(3, 2);
        assertThat(f.list("loader/entries")).containsExactly("sysbuild-1+3.conf", "sysbuild-4+3.conf", "sysbuild-5+3.conf", "sysbuild-6+3.conf");
    }

    @Test
    void aGenerationWithoutKernelGetsNoEntryAndIsReported() throws Exception {
        BootResult r = f.write(BootFixture.list(gen(1, kernelA, null, systemdBoot(5, null)), gen(2, null, null, systemdBoot(5, null)),
                gen(3, kernelB, null, systemdBoot(5, null))), 3);
        assertThat(r.written()).isTrue();
        assertThat(r.hasNoKernel(2)).isTrue();
        assertThat(r.entries()).containsExactly(3, 1);
        assertThat(f.list("loader/entries")).containsExactly("sysbuild-1+3.conf", "sysbuild-3+3.conf");
    }

    @Test
    void aDefaultWithoutKernelChangesNothingAndBootRefusesIt() throws Exception {
        f.write(BootFixture.list(gen(1, kernelA, null, systemdBoot(5, null))), 1);
        var before = f.snapshot();
        BootGeneration noKernel = gen(2, null, null, systemdBoot(5, null));
        BootResult r = f.write(BootFixture.list(gen(1, kernelA, null, systemdBoot(5, null)), noKernel), 2);
        assertThat(r.written()).isFalse();
        assertThat(r.withoutKernel()).containsExactly(2);
        assertThat(f.snapshot()).isEqualTo(before);
        assertThatThrownBy(() -> BootEntries.requireKernel(noKernel))
                .isInstanceOf(BootLoaderException.class)
                .hasMessageContaining("generation 2 has no kernel")
                .hasMessageContaining("sysbuild switch");
        BootEntries.requireKernel(gen(1, kernelA, null, systemdBoot(5, null)));
    }

    @Test
    void aNullTimeoutWaitsForAChoiceAndZeroTriesTurnsCountingOff() throws Exception {
        f.tries = 0;
        f.write(BootFixture.list(gen(7, kernelA, null, systemdBoot(null, null))), 7);
        assertThat(f.list("loader/entries")).containsExactly("sysbuild-7.conf");
        assertThat(f.read("loader/loader.conf")).isEqualTo(EntryText.HEADER + "timeout menu-force\ndefault sysbuild-*\n");
    }

    @Test
    void leftoversOfAnInterruptedWriteAreRemoved() throws Exception {
        String k1 = contentName("kernel A bytes", "vmlinuz");
        Files.createDirectories(f.boot("sysbuild"));
        Files.createDirectories(f.boot("loader/entries"));
        Files.writeString(f.boot("sysbuild/" + k1 + ".tmp-0123456789abcdef"), "half a ker");
        Files.writeString(f.boot("loader/entries/sysbuild-1+3.conf.tmp-0123456789abcdef"), "title");
        Files.writeString(f.boot("loader/loader.conf.tmp-0123456789abcdef"), "def");
        f.write(BootFixture.list(gen(1, kernelA, null, systemdBoot(5, null))), 1);
        assertThat(f.list("sysbuild")).containsExactly(k1);
        assertThat(f.list("loader/entries")).containsExactly("sysbuild-1+3.conf");
        assertThat(f.list("loader")).containsExactly("entries", "loader.conf");
    }

    @Test
    void aStorePathBuiltAgainWithOtherBytesGetsANewImage() throws Exception {
        List<BootGeneration> gens = BootFixture.list(gen(1, kernelA, null, systemdBoot(5, null)));
        f.write(gens, 1);
        assertThat(root.resolve("sysbuild/var/cache/boot-images.json")).exists();
        // Garbage collection deleted the path, a rebuild made different bytes of the same size.
        Path p = f.layout.physical(kernelA);
        Files.delete(p);
        Thread.sleep(50);
        Files.writeString(p, "kernel X bytes");
        BootResult r = f.write(gens, 1);
        assertThat(r.imagesCopied()).containsExactly(contentName("kernel X bytes", "vmlinuz"));
        assertThat(f.list("sysbuild")).containsExactly(contentName("kernel X bytes", "vmlinuz"));
    }

    @Test
    void aDamagedNameCacheIsIgnored() throws Exception {
        Files.createDirectories(root.resolve("sysbuild/var/cache"));
        Files.writeString(root.resolve("sysbuild/var/cache/boot-images.json"), "{ not json");
        f.write(BootFixture.list(gen(1, kernelA, null, systemdBoot(5, null))), 1);
        assertThat(f.list("sysbuild")).containsExactly(contentName("kernel A bytes", "vmlinuz"));
    }

    @Test
    void aLabelWithANewlineCannotAddAKeyToTheEntry() throws Exception {
        BootGeneration g = gen(1, kernelA, null, systemdBoot(5, null), "a=b\ninitrd /evil");
        f.write(BootFixture.list(g), 1);
        String text = f.read("loader/entries/sysbuild-1+3.conf");
        assertThat(text.lines().filter(l -> l.startsWith("initrd"))).isEmpty();
        assertThat(text).contains("options init=/sysbuild/var/profiles/system-1-link/init a=b initrd /evil\n");
    }
}

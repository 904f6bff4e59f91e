package dev.sysbuild.generations.boot;

import static dev.sysbuild.generations.boot.BootFixture.gen;
import static dev.sysbuild.generations.boot.BootFixture.grub;
import static dev.sysbuild.generations.boot.BootFixture.systemdBoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real boot loaders, in a virtual PC (QEMU, UEFI firmware, software emulation), boot the
 * boot partition our writer produced, and the kernel they start gets the default generation's
 * {@code init=}. The kernel and initrd are real: a Debian kernel and a busybox initrd that prints
 * its command line and powers off, made by {@code make-test-boot-files} (which downloads Debian
 * packages). Tests never use the network, so this runs only when {@code SYSBUILD_TEST_BOOT_FILES}
 * names a directory holding those {@code vmlinuz} and {@code initrd} (see docs/boot.md); about
 * 10 s per boot.
 */
class QemuBootTest {
    static final String BOOT_FILES = "SYSBUILD_TEST_BOOT_FILES";
    static final long TIMEOUT_S = 240;

    @TempDir
    Path root;
    @TempDir
    Path work;
    BootFixture f;
    String kernel;
    String initrd;

    @BeforeEach
    void needsQemuAndBootFiles() throws IOException {
        String dir = System.getenv(BOOT_FILES);
        assumeTrue(dir != null && !dir.isEmpty(), BOOT_FILES + " is not set: point it at a directory made by"
                + " make-test-boot-files (vmlinuz + initrd) to boot the written entries in QEMU");
        Path files = Path.of(dir);
        assumeTrue(Files.isRegularFile(files.resolve("vmlinuz")) && Files.isRegularFile(files.resolve("initrd")),
                BOOT_FILES + "=" + dir + " has no vmlinuz and initrd");
        // make-test-boot-files writes a 20-byte initrd when cpio is missing; that would fail far from the cause.
        assumeTrue(Files.size(files.resolve("initrd")) > 4096, files.resolve("initrd") + " is too small to hold busybox (was cpio installed?)");
        Optional<String> missing = EspVm.missing();
        assumeTrue(missing.isEmpty(), () -> missing.orElse(""));
        f = new BootFixture(root);
        kernel = storeCopy("linux-6.1", "vmlinuz", files.resolve("vmlinuz"));
        initrd = storeCopy("initrd", "initrd", files.resolve("initrd"));
    }

    private String storeCopy(String name, String file, Path from) throws IOException {
        String logical = "/sysbuild/store/00000000000000000000000000000" + name.length() + "ab-" + name + "/" + file;
        Path p = f.layout.physical(logical);
        Files.createDirectories(p.getParent());
        Files.copy(from, p);
        return logical;
    }

    private List<BootGeneration> gens(BootSpec.Loader loader) {
        return BootFixture.list(gen(1, kernel, initrd, loader, "console=ttyS0", "panic=-1"),
                gen(2, kernel, initrd, loader, "console=ttyS0", "panic=-1", "quiet"));
    }

    private static String init(int n) {
        return "init=/sysbuild/var/profiles/system-" + n + "-link/init";
    }

    @Test
    void systemdBootStartsTheDefaultThenTheRolledBackOneThenFallsBackFromASpentEntry() throws Exception {
        f.write(gens(systemdBoot(0, null)), 2);
        EspVm.Boot first = EspVm.boot(root.resolve("boot"), work, TIMEOUT_S);
        assertThat(first.commandLine()).contains(init(2)).doesNotContain(init(1));
        // The real systemd-boot counted the try: +3 became +2-1 on the partition.
        assertThat(first.list("loader/entries")).containsExactly("sysbuild-1+3.conf", "sysbuild-2+2-1.conf");

        f.write(gens(systemdBoot(0, null)), 1); // a rollback: 1 is the boot default again
        assertThat(EspVm.boot(root.resolve("boot"), work, TIMEOUT_S).commandLine()).contains(init(1)).doesNotContain(init(2));

        // 2 is the default but spent its tries without being marked good: the machine falls back to 1.
        f.write(gens(systemdBoot(0, null)), 2);
        Files.move(f.boot("loader/entries/sysbuild-2+3.conf"), f.boot("loader/entries/sysbuild-2+0-3.conf"));
        assertThat(EspVm.boot(root.resolve("boot"), work, TIMEOUT_S).commandLine()).contains(init(1));
    }

    @Test
    void grubStartsTheDefault() throws Exception {
        assumeTrue(Tools.find("grub-mkstandalone").isPresent(), "grub-mkstandalone is not installed (apt-get install grub-efi-amd64-bin)");
        assumeTrue(Files.isDirectory(Path.of("/usr/lib/grub/x86_64-efi")), "GRUB's x86_64-efi modules are missing (grub-efi-amd64-bin)");
        f.write(gens(grub(0, null)), 1);
        // The boot directory is the partition here, so the config finds the images under /sysbuild.
        Path esp = work.resolve("esp");
        copyTree(root.resolve("boot"), esp);
        Path embed = Files.writeString(work.resolve("embed.cfg"),
                "search --no-floppy --file --set=root /grub/grub.cfg\nconfigfile ($root)/grub/grub.cfg\n");
        Files.createDirectories(esp.resolve("EFI/BOOT"));
        Tools.Run mk = Tools.run(List.of("grub-mkstandalone", "-O", "x86_64-efi", "-o", esp.resolve("EFI/BOOT/BOOTX64.EFI").toString(),
                "--modules=part_gpt part_msdos fat search linux normal configfile echo test", "boot/grub/grub.cfg=" + embed), Map.of(), 120);
        assertThat(mk.exit()).as("grub-mkstandalone: %s", mk.err()).isZero();
        assertThat(EspVm.boot(esp, work.resolve("vm"), TIMEOUT_S).commandLine()).contains(init(1)).doesNotContain(init(2));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}

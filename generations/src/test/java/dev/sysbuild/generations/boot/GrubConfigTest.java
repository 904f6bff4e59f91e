package dev.sysbuild.generations.boot;

import static dev.sysbuild.generations.boot.BootEntriesTest.contentName;
import static dev.sysbuild.generations.boot.BootFixture.gen;
import static dev.sysbuild.generations.boot.BootFixture.grub;
import static dev.sysbuild.generations.boot.BootFixture.systemdBoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** grub.cfg: the default first, a submenu of every kept generation; valid for grub-script-check. */
class GrubConfigTest {
    @TempDir
    Path root;
    BootFixture f;
    String kernelA;
    String kernelB;
    String initrd;

    @BeforeEach
    void setUp() throws Exception {
        f = new BootFixture(root);
        kernelA = f.kernel("kernel A");
        kernelB = f.kernel("kernel B");
        initrd = f.initrd("initrd");
    }

    @Test
    void theConfigHasTheDefaultFirstAndASubmenuOfAllGenerations() throws Exception {
        f.write(BootFixture.list(gen(1, kernelA, initrd, grub(3, null), "console=ttyS0"),
                gen(2, kernelB, null, grub(3, null), "console=ttyS0", "quiet")), 1);
        String ka = contentName("kernel A", "vmlinuz");
        String kb = contentName("kernel B", "vmlinuz");
        String i = contentName("initrd", "initrd");
        assertThat(f.read("grub/grub.cfg")).isEqualTo(EntryText.HEADER + """
                set timeout=3
                set default=sysbuild-default
                set sysbuild_images=/boot/sysbuild
                if [ ! -d /boot/sysbuild ]; then
                  set sysbuild_images=/sysbuild
                fi

                menuentry 'sysbuild generation 1 (2026-11-26 09:00, 25.11-sysbuild)' --id sysbuild-default {
                  linux ${sysbuild_images}/%1$s init=/sysbuild/var/profiles/system-1-link/init console=ttyS0
                  initrd ${sysbuild_images}/%3$s
                }

                submenu 'sysbuild: all generations' --id sysbuild-all {
                  menuentry 'sysbuild generation 2 (2026-11-26 10:00, 25.11-sysbuild)' --id sysbuild-2 {
                    linux ${sysbuild_images}/%2$s init=/sysbuild/var/profiles/system-2-link/init console=ttyS0 quiet
                  }
                  menuentry 'sysbuild generation 1 (2026-11-26 09:00, 25.11-sysbuild)' --id sysbuild-1 {
                    linux ${sysbuild_images}/%1$s init=/sysbuild/var/profiles/system-1-link/init console=ttyS0
                    initrd ${sysbuild_images}/%3$s
                  }
                }
                """.formatted(ka, kb, i));
        assertThat(f.list("sysbuild")).containsExactlyInAnyOrder(ka, kb, i);
        assertThat(f.list("loader/entries")).isEmpty();
    }

    @Test
    void oddLabelsAndParametersAreQuotedSoTheyStayOneWord() {
        assertThat(GrubConfig.word("console=ttyS0,115200n8")).isEqualTo("console=ttyS0,115200n8");
        assertThat(GrubConfig.word("x=$root;reboot")).isEqualTo("'x=$root;reboot'");
        assertThat(GrubConfig.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void changingTheLoaderRemovesTheOtherLoadersSysbuildFiles() throws Exception {
        f.write(BootFixture.list(gen(1, kernelA, null, systemdBoot(3, null))), 1);
        assertThat(f.list("loader/entries")).containsExactly("sysbuild-1+3.conf");
        f.write(BootFixture.list(gen(1, kernelA, null, systemdBoot(3, null)), gen(2, kernelA, null, grub(3, null))), 2);
        assertThat(f.list("loader/entries")).isEmpty();
        assertThat(f.list("grub")).containsExactly("grub.cfg");
        f.write(BootFixture.list(gen(1, kernelA, null, systemdBoot(3, null)), gen(2, kernelA, null, grub(3, null)),
                gen(3, kernelA, null, systemdBoot(3, null))), 3);
        assertThat(f.list("grub")).isEmpty();
        assertThat(f.list("loader/entries")).containsExactly("sysbuild-1+3.conf", "sysbuild-2+3.conf", "sysbuild-3+3.conf");
    }

    @Test
    void aGrubCfgSomeoneElseWroteIsLeftAlone() throws Exception {
        Files.createDirectories(f.boot("grub"));
        Files.writeString(f.boot("grub/grub.cfg"), "# written by grub-mkconfig\n");
        f.write(BootFixture.list(gen(1, kernelA, null, systemdBoot(3, null))), 1);
        assertThat(f.read("grub/grub.cfg")).isEqualTo("# written by grub-mkconfig\n");
    }

    @Test
    void grubScriptCheckAcceptsTheConfig() throws Exception {
        assumeTrue(Tools.find("grub-script-check").isPresent(),
                "grub-script-check is not installed (apt-get install grub-common; see .ci/install-validators)");
        f.write(BootFixture.list(gen(1, kernelA, initrd, grub(null, null), "console=ttyS0"),
                gen(2, kernelB, null, grub(null, null), "x=$root;reboot", "it's", "a=b c")), 2);
        Path cfg = f.boot("grub/grub.cfg");
        Tools.Run ok = Tools.run(List.of("grub-script-check", cfg.toString()), Map.of(), 30);
        assertThat(ok.exit()).as("grub-script-check: %s%s", ok.out(), ok.err()).isZero();
        assertThat(ok.out() + ok.err()).isEmpty();

        // The check can fail: a config with its last brace missing is refused.
        String text = Files.readString(cfg);
        Files.writeString(cfg, text.substring(0, text.lastIndexOf('}')));
        Tools.Run bad = Tools.run(List.of("grub-script-check", cfg.toString()), Map.of(), 30);
        assertThat(bad.exit()).isNotZero();
    }
}

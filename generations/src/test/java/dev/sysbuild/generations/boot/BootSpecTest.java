package dev.sysbuild.generations.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** boot.json as docs/toplevel-format.md defines it. */
class BootSpecTest {
    static final String EXAMPLE = """
            { "version": 1,
              "label": "25.11-sysbuild",
              "kernel": "/sysbuild/store/aaaa-vmlinuz", "initrd": "/sysbuild/store/bbbb-initrd",
              "kernelVersion": "6.1.0",
              "kernelParams": ["console=ttyS0"],
              "init": "/sysbuild/store/cccc-sysbuild-system-host/init",
              "loader": { "type": "systemd-boot", "timeout": 5, "configurationLimit": null } }
            """;

    @TempDir
    Path dir;

    @Test
    void theDocumentedExampleParses() {
        BootSpec s = BootSpec.parse(EXAMPLE);
        assertThat(s).isEqualTo(new BootSpec("25.11-sysbuild", "/sysbuild/store/aaaa-vmlinuz", "/sysbuild/store/bbbb-initrd", "6.1.0",
                List.of("console=ttyS0"), "/sysbuild/store/cccc-sysbuild-system-host/init", new BootSpec.Loader("systemd-boot", 5, null)));
        assertThat(s.hasKernel()).isTrue();
    }

    @Test
    void aConfigurationWithoutKernelHasNulls() {
        BootSpec s = BootSpec.parse(EXAMPLE.replace("\"/sysbuild/store/aaaa-vmlinuz\"", "null")
                .replace("\"/sysbuild/store/bbbb-initrd\"", "null").replace("\"6.1.0\"", "null"));
        assertThat(s.hasKernel()).isFalse();
        assertThat(s.kernelVersion()).isNull();
    }

    @Test
    void grubAndALimitAreRead() {
        BootSpec s = BootSpec.parse(EXAMPLE.replace("\"systemd-boot\", \"timeout\": 5, \"configurationLimit\": null",
                "\"grub\", \"timeout\": null, \"configurationLimit\": 10"));
        assertThat(s.loader()).isEqualTo(new BootSpec.Loader("grub", null, 10));
        assertThat(s.loader().isGrub()).isTrue();
    }

    @Test
    void mistakesAreNamedAndTheFileIsNamed() throws Exception {
        assertThatThrownBy(() -> BootSpec.parse(EXAMPLE.replace("systemd-boot", "lilo")))
                .hasMessageContaining("unknown boot loader type 'lilo'");
        assertThatThrownBy(() -> BootSpec.parse(EXAMPLE.replace("[\"console=ttyS0\"]", "\"console=ttyS0\"")))
                .hasMessageContaining("'kernelParams' must be an array");
        assertThatThrownBy(() -> BootSpec.parse(EXAMPLE.replace("\"version\": 1", "\"version\": 2")))
                .hasMessageContaining("unsupported boot.json version 2");
        assertThatThrownBy(() -> BootSpec.parse(EXAMPLE.replace("\"/sysbuild/store/aaaa-vmlinuz\"", "\"vmlinuz\"")))
                .hasMessageContaining("'kernel' must be an absolute path");
        Path f = Files.writeString(dir.resolve("boot.json"), EXAMPLE.replace("\"timeout\": 5", "\"timeout\": \"5\""));
        assertThatThrownBy(() -> BootSpec.read(f)).hasMessageContaining(f.toString()).hasMessageContaining("'loader.timeout' must be an integer");
    }
}

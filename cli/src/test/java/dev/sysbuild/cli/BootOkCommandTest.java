package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.generations.boot.BootEntries;
import dev.sysbuild.generations.boot.BootGeneration;
import dev.sysbuild.generations.boot.BootSettings;
import dev.sysbuild.generations.boot.BootSpec;
import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.path.StoreDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sysbuild boot-ok} on a temporary root with two generations and counted boot entries. */
class BootOkCommandTest {
    @TempDir
    Path root;

    @BeforeEach
    void twoGenerations() throws IOException {
        StoreLayout layout = new StoreLayout(root, StoreDir.DEFAULT);
        Path kernel = layout.physical("/sysbuild/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-linux/bzImage");
        Files.createDirectories(kernel.getParent());
        Files.writeString(kernel, "a kernel");
        BootSpec.Loader loader = new BootSpec.Loader(BootSpec.SYSTEMD_BOOT, 5, null);
        List<BootGeneration> gens = List.of(1, 2).stream().map(n -> new BootGeneration(n, Instant.parse("2026-11-26T08:00:00Z"),
                new BootSpec("test", "/sysbuild/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-linux/bzImage", null, "6.1", List.of(),
                        "/sysbuild/store/x/init", loader))).toList();
        new BootEntries(layout, BootSettings.defaults().withZone(ZoneOffset.UTC)).write(gens, 2, OptionalInt.empty());
        Path profiles = Files.createDirectories(root.resolve("sysbuild/var/profiles"));
        Files.createSymbolicLink(profiles.resolve("system-1-link"), Path.of("/sysbuild/store/1111-system"));
        Files.createSymbolicLink(profiles.resolve("system-2-link"), Path.of("/sysbuild/store/2222-system"));
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("boot/loader/entries"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void running(String toplevel) throws IOException {
        Files.createDirectories(root.resolve("run"));
        Files.deleteIfExists(root.resolve("run/current-system"));
        Files.createSymbolicLink(root.resolve("run/current-system"), Path.of(toplevel));
    }

    @Test
    void marksTheRunningGenerationGood() throws IOException {
        running("/sysbuild/store/2222-system");
        Cli r = Cli.run("--root", root.toString(), "boot-ok");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("generation 2: boot entry marked good (sysbuild-2.conf); boot counting ended\n");
        assertThat(entries()).containsExactly("sysbuild-1+3.conf", "sysbuild-2.conf");

        Cli again = Cli.run("boot-ok", "--root", root.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo("generation 2: boot entry was already marked good\n");
    }

    @Test
    void aGenerationCanBeNamed() throws IOException {
        Cli r = Cli.run("boot-ok", "--root", root.toString(), "--generation", "1");
        assertThat(r.exitCode()).isZero();
        assertThat(entries()).containsExactly("sysbuild-1.conf", "sysbuild-2+3.conf");
    }

    @Test
    void withoutAKnownBootedGenerationItSaysWhatToDo() throws IOException {
        Cli r = Cli.run("boot-ok", "--root", root.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: cannot tell which generation booted: " + root.resolve("run/current-system")
                + " does not point at a generation; give it with --generation N\n");
        assertThat(entries()).containsExactly("sysbuild-1+3.conf", "sysbuild-2+3.conf");
    }

    @Test
    void aGenerationWithoutEntryIsAnErrorWithoutStackTrace() throws IOException {
        Cli r = Cli.run("boot-ok", "--root", root.toString(), "--generation", "9");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: generation 9 has no boot entry in " + root.resolve("boot/loader/entries"))
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Cli.run("boot-ok", "--root", root.toString(), "--generation", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void helpDescribesIt() {
        Cli r = Cli.run("boot-ok", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: sysbuild boot-ok").contains("--generation=N").contains("--root");
    }
}

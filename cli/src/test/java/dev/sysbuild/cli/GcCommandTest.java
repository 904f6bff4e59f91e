package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcCommandTest {
    @TempDir
    Path tmp;

    @Test
    void gcKeepsWhatAResultLinkRootsAndDeletesTheRestDryRunFirst() throws IOException {
        String root = tmp.resolve("root").toString();
        Path keep = Files.writeString(tmp.resolve("keep"), "keep me");
        Path drop = Files.writeString(tmp.resolve("drop"), "0123456789".repeat(1000));
        String kept = Cli.run("store", "add", "--root", root, keep.toString()).out().strip();
        String dropped = Cli.run("store", "add", "--root", root, drop.toString()).out().strip();
        Path result = Files.createSymbolicLink(tmp.resolve("result"), Path.of(root + kept));
        Path auto = Files.createDirectories(Path.of(root, "sysbuild/var/gcroots/auto"));
        Files.createSymbolicLink(auto.resolve("x"), result);

        Cli dry = Cli.run("gc", "--root", root, "--dry-run");

        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).isEqualTo(dropped + "\n1 store path would be deleted, 0.01 MiB would be freed\n");
        assertThat(Path.of(root + dropped)).exists();

        Cli gc = Cli.run("--root", root, "gc");

        assertThat(gc.out()).isEqualTo(dropped + "\n1 store path deleted, 0.01 MiB freed\n");
        assertThat(Path.of(root + dropped)).doesNotExist();
        assertThat(Cli.run("store", "path-info", "--root", root, kept).exitCode()).isZero();

        Files.delete(result);
        assertThat(Cli.run("gc", "--root", root).out()).isEqualTo(kept + "\n1 store path deleted, 0.00 MiB freed\n");
        assertThat(auto.resolve("x")).doesNotExist();
    }
}

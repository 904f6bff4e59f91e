package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.generations.git.ConfigRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path tmp;

    @Test
    void createsACommittedConfigurationThatParses() throws Exception {
        Path dir = tmp.resolve("machines/host");
        Cli r = Cli.run("init", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Created a configuration in " + dir);
        assertThat(dir.resolve(".gitignore")).content().contains("result");
        try (ConfigRepository repo = ConfigRepository.discover(dir).orElseThrow()) {
            assertThat(repo.head().orElseThrow().subject()).isEqualTo("Initial configuration (sysbuild init)");
            assertThat(repo.capture(List.of(dir.resolve("system.conf")), "t", Instant.EPOCH).dirty()).isFalse();
        }
        Cli parse = Cli.run("parse", dir.resolve("system.conf").toString());
        assertThat(parse.exitCode()).as(parse.err()).isZero();
    }

    @Test
    void refusesANonEmptyDirectoryAndChangesNothing() throws Exception {
        Files.writeString(tmp.resolve("system.conf"), "{ mine = true; }\n");
        Cli r = Cli.run("init", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("is not empty");
        assertThat(tmp.resolve(".git")).doesNotExist();
        assertThat(tmp.resolve("system.conf")).hasContent("{ mine = true; }\n");
    }
}

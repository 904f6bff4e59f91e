package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/options.md is what the option declarations generate now. */
class OptionsDocTest {
    @Test
    void optionsReferenceIsUpToDate() throws Exception {
        Path doc = Path.of("").toAbsolutePath().getParent().resolve("docs/options.md");
        Cli r = Cli.run("options", "--markdown");
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(doc, StandardCharsets.UTF_8))
                .as("docs/options.md is stale; regenerate it with: ./sysbuild options --markdown > docs/options.md")
                .isEqualTo(r.out());
    }
}

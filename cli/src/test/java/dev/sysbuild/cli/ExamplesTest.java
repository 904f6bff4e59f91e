package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every example under examples/ with an expected.txt evaluates to exactly that (as README shows). */
class ExamplesTest {
    @TestFactory
    Stream<DynamicTest> examplesEvaluateAsDocumented() throws IOException {
        Path examples = Path.of("").toAbsolutePath().getParent().resolve("examples");
        List<Path> dirs;
        try (Stream<Path> s = Files.list(examples)) {
            dirs = s.filter(d -> Files.exists(d.resolve("expected.txt"))).sorted().toList();
        }
        assertThat(dirs).as("examples with an expected.txt").isNotEmpty();
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Cli r = Cli.run("eval", "--strict", dir.toString());
            assertThat(r.err()).isEmpty();
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo(Files.readString(dir.resolve("expected.txt"), StandardCharsets.UTF_8));
        }));
    }
}

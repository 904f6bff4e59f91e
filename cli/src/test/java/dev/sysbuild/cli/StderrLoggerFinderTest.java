package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Libraries' log messages in a command: warnings and errors on standard error, nothing else. */
class StderrLoggerFinderTest {
    @Test
    void warningsAndErrorsReachStandardErrorAndTheRestDoesNot() {
        System.Logger log = new StderrLoggerFinder().getLogger("caffeine", getClass().getModule());
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            log.log(System.Logger.Level.INFO, "not shown");
            log.log(System.Logger.Level.WARNING, "loader {0} failed", "x");
            log.log(System.Logger.Level.ERROR, "broken", new IllegalStateException("why"));
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "sysbuild: caffeine: loader x failed\n" + "sysbuild: caffeine: broken (java.lang.IllegalStateException: why)\n");
        assertThat(log.isLoggable(System.Logger.Level.DEBUG)).isFalse();
    }

    @Test
    void theJarNamesItAsTheLoggerFinder() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/services/java.lang.System$LoggerFinder")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim()).isEqualTo(StderrLoggerFinder.class.getName());
        }
    }
}

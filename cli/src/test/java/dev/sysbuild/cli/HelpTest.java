package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every command explains itself with --help, on standard output, with exit code 0. */
class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"eval", "parse", "repl", "init", "debian", "debian index", "boot-ok", "build", "switch", "boot",
        "test", "dry-activate", "gc", "store", "store add", "store path-info", "store verify", "store export",
        "store import", "store optimise", "store dump", "store log", "options", "rollback", "activate", "generations",
        "generations list", "generations show", "generations diff", "generations delete", "log"})
    void eachCommandHasHelp(String command) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.Arrays.asList(command.split(" ")));
        args.add("--help");
        Cli r = Cli.run(args.toArray(new String[0]));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: sysbuild " + command).contains("--include").contains("--root");
        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"store add", "generations show", "generations delete", "store dump", "debian index"})
    void aMissingRequiredParameterIsAUsageError(String command) {
        // Commands whose model is built in code must still require what their annotations did.
        Cli r = Cli.run(command.split(" "));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter").contains("Usage: sysbuild " + command);
    }

    @Test
    void theTopCommandListsTheCommandsAndGlobalOptions() {
        Cli r = Cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: sysbuild").contains("eval").contains("parse").contains("repl")
                .contains("--include").contains("--store-dir");
    }

    @Test
    void helpCommandShowsAnotherCommandsHelp() {
        Cli r = Cli.run("help", "eval");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: sysbuild eval");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli r = Cli.run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("missing command");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli r = Cli.run("evaluate", "-E", "1");
        assertThat(r.exitCode()).isEqualTo(2);
    }

    @Test
    void versionNamesTheProgram() {
        Cli r = Cli.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("sysbuild ");
    }
}

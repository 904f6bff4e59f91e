package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Global options mean the same before and after the command name (DESIGN.md, "The command line"). */
class GlobalOptionsTest {
    @TempDir
    Path dir;

    private Path dirWith(String name, String file, String text) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve(file), text);
        return d;
    }

    @Test
    void includeWorksBeforeAndAfterTheCommandName() throws IOException {
        Path lib = dirWith("lib", "x.nix", "42");
        String expr = "import <lib/x.nix>";
        Cli before = Cli.run("-I", "lib=" + lib, "eval", "-E", expr);
        Cli after = Cli.run("eval", "-I", "lib=" + lib, "-E", expr);
        assertThat(before.out()).isEqualTo("42\n");
        assertThat(after.out()).isEqualTo("42\n");
    }

    @Test
    void includesOnBothSidesAreAllKeptEarlierFirst() throws IOException {
        Path one = dirWith("one", "x.nix", "1");
        Path two = dirWith("two", "x.nix", "2");
        Path three = dirWith("three", "y.nix", "3");
        Cli r = Cli.run("-I", "p=" + one, "eval", "--strict", "-I", "p=" + two, "-I", "q=" + three,
                "-E", "[ (import <p/x.nix>) (import <q/y.nix>) ]");
        assertThat(r.err()).isEmpty();
        // The first matching entry wins, as in Nix: the one given before the command name.
        assertThat(r.out()).isEqualTo("[ 1 3 ]\n");
    }

    @Test
    void includeBeforeTheCommandReachesTheRepl() throws IOException {
        Path lib = dirWith("lib", "x.nix", "{ answer = 42; }");
        Cli r = Cli.runWithInput("(import <lib/x.nix>).answer\n", "-I", "lib=" + lib, "repl");
        assertThat(r.out()).isEqualTo("42\n");
    }

    @Test
    void everyOptionIsHandedDownAndTheCommandsOwnValueWins() {
        CommandLine cl = SysbuildCommand.commandLine(new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()));
        CommandLine.ParseResult parsed = cl.parseArgs("-v", "--no-color", "--root", "/r", "--store-dir", "/s",
                "eval", "--root", "/mine", "-q", "-E", "1");
        CommonOptions.passDown(parsed);
        CommonOptions eval = ((EvalCommand) parsed.subcommand().commandSpec().userObject()).common;
        assertThat(eval.verbose).isTrue();
        assertThat(eval.noColor).isTrue();
        assertThat(eval.quiet).isTrue();
        assertThat(eval.storeDir).isEqualTo("/s");
        assertThat(eval.root).isEqualTo("/mine");
    }

    @Test
    void verboseBeforeTheCommandShowsInternalDetail() {
        Cli quiet = Cli.run("eval", "-E", "throw \"x\"");
        Cli verbose = Cli.run("-v", "eval", "-E", "throw \"x\"");
        assertThat(quiet.err()).doesNotContain("EvalException");
        assertThat(verbose.err()).contains("EvalException");
    }

    @Test
    void storeDirDecidesTheStorePathsAndIsChecked() throws IOException {
        assertThat(Cli.run("eval", "-E", "builtins.storeDir").out()).isEqualTo("\"/sysbuild/store\"\n");
        Path a = dirWith("tree", "a", "x").resolve("a");
        // Given before the command name, with a trailing slash: the same directory. The path is
        // the one Nix 2.8 gives the file "x" named a (nix-formats.md, section 2).
        Cli nix = Cli.run("--store-dir", "/nix/store/", "eval", "-E", "\"${" + a + "}\"");
        assertThat(nix.out()).isEqualTo("\"/nix/store/bgx7nx44cfl4yl5cqgmq9vnszn9xmk2q-a\"\n");
        Cli relative = Cli.run("eval", "--store-dir", "nix/store", "-E", "1");
        assertThat(relative.exitCode()).isEqualTo(2);
        assertThat(relative.err()).contains("--store-dir").contains("must be an absolute path");
    }
}

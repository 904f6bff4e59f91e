package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.eval.LocalIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sysbuild repl} fed through a pipe: values on stdout, messages and errors on stderr. */
class ReplCommandTest {
    @TempDir
    Path dir;

    private static Cli repl(String... lines) {
        return Cli.runWithInput(String.join("\n", lines) + "\n", "repl");
    }

    @Test
    void printsEachValueWithoutPromptsWhenPiped() {
        Cli r = repl("1 + 2", "\"a\" + \"b\"", "null");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("3\n\"ab\"\nnull\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void bindingsPersistForLaterLines() {
        Cli r = repl("x = 20", "f = n: n + x", "f 22", "x = 1", "f 1", "x");
        // f keeps the x it saw, as a closure does; a new x shadows it for later lines only.
        assertThat(r.out()).isEqualTo("42\n21\n1\n");
    }

    @Test
    void bindingsAreLazy() {
        Cli r = repl("boom = throw \"not yet\"", "ok = 1", "ok", "boom", "ok + 1");
        assertThat(r.out()).isEqualTo("1\n2\n");
        assertThat(r.err()).contains("error: not yet");
    }

    @Test
    void equalityIsNotABinding() {
        assertThat(repl("1 == 1", "a = 2", "a == 2").out()).isEqualTo("true\ntrue\n");
    }

    @Test
    void setsAndListsAreShownOneLevelDeepAndPrintShowsAll() {
        Cli r = repl("{ b = { c = 1; }; a = 1 + 1; l = [ 1 [ 2 ] ]; }", ":p { b = { c = 1; }; l = [ 1 [ 2 ] ]; }");
        assertThat(r.out()).isEqualTo("{ a = 2; b = { ... }; l = [ ... ]; }\n{ b = { c = 1; }; l = [ 1 [ 2 ] ]; }\n");
    }

    @Test
    void anAttributeThatFailsIsShownInPlace() {
        Cli r = repl("{ a = 1; bad = throw \"oops\"; }");
        assertThat(r.out()).isEqualTo("{ a = 1; bad = «error: oops»; }\n");
    }

    @Test
    void functionsShowWhereTheyWereDefined() {
        Cli r = repl("x: x", "builtins.add", "builtins.add 1");
        assertThat(r.out()).isEqualTo("«lambda @ «string»:1:1»\n«primop»\n«primop-app»\n");
    }

    @Test
    void typeDescribesTheValue() {
        Cli r = repl(":t 1", ":t { }", ":t x: x", ":t \"s\"", "n = 1.5", ":type n");
        assertThat(r.out()).isEqualTo("an integer\na set\na function\na string\na float\n");
    }

    @Test
    void errorsArePrintedAndTheSessionGoesOn() {
        Cli r = repl("1 + \"a\"", "nosuchvar", "1 +", "2", "(", ":t 1 + true", "3");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("3\n3\n");
        assertThat(r.err()).contains("error: cannot add a string to an integer")
                .contains("error: undefined variable 'nosuchvar'")
                .contains("«string»:1:1")
                .doesNotContain("Exception");
    }

    @Test
    void anUnfinishedExpressionContinuesOnTheNextLine() {
        Cli r = repl("let a = 1;", "    b = 2;", "in a + b", "{", "  x = 1;", "}");
        assertThat(r.out()).isEqualTo("3\n{ x = 1; }\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void inputThatEndsInsideAnExpressionIsAnError() {
        Cli r = Cli.runWithInput("1 + 2\n[ 1 2\n", "repl");
        assertThat(r.out()).isEqualTo("3\n");
        assertThat(r.err()).contains("unexpected end of file");
    }

    @Test
    void quitEndsTheSession() {
        Cli r = repl("1", ":q", "2");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("1\n");
    }

    @Test
    void loadAddsTheAttributesOfAFile() throws IOException {
        Path lib = dir.resolve("lib.nix");
        Files.writeString(lib, "{ a = 1; double = x: x * 2; }");
        Cli r = repl(":l " + lib, "double a", ":load " + lib, "a");
        assertThat(r.out()).isEqualTo("2\n1\n");
        assertThat(r.err()).contains("Added 2 variables.");
    }

    @Test
    void loadCallsAFunctionWhoseArgumentsAllHaveDefaults() throws IOException {
        Path f = dir.resolve("fn.nix");
        Files.writeString(f, "{ base ? 10 }: { value = base + 1; }");
        assertThat(repl(":l " + f, "value").out()).isEqualTo("11\n");
    }

    @Test
    void filesNamedOnTheCommandLineAreLoaded() throws IOException {
        Path lib = dir.resolve("lib.nix");
        Files.writeString(lib, "{ greeting = \"hi\"; }");
        Cli r = Cli.runWithInput("greeting\n", "repl", lib.toString());
        assertThat(r.out()).isEqualTo("\"hi\"\n");
    }

    @Test
    void loadingAMissingFileIsAnErrorNotTheEnd() {
        Cli r = repl(":l " + dir.resolve("absent.nix"), "1");
        assertThat(r.out()).isEqualTo("1\n");
        assertThat(r.err()).contains("error: ").contains("absent.nix");
    }

    @Test
    void addPutsASetsAttributesInScope() {
        assertThat(repl(":a { p = 1; q = 2; }", "p + q").out()).isEqualTo("3\n");
    }

    @Test
    void reloadReadsChangedFilesAndForgetsBindings() throws IOException {
        Path lib = dir.resolve("lib.nix");
        Files.writeString(lib, "{ v = 1; }");
        InputStream before = input(":l " + lib + "\nv\nextra = 5\nextra\n");
        InputStream after = input(":r\nv\nextra\n");
        // The REPL asks for the second part only once it has run the first: change the file then.
        Enumeration<InputStream> parts = new Enumeration<>() {
            int next;

            @Override public boolean hasMoreElements() { return next < 2; }

            @Override public InputStream nextElement() {
                if (next++ == 0) return before;
                try {
                    Files.writeString(lib, "{ v = 2; }");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return after;
            }
        };
        Cli r = Cli.runWithInput(new SequenceInputStream(parts), "repl");
        assertThat(r.out()).isEqualTo("1\n5\n2\n");
        assertThat(r.err()).contains("undefined variable 'extra'");
    }

    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommands() {
        Cli r = repl(":?");
        assertThat(r.out()).contains(":l <path>").contains(":t <expr>").contains(":q");
    }

    @Test
    void anUnknownCommandIsReported() {
        Cli r = repl(":frob", "1");
        assertThat(r.err()).contains("unknown command ':frob'");
        assertThat(r.out()).isEqualTo("1\n");
    }

    @Test
    void historyLivesUnderXdgDataHomeOrHome() {
        assertThat(ReplCommand.historyFile(new LocalIO(Map.of("XDG_DATA_HOME", "/d", "HOME", "/h"))))
                .isEqualTo(Path.of("/d/sysbuild/repl-history"));
        assertThat(ReplCommand.historyFile(new LocalIO(Map.of("HOME", "/h"))))
                .isEqualTo(Path.of("/h/.local/share/sysbuild/repl-history"));
    }
}

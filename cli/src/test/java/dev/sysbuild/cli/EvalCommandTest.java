package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sysbuild eval}: what it prints, and the exit codes 0 (ok), 1 (evaluation error), 2 (usage). */
class EvalCommandTest {
    @TempDir
    Path dir;

    private String file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void evaluatesAnExpression() {
        Cli r = Cli.run("eval", "-E", "1 + 2 * 3");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("7\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void evaluatesAFileAndItsRelativeImports() throws IOException {
        file("lib.nix", "{ greeting = \"hello\"; }");
        String main = file("main.nix", "let lib = import ./lib.nix; in lib.greeting + \", world\"");
        Cli r = Cli.run("eval", main);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("\"hello, world\"\n");
    }

    @Test
    void aDirectoryMeansItsDefaultNix() throws IOException {
        file("default.nix", "[ 1 2 ]");
        Cli r = Cli.run("eval", "--strict", dir.toString());
        assertThat(r.out()).isEqualTo("[ 1 2 ]\n");
    }

    @Test
    void withoutStrictOnlyTheOuterLayerIsEvaluated() {
        Cli lazy = Cli.run("eval", "-E", "{ a = throw \"boom\"; b = 1; }");
        assertThat(lazy.exitCode()).isZero();
        assertThat(lazy.out()).startsWith("{ a = ").contains("b = 1;");
        assertThat(lazy.err()).isEmpty();

        Cli strict = Cli.run("eval", "--strict", "-E", "{ a = throw \"boom\"; b = 1; }");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.err()).contains("error: boom");
    }

    @Test
    void strictPrintsNestedValues() {
        Cli r = Cli.run("eval", "--strict", "-E", "{ b = [ (1 + 1) { c = \"x\" + \"y\"; } ]; a = null; }");
        assertThat(r.out()).isEqualTo("{ a = null; b = [ 2 { c = \"xy\"; } ]; }\n");
    }

    @Test
    void argAndArgstrAutoCallAFunctionFile() throws IOException {
        String f = file("fn.nix", "{ n, s, d ? 5 }: \"${s}-${toString (n + d)}\"");
        Cli r = Cli.run("eval", f, "--arg", "n", "1 + 1", "--argstr", "s", "hi");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("\"hi-7\"\n");
    }

    @Test
    void aMissingArgumentIsAnErrorThatNamesIt() throws IOException {
        String f = file("fn.nix", "{ n }: n");
        Cli r = Cli.run("eval", "--argstr", "other", "x", f);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("error: ").contains("'n'").contains(f + ":1:3");
    }

    @Test
    void attrSelectsPathsIncludingListIndexes() throws IOException {
        String f = file("set.nix", "{ a.b = [ 10 20 ]; c = \"see\"; }");
        Cli r = Cli.run("eval", f, "-A", "a.b.1", "-A", "c");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("20\n\"see\"\n");

        Cli missing = Cli.run("eval", f, "-A", "a.nope");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("error: attribute 'nope'");
    }

    @Test
    void jsonPrintsTheWholeValueAsJson() {
        Cli r = Cli.run("eval", "--json", "-E", "{ a = [ 1 \"x\" null true ]; b.c = 1.5; }");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("{\"a\":[1,\"x\",null,true],\"b\":{\"c\":1.5}}\n");
    }

    @Test
    void anEvaluationErrorExitsOneWithLocationAndNoStackTrace() throws IOException {
        String f = file("bad.nix", "let\n  x = 1;\nin x + \"a\"\n");
        Cli r = Cli.run("eval", f);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: ").contains("at " + f + ":3:4").contains("^");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anErrorInAnExpressionPointsIntoIt() {
        Cli r = Cli.run("eval", "-E", "1 + true");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("error: ").contains("«string»:1:1").contains("1| 1 + true");
    }

    @Test
    void neitherOrBothOfFileAndExprIsAUsageError() throws IOException {
        Cli neither = Cli.run("eval");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("error: ").contains("FILE").contains("-E");

        Cli both = Cli.run("eval", "-E", "1", file("one.nix", "1"));
        assertThat(both.exitCode()).isEqualTo(2);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli r = Cli.run("eval", "--frobnicate", "-E", "1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--frobnicate'").contains("Usage: sysbuild eval");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void jsonAndXmlTogetherIsAUsageError() {
        assertThat(Cli.run("eval", "--json", "--xml", "-E", "1").exitCode()).isEqualTo(2);
    }

    @Test
    void aMissingFileIsAnErrorNotACrash() {
        Cli r = Cli.run("eval", dir.resolve("absent.nix").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").contains("absent.nix").doesNotContain("Exception");
    }

    @Test
    void aFunctionIsPrintedNotCalledWithoutArgs() {
        // nix-instantiate --eval calls a function with formals only when --arg/--argstr are given.
        Cli plain = Cli.run("eval", "-E", "{ a ? 1 }: a");
        assertThat(plain.out()).isEqualTo("<LAMBDA>\n");
        Cli called = Cli.run("eval", "--arg", "b", "2", "-E", "{ a ? 1, ... }: a");
        assertThat(called.out()).isEqualTo("1\n");
    }
}

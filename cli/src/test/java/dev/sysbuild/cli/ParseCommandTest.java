package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sysbuild parse}: silent success, or the error with its location and a caret. */
class ParseCommandTest {
    @TempDir
    Path dir;

    @Test
    void aValidFileParsesSilently() throws IOException {
        Path f = dir.resolve("ok.nix");
        Files.writeString(f, "{ x ? 1 }: { y = x; inherit x; }\n");
        Cli r = Cli.run("parse", f.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aSyntaxErrorShowsTheLineAndACaretUnderIt() throws IOException {
        Path f = dir.resolve("bad.nix");
        Files.writeString(f, "{\n  a = 1;\n  b = ;\n}\n");
        Cli r = Cli.run("parse", f.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: syntax error, unexpected ';'")
                .contains("at " + f + ":3:7:")
                .contains("3|   b = ;\n")
                .contains("|       ^\n");
    }

    @Test
    void anUndefinedVariableIsFoundWithoutEvaluating() {
        Cli r = Cli.run("parse", "-E", "let a = 1; in if false then b else a");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("error: undefined variable 'b'").contains("«string»:1:29");
    }

    @Test
    void anExpressionThatEndsEarlyPointsAtTheEnd() {
        Cli r = Cli.run("parse", "-E", "1 +");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("unexpected end of file").contains("1| 1 +\n").contains("|    ^\n");
    }

    @Test
    void noInputIsAUsageError() {
        assertThat(Cli.run("parse").exitCode()).isEqualTo(2);
    }
}

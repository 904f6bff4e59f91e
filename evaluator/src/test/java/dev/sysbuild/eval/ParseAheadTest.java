package dev.sysbuild.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.eval.print.ValuePrinter;
import dev.sysbuild.language.ParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files named by literal paths are parsed on another thread before evaluation imports them. */
class ParseAheadTest {
    @TempDir
    Path dir;

    private final LocalIO io = new LocalIO(Map.of());
    private final Evaluator ev = new Evaluator(io, List.of());

    private String eval(String expr) {
        return ValuePrinter.print(ev.evalString("(test)", expr, dir.toString()), true);
    }

    @Test
    void filesNamedByLiteralPathsAreParsedAheadTransitivelyAndUsedByImport() throws Exception {
        Files.writeString(dir.resolve("a.nix"), "{ b = import ./sub; }");
        Files.createDirectory(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/default.nix"), "41 + 1");
        ev.parse("(test)", "import ./a.nix", dir.toString());
        ev.parseAhead().awaitIdle();
        assertThat(ev.parseAhead().parsed()).isEqualTo(2);
        // Looking ahead reads nothing as an input of the evaluation; the imports do.
        assertThat(io.filesRead()).isEmpty();

        assertThat(eval("(import ./a.nix).b")).isEqualTo("42");
        assertThat(ev.parseAhead().used()).isEqualTo(2);
        assertThat(io.filesRead()).contains(dir + "/a.nix", dir + "/sub/default.nix");
    }

    @Test
    void aFileChangedAfterItsParseAheadIsParsedAgain() throws Exception {
        Path a = dir.resolve("a.nix");
        Files.writeString(a, "1");
        ev.parse("(test)", "import ./a.nix", dir.toString());
        ev.parseAhead().awaitIdle();
        Files.writeString(a, "2");
        assertThat(eval("import ./a.nix")).isEqualTo("2");
        assertThat(ev.parseAhead().used()).isZero();
    }

    @Test
    void aSyntaxErrorIsReportedByTheImportThatReachesIt() throws Exception {
        Files.writeString(dir.resolve("bad.nix"), "{ x = ; }");
        assertThat(eval("let f = ./bad.nix; in 1")).isEqualTo("1");
        ev.parseAhead().awaitIdle();
        assertThatThrownBy(() -> eval("import ./bad.nix"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("syntax error");
    }

    @Test
    void onlyNixFilesAndDirectoriesAreLookedAt() throws Exception {
        Files.writeString(dir.resolve("data.txt"), "not { nix");
        Files.writeString(dir.resolve("key.pub"), "ssh-ed25519 AAAA");
        Files.writeString(dir.resolve("vmlinuz"), "1"); // would parse, but is no Nix file
        assertThat(eval("[ ./data.txt ./key.pub ./missing.nix ./vmlinuz ]")).startsWith("[ ");
        ev.parseAhead().awaitIdle();
        assertThat(ev.parseAhead().parsed()).isZero();
    }
}

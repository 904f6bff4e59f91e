package dev.sysbuild.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.language.diag.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A large source is lexed on another thread while it is parsed (LexedAhead). That must change
 * nothing a user sees: every file parses to the same tree, or fails with the same message at the
 * same place, whether lexed ahead or not.
 */
class LexAheadTest {
    private static final Set<String> GLOBALS = Set.of("builtins", "true", "false", "null", "import", "toString", "map",
            "derivation", "throw", "abort", "baseNameOf", "dirOf", "isNull", "removeAttrs", "placeholder",
            "fetchTarball", "scopedImport", "__currentSystem", "__nixPath");
    private static final Parser IN_TURN = new Parser(GLOBALS, "/home/u", Integer.MAX_VALUE);
    private static final Parser AHEAD = new Parser(GLOBALS, "/home/u", 0);

    /** What a parse gives: the tree, or the error's message and place. */
    private static String outcome(Parser parser, String name, String text) {
        try {
            return "ok " + parser.parse(Source.ofString(name, text), "/base");
        } catch (ParseException e) {
            return "error " + e.render();
        }
    }

    private static void same(String name, String text) {
        assertThat(outcome(AHEAD, name, text)).as(name).isEqualTo(outcome(IN_TURN, name, text));
    }

    @Test
    void theLanguageCasesParseAlikeEitherWay() throws IOException {
        // The evaluator's data cases: parse-okay and parse-fail ones, lexer errors among them.
        Path cases = Path.of("..", "evaluator", "src", "test", "resources", "lang");
        List<Path> files;
        try (Stream<Path> s = Files.list(cases)) {
            files = s.filter(p -> p.toString().endsWith(".nix")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        for (Path f : files) same(f.getFileName().toString(), Files.readString(f, StandardCharsets.ISO_8859_1));
    }

    @Test
    void largeSourcesWithErrorsLateOrEarlyFailAlike() {
        StringBuilder big = new StringBuilder("{ config, ... }: {\n");
        for (int i = 0; i < 5000; i++) {
            big.append("  services.s").append(i).append(" = { enable = true; text = ''\n    line ${toString ")
                    .append(i).append("}\n  ''; port = ").append(i).append("; };\n");
        }
        String body = big.toString();
        same("fine.nix", body + "}\n");
        same("unclosed.nix", body);                                  // the end of file comes too soon
        same("lexer-error-late.nix", body + "  x = \"unterminated;\n}\n");
        same("bad-char-late.nix", body + "  x = 1 ` 2;\n}\n");
        same("parse-error-late.nix", body + "  x = ;\n}\n");
        // The parser's error comes first when it is met before the lexer's: the tokens lexed before
        // a lexer error all reach the parser.
        same("parse-then-lexer-error.nix", body + "  x = ; y = 1 ` 2;\n}\n");
        same("parse-error-early.nix", "{ x = ; }\n" + body + "}\n");
        same("undefined-variable.nix", body + "  x = nope;\n}\n");   // a static error after the parse
    }
}

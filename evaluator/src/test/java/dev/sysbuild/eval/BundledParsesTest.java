package dev.sysbuild.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.language.ParseException;
import dev.sysbuild.language.Parser;
import dev.sysbuild.language.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Parses of bundled files shared between threads and evaluators, never for a different text. */
class BundledParsesTest {
    private static final Parser PARSER = new Parser(Set.of("builtins"), "/home/u");

    @Test
    void oneParsePerFileAndTextWhoeverAsksFirst() throws Exception {
        String file = "/cache/bundled-test/lib/a.nix";
        String text = "{ x = builtins.length [ 1 2 3 ]; }";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Expr>> parses = new ArrayList<>();
            for (int i = 0; i < 8; i++) parses.add(pool.submit(() -> BundledParses.parse(PARSER, file, text, "/cache/bundled-test/lib")));
            Expr first = parses.get(0).get();
            for (Future<Expr> f : parses) assertThat(f.get()).isSameAs(first);
        } finally {
            pool.shutdownNow();
        }
        // A changed file (or other parser settings) is parsed anew, never served the old tree.
        Expr changed = BundledParses.parse(PARSER, file, "{ x = 2; }", "/cache/bundled-test/lib");
        assertThat(changed).isNotSameAs(BundledParses.parse(PARSER, file, text, "/cache/bundled-test/lib"));
        assertThat(changed.toString()).doesNotContain("length");
        Parser other = new Parser(Set.of("builtins", "extra"), "/home/u");
        assertThat(BundledParses.parse(other, file, text, "/cache/bundled-test/lib"))
                .isNotSameAs(BundledParses.parse(PARSER, file, text, "/cache/bundled-test/lib"));
    }

    @Test
    void aParseErrorIsReportedToEveryoneWhoAsks() {
        String file = "/cache/bundled-test/lib/broken.nix";
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> BundledParses.parse(PARSER, file, "{ x = ; }", "/cache/bundled-test/lib"))
                    .isInstanceOf(ParseException.class);
        }
    }
}

package dev.sysbuild.eval.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.TestEval;
import dev.sysbuild.eval.print.ValuePrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * match and split with POSIX extended syntax. Every expected value is what Nix 2.8 (libstdc++'s
 * std::regex) answers; patterns are given as regex text and quoted into Nix here.
 */
class RegexBuiltinsTest {
    private static String eval(String expr) {
        // The context below names /nix/store paths, which must be store paths to this evaluator.
        Evaluator ev = TestEval.nixStoreEvaluator();
        return Bytes.decode(ValuePrinter.print(ev.evalString("«test»", Bytes.encode(expr), "/"), true));
    }

    private static String nix(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "\\${").replace("\n", "\\n") + "\"";
    }

    private static String match(String re, String s) {
        return eval("builtins.match " + nix(re) + " " + nix(s));
    }

    private static String split(String re, String s) {
        return eval("builtins.split " + nix(re) + " " + nix(s));
    }

    @Test
    void matchMustCoverTheWholeString() {
        assertThat(match("fo*", "foo")).isEqualTo("[ ]");
        assertThat(match("fo*", "foobar")).isEqualTo("null");
        assertThat(match("(.*)\\.nix", "foobar.nix")).isEqualTo("[ \"foobar\" ]");
    }

    @Test
    void groupsThatTakeNoPartAreNull() {
        assertThat(match("((.*)/)?([^/]*)\\.(nix|cc)", "foobar.cc")).isEqualTo("[ null null \"foobar\" \"cc\" ]");
        assertThat(match("(a)|b", "b")).isEqualTo("[ null ]");
        // a group keeps what it captured in an earlier iteration
        assertThat(match("((a)|b)*", "ab")).isEqualTo("[ \"b\" \"a\" ]");
    }

    @Test
    void characterClassesAreAsciiAndCaseInsensitivelyNamed() {
        assertThat(match("[[:space:]]+([^[:space:]]+)[[:space:]]+", "  foo   ")).isEqualTo("[ \"foo\" ]");
        assertThat(match("[[:ALPHA:]]+", "abc")).isEqualTo("[ ]");
        assertThat(match("[[:w:]]+", "a_1")).isEqualTo("[ ]");
        assertThat(match("[[:alpha:]]", "é")).isEqualTo("null");
    }

    @Test
    void bracketEdgeCases() {
        assertThat(match("[]a]+", "]a")).isEqualTo("[ ]");
        assertThat(match("[^]a]+", "bc")).isEqualTo("[ ]");
        assertThat(match("[^]a]", "]")).isEqualTo("null");
        assertThat(match("[a-]+", "a-")).isEqualTo("[ ]");
        assertThat(match("[--0]+", "-0")).isEqualTo("[ ]");
        assertThat(match("[]-a]+", "]a^")).isEqualTo("[ ]");
        // no escapes inside brackets: [\.] is a backslash or a dot, [\n] a backslash or an n
        assertThat(match("[\\.]+", "\\.")).isEqualTo("[ ]");
        assertThat(match("[\\n]", "n")).isEqualTo("[ ]");
        assertThat(match("^([0-9][0-9\\.]*)(.*)$", "10")).isEqualTo("[ \"10\" \"\" ]");
        // collating elements use the POSIX names; equivalence classes ignore case
        assertThat(match("[[.hyphen.]]", "-")).isEqualTo("[ ]");
        assertThat(match("[[=A=]]", "a")).isEqualTo("[ ]");
    }

    @Test
    void javaOnlySyntaxDoesNotLeakThrough() {
        // a second quantifier repeats the first: never lazy, never possessive
        assertThat(match("(a*?)", "aa")).isEqualTo("[ \"aa\" ]");
        assertThat(match("(a+?)(a*)", "aa")).isEqualTo("[ \"aa\" \"\" ]");
        assertThat(match("a**", "aa")).isEqualTo("[ ]");
        assertThat(match("a{1,2}{2}", "aaa")).isEqualTo("[ ]");
        // } and ] outside brackets are ordinary characters
        assertThat(match("}", "}")).isEqualTo("[ ]");
        assertThat(match("]", "]")).isEqualTo("[ ]");
        assertThat(match("a\\$", "a$")).isEqualTo("[ ]");
        // . matches a newline, $ is only the very end
        assertThat(match("x.y", "x\ny")).isEqualTo("[ ]");
        assertThat(match("a$", "a\n")).isEqualTo("null");
        assertThat(split("a$", "xa\n")).isEqualTo("[ \"xa\\n\" ]");
    }

    @Test
    void loopsRunABodyThatMatchesNothingOnce() {
        assertThat(match("()*", "")).isEqualTo("[ \"\" ]");
        assertThat(match("(){0,2}", "")).isEqualTo("[ \"\" ]");
        assertThat(match("(a*)*", "aa")).isEqualTo("[ \"\" ]");
        assertThat(match("(b*)*a", "a")).isEqualTo("[ \"\" ]");
    }

    @Test
    void stringsAreBytes() {
        assertThat(match("é+", "éé")).isEqualTo("null");
        assertThat(match("(é)+", "éé")).isEqualTo("[ \"é\" ]");
        assertThat(match("[^a]", "é")).isEqualTo("null");
        assertThat(match("..", "é")).isEqualTo("[ ]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\d", "\\}", "\\]", "a{", "a{1", "a{,2}", "a{ 1}", "a{2,1}", "(a)\\1", "a)", "(a", "^*a",
        "*a", "[z-a]", "[a-z-0]", "[[:alpha:]-z]", "[a-\\]", "[[:foo:]]", "[[.0.]]", "[[:a:b:]]", "[abc", "a\\"})
    void rejectsWhatLibstdcxxRejects(String re) {
        assertThatThrownBy(() -> match(re, "a"))
                .isInstanceOf(EvalException.class)
                .hasMessageStartingWith("invalid regular expression '" + re + "'");
    }

    @Test
    void refusesPatternsBeyondTheStateLimitLikeNix() {
        assertThat(match("a{99993}", "a")).isEqualTo("null");
        assertThatThrownBy(() -> match("a{99994}", "a"))
                .hasMessage("memory limit exceeded by regular expression 'a{99994}'");
        assertThatThrownBy(() -> match("a{99999999999999999999}", "a"))
                .hasMessage("memory limit exceeded by regular expression 'a{99999999999999999999}'");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "(a)b => abc => [ \"\" [ \"a\" ] \"c\" ]",
        "([ac]) => abc => [ \"\" [ \"a\" ] \"b\" [ \"c\" ] \"\" ]",
        "(a)|(c) => abc => [ \"\" [ \"a\" null ] \"b\" [ null \"c\" ] \"\" ]",
        "fo+ => f => [ \"f\" ]",
        "(o+) => oooofoooo => [ \"\" [ \"oooo\" ] \"f\" [ \"oooo\" ] \"\" ]",
        "a* => baa => [ \"\" [ ] \"b\" [ ] \"\" [ ] \"\" ]",
        "`` => ab => [ \"\" [ ] \"a\" [ ] \"b\" [ ] \"\" ]",
        "x* => `` => [ \"\" [ ] \"\" ]",
        "^a => aaa => [ \"\" [ ] \"aa\" ]",
        "a$ => aaa => [ \"aa\" [ ] \"\" ]",
        "((a)|b)* => abab => [ \"\" [ \"b\" \"a\" ] \"\" [ null null ] \"\" ]",
    })
    void splitAlternatesTextAndGroups(String re, String s, String expected) {
        assertThat(split(re, s)).isEqualTo(expected);
    }

    @Test
    void splitKeepsTheContextOnlyWhenNothingMatched() {
        String s = "let s = builtins.appendContext \"xay\" { \"/nix/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt\" = "
                + "{ path = true; }; }; in ";
        assertThat(eval(s + "builtins.hasContext (builtins.head (builtins.split \"z\" s))")).isEqualTo("true");
        assertThat(eval(s + "map (x: if builtins.isString x then builtins.hasContext x else x) (builtins.split \"a\" s)"))
                .isEqualTo("[ false [ ] false ]");
        assertThat(eval(s + "builtins.match \"x(a)y\" s")).isEqualTo("[ \"a\" ]");
    }

    @Test
    void thePatternMustNotCarryContext() {
        assertThatThrownBy(() -> eval("builtins.match (builtins.appendContext \"a\" { "
                + "\"/nix/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt\" = { path = true; }; }) \"a\""))
                .hasMessage("the string 'a' is not allowed to refer to a store path "
                        + "(such as '/nix/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt')");
    }
}

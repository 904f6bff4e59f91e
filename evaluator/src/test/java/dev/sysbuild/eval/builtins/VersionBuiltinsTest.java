package dev.sysbuild.eval.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.LocalIO;
import dev.sysbuild.eval.print.ValuePrinter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionBuiltinsTest {
    private static String eval(String expr) {
        return ValuePrinter.print(new Evaluator(LocalIO.system(), List.of()).evalString("«test»", expr, "/"), true);
    }

    /** Each row: a is below b (checked both ways round). Answers from Nix 2.8. */
    @ParameterizedTest
    @CsvSource({
        "1.0, 2.3", "2.1, 2.3", "2.3, 2.5", "2.3, 3.1", "2.3, 2.3.1", "2.3a, 2.3.1", "2.3pre1, 2.3",
        "2.3pre3, 2.3pre12", "2.3a, 2.3c", "2.3pre1, 2.3c", "1.0pre, 1.0", "1.0, 1.0a", "9, 10",
        // a run of digits too big for a C int is a word, and words sort below numbers
        "99999999999, 1", "'', 1"
    })
    void compareVersionsOrders(String lower, String higher) {
        assertThat(eval("builtins.compareVersions \"" + lower + "\" \"" + higher + "\"")).isEqualTo("-1");
        assertThat(eval("builtins.compareVersions \"" + higher + "\" \"" + lower + "\"")).isEqualTo("1");
    }

    @ParameterizedTest
    @CsvSource({"2.3, 2.3", "1.0, 1-0", "1..0, 1.0", "1.01, 1.1", "'', ''"})
    void compareVersionsEquates(String a, String b) {
        assertThat(eval("builtins.compareVersions \"" + a + "\" \"" + b + "\"")).isEqualTo("0");
    }

    @Test
    void splitVersionSplitsAtSeparatorsAndDigitBoundaries() {
        assertThat(eval("builtins.splitVersion \"1.2.3\"")).isEqualTo("[ \"1\" \"2\" \"3\" ]");
        assertThat(eval("builtins.splitVersion \"1.2.3-rc1\"")).isEqualTo("[ \"1\" \"2\" \"3\" \"rc\" \"1\" ]");
        assertThat(eval("builtins.splitVersion \"..1--a\"")).isEqualTo("[ \"1\" \"a\" ]");
        assertThat(eval("builtins.splitVersion \"\"")).isEqualTo("[ ]");
    }

    @Test
    void parseDrvNameSplitsAtTheFirstDashBeforeANonLetter() {
        assertThat(eval("builtins.parseDrvName \"xf86-video-i810-1.7.4\""))
                .isEqualTo("{ name = \"xf86-video-i810\"; version = \"1.7.4\"; }");
        assertThat(eval("builtins.parseDrvName \"name-that-ends-with-dash--1.0\""))
                .isEqualTo("{ name = \"name-that-ends-with-dash\"; version = \"-1.0\"; }");
        assertThat(eval("builtins.parseDrvName \"hello\"")).isEqualTo("{ name = \"hello\"; version = \"\"; }");
        assertThat(eval("builtins.parseDrvName \"foo-\"")).isEqualTo("{ name = \"foo-\"; version = \"\"; }");
    }

    @Test
    void argumentsMustBeStrings() {
        assertThatThrownBy(() -> eval("builtins.compareVersions \"abd\" { }"))
                .isInstanceOf(EvalException.class)
                .hasMessage("expected a string but found a set: { }");
        assertThatThrownBy(() -> eval("builtins.parseDrvName 1")).hasMessage("expected a string but found an integer: 1");
    }
}

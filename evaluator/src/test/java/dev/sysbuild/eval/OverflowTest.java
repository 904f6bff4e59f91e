package dev.sysbuild.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 64-bit integers: overflow is an error (Nix 2.8 silently wraps around), never a wrong number. */
class OverflowTest {
    private static final String MAX = "9223372036854775807";
    private static final String MIN = "(-9223372036854775807 - 1)";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "9223372036854775807 + 1             | integer overflow in addition of 9223372036854775807 and 1",
        "builtins.add 9223372036854775807 1  | integer overflow in addition of 9223372036854775807 and 1",
        "(-9223372036854775807 - 1) + (-1)   | integer overflow in addition of -9223372036854775808 and -1",
        "-9223372036854775807 - 2            | integer overflow in subtraction of -9223372036854775807 and 2",
        "builtins.sub (-9223372036854775807) 2 | integer overflow in subtraction of -9223372036854775807 and 2",
        "0 - (-9223372036854775807 - 1)      | integer overflow in subtraction of 0 and -9223372036854775808",
        "4611686018427387904 * 2             | integer overflow in multiplication of 4611686018427387904 and 2",
        "builtins.mul 3037000500 3037000500  | integer overflow in multiplication of 3037000500 and 3037000500",
        "(-9223372036854775807 - 1) * (-1)   | integer overflow in multiplication of -9223372036854775808 and -1",
        "(-9223372036854775807 - 1) / (-1)   | integer overflow in division of -9223372036854775808 and -1",
        "builtins.div (-9223372036854775807 - 1) (-1) | integer overflow in division of -9223372036854775808 and -1",
    })
    void overflowIsAnError(String expr, String message) {
        EvalException e = EvalFixture.evalError(expr);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.span()).as("position of %s", expr).isNotNull();
    }

    @Test
    void overflowIsNotCaughtByTryEval() {
        EvalException e = EvalFixture.evalError("builtins.tryEval (" + MAX + " + 1)");
        assertThat(e.catchable()).isFalse();
        assertThat(e.getMessage()).startsWith("integer overflow in addition");
    }

    @Test
    void theLimitsThemselvesAreFine() throws Exception {
        assertThat(EvalFixture.eval("[ (" + MAX + " + 0) " + MIN + " (" + MIN + " + " + MAX + ") (" + MIN + " / 1) ("
                + MAX + " * -1) (" + MIN + " / 2) ]"))
                .isEqualTo("[ 9223372036854775807 -9223372036854775808 -1 -9223372036854775808 "
                        + "-9223372036854775807 -4611686018427387904 ]");
    }

    @Test
    void floatsDoNotOverflowIntoErrors() throws Exception {
        assertThat(EvalFixture.eval(MAX + " + 1.0")).isEqualTo("9.22337e+18");
        assertThat(EvalFixture.eval("1.0e308 * 10")).isEqualTo("inf");
    }

    @Test
    void divisionByZeroIsAnErrorForIntegersAndFloats() {
        assertThat(EvalFixture.evalError("1 / 0").getMessage()).isEqualTo("division by zero");
        assertThat(EvalFixture.evalError("1.5 / 0").getMessage()).isEqualTo("division by zero");
        assertThat(EvalFixture.evalError("builtins.div 1 0").getMessage()).isEqualTo("division by zero");
    }
}

package dev.sysbuild.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Deep recursion in user code works on the deep stack, and too deep ends as an error, not a JVM crash. */
class DeepRecursionTest {
    @Test
    void foldlOverAHundredThousandElements() throws Exception {
        assertThat(EvalFixture.eval("builtins.foldl' (acc: x: acc + x) 0 (builtins.genList (i: i) 100000)"))
                .isEqualTo("4999950000");
    }

    @Test
    void foldlBuildingALazyChainOfAHundredThousandThunks() throws Exception {
        // The accumulator is a set whose value refers to the previous one: forcing the last
        // forces a chain 100,000 thunks deep.
        assertThat(EvalFixture.eval(
                "(builtins.foldl' (acc: x: { v = acc.v + x; }) { v = 0; } (builtins.genList (i: i) 100000)).v"))
                .isEqualTo("4999950000");
    }

    @Test
    void tenThousandDeepNonTailRecursion() throws Exception {
        assertThat(EvalFixture.eval("let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 10000"))
                .isEqualTo("10000");
    }

    @Test
    void tenMillionDeepRecursionIsAStackOverflowErrorAndTheEvaluatorRecovers() throws Exception {
        EvalException e = EvalFixture.evalError("let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 10000000");

        assertThat(e.kind()).isEqualTo(EvalException.Kind.STACK_OVERFLOW);
        assertThat(e.catchable()).isFalse();
        assertThat(e.render()).startsWith("error: stack overflow");
        // Overflowing costs tens of seconds (see docs/performance.md), so one overflow serves both checks.
        assertThat(EvalFixture.eval("let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 10000")).isEqualTo("10000");
    }

    @Test
    void aDeeplyNestedListIsPrintedStrictly() throws Exception {
        int depth = 100_000;
        String printed = EvalFixture.eval(
                "let nest = n: if n == 0 then [ ] else [ n (nest (n - 1)) ]; in nest " + depth);

        // Checked piecewise: a failure message with the whole 1 MB string would be useless.
        assertThat(printed.substring(0, 30)).isEqualTo("[ 100000 [ 99999 [ 99998 [ 999");
        assertThat(printed.contains("[ 3 [ 2 [ 1 [ ] ] ] ]")).as("innermost lists printed").isTrue();
        assertThat(printed.chars().filter(c -> c == '[').count()).isEqualTo(depth + 1);
        assertThat(printed.chars().filter(c -> c == ']').count()).isEqualTo(depth + 1);
    }
}

package dev.sysbuild.eval;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sysbuild.eval.print.ValuePrinter;
import java.util.List;
import java.util.Map;

/** Evaluates expressions for unit tests the way {@code sysbuild eval --strict -E} does, on the deep stack. */
final class EvalFixture {
    private EvalFixture() {}

    /** A fresh evaluator with an empty environment (no HOME, no NIX_PATH). */
    static Evaluator evaluator() {
        return new Evaluator(new LocalIO(Map.of()), List.of());
    }

    /** The strictly printed value of {@code expr}. */
    static String eval(String expr) throws Exception {
        Evaluator ev = evaluator();
        return DeepStack.run(() -> ValuePrinter.print(ev.evalString("test.nix", Bytes.encode(expr), "/"), true));
    }

    /** The error evaluating and strictly printing {@code expr} raises; fails if there is none. */
    static EvalException evalError(String expr) {
        return assertThrows(EvalException.class, () -> eval(expr), () -> "expected an evaluation error from: " + expr);
    }
}

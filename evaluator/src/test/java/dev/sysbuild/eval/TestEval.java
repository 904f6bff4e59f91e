package dev.sysbuild.eval;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.eval.print.ValuePrinter;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.store.path.StoreDir;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Evaluating Nix text in tests as the CLI does (on the deep stack): Java text in, Java text out,
 * through the evaluator's byte strings.
 */
public final class TestEval {
    private TestEval() {}

    /** Nix's store directory and the system of the golden values measured with Nix 2.8. */
    public static final EvalSettings NIX_STORE = new EvalSettings(new StoreDir("/nix/store"), "x86_64-linux");

    public static Evaluator evaluator() {
        return new Evaluator(LocalIO.system(), List.of());
    }

    /** An evaluator whose store paths are Nix's (store {@code /nix/store}, system {@code x86_64-linux}). */
    public static Evaluator nixStoreEvaluator() {
        return new Evaluator(LocalIO.system(), List.of(), NIX_STORE);
    }

    /** The value of an expression, in weak head normal form. */
    public static Value eval(String expr) {
        return eval(evaluator(), expr);
    }

    public static Value eval(Evaluator ev, String expr) {
        return onDeepStack(() -> ev.evalString("«test»", Bytes.encode(expr), "/").force());
    }

    /** The value printed as {@code eval --strict} prints it. */
    public static String show(String expr) {
        return show(evaluator(), expr);
    }

    public static String show(Evaluator ev, String expr) {
        return onDeepStack(() -> Bytes.decode(ValuePrinter.print(eval(ev, expr), true)));
    }

    /** The message of the error that evaluating (strictly) must raise. */
    public static String error(String expr) {
        return error(evaluator(), expr);
    }

    public static String error(Evaluator ev, String expr) {
        String[] message = new String[1];
        assertThatThrownBy(() -> show(ev, expr))
                .isInstanceOfSatisfying(EvalException.class, e -> message[0] = Bytes.decode(e.getMessage()));
        return message[0];
    }

    public static <T> T onDeepStack(Callable<T> task) {
        try {
            return DeepStack.run(task);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

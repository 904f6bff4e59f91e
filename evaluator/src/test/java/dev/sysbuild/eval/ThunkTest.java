package dev.sysbuild.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.Node;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Source;
import dev.sysbuild.language.diag.Span;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The thunk state machine: suspended, in progress (blackhole), evaluated; failures leave it suspended. */
class ThunkTest {
    private static final Source SOURCE = Source.ofString("thunk-test.nix", "let x = f x; in x");
    private static final Span SPAN = new Span(SOURCE, 8, 11);

    /** A node that counts its evaluations and computes its value with {@code body}. */
    private static final class CountingNode extends Node {
        final AtomicInteger evaluations = new AtomicInteger();
        private final Function<Integer, Value> body;

        CountingNode(Function<Integer, Value> body) {
            super(SPAN);
            this.body = body;
        }

        @Override
        public Value eval(Env env) {
            return body.apply(evaluations.incrementAndGet());
        }
    }

    @Test
    void isEvaluatedOnceAndThenReturnsTheSameValue() {
        CountingNode node = new CountingNode(n -> NixInt.of(1000L + n));
        Thunk thunk = new Thunk(node, null);
        assertThat(thunk.isEvaluated()).isFalse();

        Value first = thunk.force();
        Value second = thunk.force();

        assertThat(node.evaluations).hasValue(1);
        assertThat(thunk.isEvaluated()).isTrue();
        assertSame(first, second);
        assertThat(((NixInt) first).value).isEqualTo(1001L);
    }

    @Test
    void aSharedBindingIsEvaluatedOnceInTheLanguage() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String printed;
        try {
            printed = EvalFixture.eval("let x = builtins.trace \"forcing x\" 21; in [ (x + x) x ]");
        } finally {
            System.setErr(saved);
        }
        assertThat(printed).isEqualTo("[ 42 21 ]");
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("trace: forcing x" + System.lineSeparator());
    }

    @Test
    void forcingAThunkFromItsOwnEvaluationIsInfiniteRecursionAtItsPosition() {
        Thunk[] self = new Thunk[1];
        CountingNode node = new CountingNode(n -> self[0].force());
        self[0] = new Thunk(node, null);

        EvalException e = assertThrows(EvalException.class, self[0]::force);

        assertThat(e.kind()).isEqualTo(EvalException.Kind.INFINITE_RECURSION);
        assertThat(e.getMessage()).isEqualTo("infinite recursion encountered");
        assertThat(e.span()).isEqualTo(SPAN);
        assertThat(e.catchable()).isFalse();
    }

    @Test
    void infiniteRecursionInTheLanguageNamesAPosition() {
        EvalException e = EvalFixture.evalError("let\n  x = y + 1;\n  y = x;\nin x");

        assertThat(e.kind()).isEqualTo(EvalException.Kind.INFINITE_RECURSION);
        assertThat(e.span()).isNotNull();
        assertThat(e.span().line()).isEqualTo(2);
        assertThat(e.render()).contains("test.nix:2:7");
    }

    @Test
    void aFailedThunkFailsAgainWithTheSameErrorInsteadOfLookingLikeABlackhole() {
        CountingNode node = new CountingNode(n -> {
            throw new EvalException(EvalException.Kind.THROW, "broken dependency", SPAN);
        });
        Thunk thunk = new Thunk(node, null);

        EvalException first = assertThrows(EvalException.class, thunk::force);
        EvalException second = assertThrows(EvalException.class, thunk::force);

        assertThat(second.kind()).isEqualTo(first.kind()).isEqualTo(EvalException.Kind.THROW);
        assertThat(second.getMessage()).isEqualTo(first.getMessage()).isEqualTo("broken dependency");
        assertThat(second.span()).isEqualTo(first.span());
        assertThat(thunk.isEvaluated()).isFalse();
    }

    @Test
    void aThrowCaughtByTryEvalIsStillThrownTheNextTime() throws Exception {
        String printed = EvalFixture.eval(
                "let x = throw \"no\"; in [ (builtins.tryEval x).success (builtins.tryEval x).success ]");
        assertThat(printed).isEqualTo("[ false false ]");

        EvalException e = EvalFixture.evalError("let x = throw \"no\"; in builtins.seq (builtins.tryEval x) x");
        assertThat(e.kind()).isEqualTo(EvalException.Kind.THROW);
        assertThat(e.getMessage()).isEqualTo("no");
    }
}

package dev.sysbuild.eval;

import dev.sysbuild.language.diag.Diagnostic;
import dev.sysbuild.language.diag.DiagnosticRenderer;
import dev.sysbuild.language.diag.Frame;
import dev.sysbuild.language.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The one evaluation error type. {@link Kind#THROW} and {@link Kind#ASSERTION} are what
 * {@code builtins.tryEval} catches; every other kind is fatal to the evaluation.
 */
public final class EvalException extends RuntimeException {
    public enum Kind { THROW, ASSERTION, ABORT, TYPE, INFINITE_RECURSION, STACK_OVERFLOW, ERROR }

    private final Kind kind;
    private Span span;
    private final List<Frame> frames = new ArrayList<>();

    public EvalException(Kind kind, String message, Span span) {
        super(message, null, false, false);
        this.kind = kind;
        this.span = span;
    }

    public static EvalException error(String message, Span span) {
        return new EvalException(Kind.ERROR, message, span);
    }

    public static EvalException type(String message, Span span) {
        return new EvalException(Kind.TYPE, message, span);
    }

    public static EvalException infiniteRecursion(Span span) {
        return new EvalException(Kind.INFINITE_RECURSION, "infinite recursion encountered", span);
    }

    public Kind kind() { return kind; }

    public Span span() { return span; }

    public void setSpan(Span span) { this.span = span; }

    public boolean catchable() {
        return kind == Kind.THROW || kind == Kind.ASSERTION;
    }

    /** Adds a "while evaluating ..." frame (outermost last); returns this for rethrowing. */
    public EvalException addFrame(String description, Span at) {
        if (frames.size() < 64) frames.add(new Frame(description, at));
        return this;
    }

    /** Sets the position if the error does not have one yet. */
    public EvalException at(Span at) {
        if (span == null) span = at;
        return this;
    }

    public List<Frame> frames() { return frames; }

    public Diagnostic diagnostic() {
        return new Diagnostic(getMessage(), span, List.copyOf(frames), null);
    }

    public String render() {
        return DiagnosticRenderer.render(diagnostic());
    }

    /** Renders without the locations inside sysbuild's bundled library (shown with -v). */
    public String renderForUser() {
        return DiagnosticRenderer.render(diagnostic(), span -> BundledFiles.isBundled(span.source().name()));
    }
}

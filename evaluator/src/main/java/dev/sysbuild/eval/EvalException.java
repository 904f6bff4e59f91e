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

    /**
     * The message; for infinite recursion through module options (frames the module system adds
     * with {@code addErrorContext "while evaluating the option `NAME':"}), followed by the chain
     * of options, outermost first. When the expression that recursed reads {@code config.NAME}
     * of an option in the chain, the chain is cut to the cycle from that option back to itself.
     */
    @Override
    public String getMessage() {
        String base = super.getMessage();
        if (kind != Kind.INFINITE_RECURSION) return base;
        List<String> chain = new ArrayList<>();
        for (int i = frames.size() - 1; i >= 0; i--) {
            String d = frames.get(i).description();
            if (d.startsWith(OPTION_FRAME) && d.endsWith("':")) chain.add(d.substring(OPTION_FRAME.length(), d.length() - 2));
        }
        if (chain.isEmpty()) return base;
        String reread = rereadOption();
        int from = reread == null ? -1 : chain.indexOf(reread);
        if (from >= 0) {
            List<String> cycle = new ArrayList<>(chain.subList(from, chain.size()));
            cycle.add(reread);
            return base + " through options: `" + String.join("' -> `", cycle) + "' depends on itself";
        }
        return base + " while evaluating the option" + (chain.size() == 1 ? " `" : "s `") + String.join("' -> `", chain) + "'";
    }

    private static final String OPTION_FRAME = "while evaluating the option `";

    /** {@code NAME} when the expression that recursed is {@code config.NAME} (a plain attribute path), else null. */
    private String rereadOption() {
        if (span == null || span.source() == null || span.source().text() == null) return null;
        String text = span.source().text();
        if (span.start() < 0 || span.end() > text.length()) return null;
        String expr = text.substring(span.start(), span.end()).strip();
        if (!expr.startsWith("config.")) return null;
        String path = expr.substring("config.".length());
        return path.matches("[A-Za-z_][A-Za-z0-9_'-]*(\\.[A-Za-z_][A-Za-z0-9_'-]*)*") ? path : null;
    }

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

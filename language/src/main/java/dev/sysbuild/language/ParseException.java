package dev.sysbuild.language;

import dev.sysbuild.language.diag.Diagnostic;
import dev.sysbuild.language.diag.DiagnosticRenderer;
import dev.sysbuild.language.diag.Span;

/** A syntax error or a static error Nix reports at parse time (undefined variable, duplicate attribute). */
public final class ParseException extends RuntimeException {
    private final transient Diagnostic diagnostic;

    public ParseException(String message, Span span) {
        super(message, null, false, false);
        this.diagnostic = new Diagnostic(message, span);
    }

    public Diagnostic diagnostic() { return diagnostic; }

    public String render() { return DiagnosticRenderer.render(diagnostic); }
}

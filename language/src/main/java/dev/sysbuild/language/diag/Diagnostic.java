package dev.sysbuild.language.diag;

import java.util.List;

/**
 * What went wrong, where, and how we got there. Both parse errors and evaluation errors
 * are shown through {@link DiagnosticRenderer}, the one place that formats them.
 */
public record Diagnostic(String message, Span span, List<Frame> frames, String hint) {
    public Diagnostic(String message, Span span) {
        this(message, span, List.of(), null);
    }
}

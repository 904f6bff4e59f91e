package dev.sysbuild.language.diag;

/**
 * Prints a diagnostic the way users of Nix expect: the message, then for the error and
 * each trace frame its {@code file:line:col}, the source line and a caret under the column.
 */
public final class DiagnosticRenderer {
    /** "…" as UTF-8 bytes: rendered text is a byte string, like the source lines it quotes. */
    private static final String ELLIPSIS = "\u00e2\u0080\u00a6";

    private DiagnosticRenderer() {}

    /** The error and where it happened first, then how evaluation got there, innermost first. */
    public static String render(Diagnostic d) {
        return render(d, span -> false);
    }

    /**
     * As {@link #render(Diagnostic)}, leaving out locations for which {@code hidden} is true
     * (library code the user did not write) and the trace frames that point only there.
     */
    public static String render(Diagnostic d, java.util.function.Predicate<Span> hidden) {
        StringBuilder out = new StringBuilder();
        out.append("error: ").append(d.message()).append('\n');
        if (d.span() != null && !hidden.test(d.span())) appendLocation(out, d.span());
        if (d.hint() != null) out.append("       hint: ").append(d.hint()).append('\n');
        Frame previous = null;
        for (Frame f : d.frames()) {
            if (f.equals(previous) || (f.span() != null && hidden.test(f.span()))) continue;
            previous = f;
            out.append("       ").append(ELLIPSIS).append(' ').append(f.description()).append('\n');
            if (f.span() != null) appendLocation(out, f.span());
        }
        return out.toString();
    }

    private static void appendLocation(StringBuilder out, Span span) {
        Source src = span.source();
        int line = span.line();
        int col = span.column();
        out.append("       at ").append(src.name()).append(':').append(line).append(':').append(col).append(":\n");
        String gutter = Integer.toString(line);
        String pad = " ".repeat(gutter.length());
        if (line > 1 && !src.line(line - 1).isBlank()) {
            out.append("       ").append(pad.substring(Integer.toString(line - 1).length()))
               .append(line - 1).append("| ").append(src.line(line - 1)).append('\n');
        }
        String text = src.line(line);
        out.append("       ").append(gutter).append("| ").append(text).append('\n');
        int width = Math.max(1, Math.min(span.end() - span.start(), text.length() - (col - 1)));
        if (src.lineOf(Math.max(span.start(), span.end() - 1)) != line) width = Math.max(1, text.length() - (col - 1));
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < col - 1 && i < text.length(); i++) caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
        caret.append('^');
        if (width > 1) caret.append("~".repeat(width - 1));
        out.append("       ").append(pad).append("| ").append(caret).append("\n\n");
    }
}

package dev.sysbuild.language.diag;

/** A range of characters [start, end) in a source; every AST node and error carries one. */
public record Span(Source source, int start, int end) {
    public int line() { return source.lineOf(start); }

    public int column() { return source.columnOf(start); }

    /** {@code file:line:col}, as messages print it. */
    public String location() {
        return source.name() + ":" + line() + ":" + column();
    }

    public Span to(Span other) {
        return new Span(source, start, Math.max(end, other.end));
    }

    @Override
    public String toString() { return location(); }
}

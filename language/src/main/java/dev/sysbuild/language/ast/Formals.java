package dev.sysbuild.language.ast;

import dev.sysbuild.language.diag.Span;
import java.util.List;

/** The {@code { a, b ? 1, ... }} pattern of a function, in source order. */
public record Formals(List<Formal> formals, boolean ellipsis) {

    public record Formal(Span span, String name, Expr defaultValue) {}
}

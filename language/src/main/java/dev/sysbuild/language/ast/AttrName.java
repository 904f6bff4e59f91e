package dev.sysbuild.language.ast;

import dev.sysbuild.language.diag.Span;

/** One element of an attribute path: a static name or {@code ${expr}} / an interpolated string. */
public sealed interface AttrName {
    Span span();

    record Static(Span span, String name) implements AttrName {}

    record Dynamic(Span span, Expr expr) implements AttrName {}
}

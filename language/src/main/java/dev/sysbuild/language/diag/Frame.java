package dev.sysbuild.language.diag;

/** One "while evaluating ..." step of an error trace; the span may be null. */
public record Frame(String description, Span span) {}

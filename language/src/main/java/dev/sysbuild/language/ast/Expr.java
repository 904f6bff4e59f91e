package dev.sysbuild.language.ast;

import dev.sysbuild.language.diag.Span;
import java.util.List;

/** A Nix expression. Every node carries the span of the source it came from. */
public sealed interface Expr {
    Span span();

    record Int(Span span, long value) implements Expr {}

    record Float(Span span, double value) implements Expr {}

    /** A string literal without interpolation (also URIs). */
    record Str(Span span, String value) implements Expr {}

    /** An absolute path literal (relative and {@code ~/} paths are resolved at parse time). */
    record Path(Span span, String value) implements Expr {}

    /** {@code <name/rest>}: looked up through {@code __findFile __nixPath}. */
    record SearchPath(Span span, String path) implements Expr {}

    /** {@code "a${b}c"} (isPath false) or {@code ./a/${b}} (isPath true: the result is a path). */
    record Interpolation(Span span, List<Expr> parts, boolean isPath) implements Expr {}

    record Var(Span span, String name) implements Expr {}

    /** {@code e.a.b} or {@code e.a.b or default}; orDefault may be null. */
    record Select(Span span, Expr target, List<AttrName> path, Expr orDefault) implements Expr {}

    record HasAttr(Span span, Expr target, List<AttrName> path) implements Expr {}

    record Attrs(Span span, AttrSetBody body) implements Expr {}

    record Let(Span span, AttrSetBody bindings, Expr body) implements Expr {}

    record ListLit(Span span, List<Expr> items) implements Expr {}

    /** A function; arg may be null when there are formals, formals null for {@code x: ...}. */
    record Lambda(Span span, String arg, Formals formals, Expr body) implements Expr {}

    record Call(Span span, Expr function, List<Expr> args) implements Expr {}

    record If(Span span, Expr cond, Expr then, Expr otherwise) implements Expr {}

    record Assert(Span span, Expr cond, Expr body) implements Expr {}

    record With(Span span, Expr scope, Expr body) implements Expr {}

    record BinOp(Span span, Op op, Expr left, Expr right) implements Expr {}

    record Not(Span span, Expr operand) implements Expr {}

    record Negate(Span span, Expr operand) implements Expr {}

    /** {@code __curPos}: the position of this occurrence. */
    record CurPos(Span span) implements Expr {}

    enum Op {
        EQ("=="), NEQ("!="), AND("&&"), OR("||"), IMPL("->"), UPDATE("//"), CONCAT("++"),
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), LT("<"), GT(">"), LEQ("<="), GEQ(">="),
        PIPE_INTO("|>"), PIPE_FROM("<|");

        public final String symbol;

        Op(String symbol) { this.symbol = symbol; }
    }
}

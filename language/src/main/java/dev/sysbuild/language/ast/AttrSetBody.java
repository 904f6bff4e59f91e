package dev.sysbuild.language.ast;

import dev.sysbuild.language.diag.Span;
import java.util.List;
import java.util.Map;

/**
 * The bindings of an attribute set or let, with nested paths merged ({@code a.b = 1; a.c = 2;}
 * becomes {@code a = { b = 1; c = 2; }}). Static names keep source order; dynamic ones follow.
 */
public record AttrSetBody(boolean recursive, Map<String, AttrDef> attrs, List<DynamicAttr> dynamic) {

    /**
     * One static binding. {@code inherited} marks {@code inherit x;}, whose value is looked up in
     * the enclosing scope even inside {@code rec} and {@code let}.
     */
    public record AttrDef(Span span, Expr value, boolean inherited) {}

    public record DynamicAttr(Span span, Expr name, Expr value) {}
}

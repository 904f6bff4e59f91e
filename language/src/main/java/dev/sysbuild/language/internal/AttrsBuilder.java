package dev.sysbuild.language.internal;

import dev.sysbuild.language.ParseException;
import dev.sysbuild.language.ast.AttrName;
import dev.sysbuild.language.ast.AttrSetBody;
import dev.sysbuild.language.ast.Expr;
import dev.sysbuild.language.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the bindings of one attribute set while parsing, merging nested attribute paths the
 * way Nix's parser does, and reporting duplicates with both positions.
 */
final class AttrsBuilder {
    /** A binding value: either a finished expression or a nested set still open for merging. */
    private record Def(Span span, Expr expr, AttrsBuilder nested, boolean inherited) {}

    private record Dyn(Span span, Expr name, Expr expr, AttrsBuilder nested) {}

    final Span span;
    final boolean recursive;
    private final Map<String, Def> attrs = new LinkedHashMap<>();
    private final List<Dyn> dynamic = new ArrayList<>();

    AttrsBuilder(Span span, boolean recursive) {
        this.span = span;
        this.recursive = recursive;
    }

    /** {@code path = value;} where value is an expression or, for a set literal, its builder. */
    void add(List<AttrName> path, Expr expr, AttrsBuilder nestedValue, Span pos) {
        AttrsBuilder target = this;
        for (int i = 0; i < path.size() - 1; i++) {
            AttrName name = path.get(i);
            if (name instanceof AttrName.Static s) {
                Def existing = target.attrs.get(s.name());
                if (existing != null) {
                    if (existing.inherited || existing.nested == null) throw duplicate(path, pos, existing.span);
                    target = existing.nested;
                } else {
                    AttrsBuilder nested = new AttrsBuilder(pos, false);
                    target.attrs.put(s.name(), new Def(pos, null, nested, false));
                    target = nested;
                }
            } else {
                AttrsBuilder nested = new AttrsBuilder(pos, false);
                target.dynamic.add(new Dyn(pos, ((AttrName.Dynamic) name).expr(), null, nested));
                target = nested;
            }
        }
        AttrName last = path.get(path.size() - 1);
        if (last instanceof AttrName.Static s) {
            Def existing = target.attrs.get(s.name());
            if (existing == null) {
                target.attrs.put(s.name(), new Def(pos, expr, nestedValue, false));
            } else if (existing.nested != null && nestedValue != null && !existing.inherited) {
                existing.nested.mergeFrom(nestedValue, path);
            } else {
                throw duplicate(path, pos, existing.span);
            }
        } else {
            target.dynamic.add(new Dyn(pos, ((AttrName.Dynamic) last).expr(), expr, nestedValue));
        }
    }

    void inherit(String name, Expr value, boolean fromScope, Span pos) {
        Def existing = attrs.get(name);
        if (existing != null) {
            throw new ParseException("attribute '" + name + "' already defined at " + existing.span.location(), pos);
        }
        attrs.put(name, new Def(pos, value, null, fromScope));
    }

    boolean hasDynamic() { return !dynamic.isEmpty(); }

    Span firstDynamicSpan() { return dynamic.get(0).span; }

    private void mergeFrom(AttrsBuilder other, List<AttrName> prefix) {
        for (Map.Entry<String, Def> e : other.attrs.entrySet()) {
            Def mine = attrs.get(e.getKey());
            if (mine != null) {
                List<AttrName> full = new ArrayList<>(prefix);
                full.add(new AttrName.Static(e.getValue().span, e.getKey()));
                throw duplicate(full, e.getValue().span, mine.span);
            }
            attrs.put(e.getKey(), e.getValue());
        }
        dynamic.addAll(other.dynamic);
    }

    private static ParseException duplicate(List<AttrName> path, Span pos, Span previous) {
        return new ParseException("attribute '" + showPath(path) + "' already defined at " + previous.location(), pos);
    }

    static String showPath(List<AttrName> path) {
        StringBuilder sb = new StringBuilder();
        for (AttrName n : path) {
            if (sb.length() > 0) sb.append('.');
            sb.append(n instanceof AttrName.Static s ? s.name() : "\"${...}\"");
        }
        return sb.toString();
    }

    AttrSetBody build() {
        Map<String, AttrSetBody.AttrDef> out = new LinkedHashMap<>();
        for (Map.Entry<String, Def> e : attrs.entrySet()) {
            Def d = e.getValue();
            Expr value = d.nested != null ? d.nested.toExpr() : d.expr;
            out.put(e.getKey(), new AttrSetBody.AttrDef(d.span, value, d.inherited));
        }
        List<AttrSetBody.DynamicAttr> dyn = new ArrayList<>();
        for (Dyn d : dynamic) {
            dyn.add(new AttrSetBody.DynamicAttr(d.span, d.name, d.nested != null ? d.nested.toExpr() : d.expr));
        }
        return new AttrSetBody(recursive, out, dyn);
    }

    Expr.Attrs toExpr() {
        return new Expr.Attrs(span, build());
    }
}

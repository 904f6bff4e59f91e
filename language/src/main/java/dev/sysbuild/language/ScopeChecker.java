package dev.sysbuild.language;

import dev.sysbuild.language.ast.AttrName;
import dev.sysbuild.language.ast.AttrSetBody;
import dev.sysbuild.language.ast.Expr;
import dev.sysbuild.language.ast.Formals;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/** The static check Nix does after parsing: every variable is bound, global, or under a {@code with}. */
final class ScopeChecker {
    private final Set<String> globals;
    private final Deque<Set<String>> scopes = new ArrayDeque<>();
    private int withDepth;

    ScopeChecker(Set<String> globals) {
        this.globals = globals;
    }

    void check(Expr e) {
        if (e instanceof Expr.Var v) {
            if (withDepth == 0 && !bound(v.name())) {
                throw new ParseException("undefined variable '" + v.name() + "'", v.span());
            }
        } else if (e instanceof Expr.SearchPath s) {
            if (withDepth == 0 && !bound("__findFile")) {
                throw new ParseException("undefined variable '__findFile'", s.span());
            }
        } else if (e instanceof Expr.Interpolation s) {
            s.parts().forEach(this::check);
        } else if (e instanceof Expr.Select s) {
            check(s.target());
            attrPath(s.path());
            if (s.orDefault() != null) check(s.orDefault());
        } else if (e instanceof Expr.HasAttr h) {
            check(h.target());
            attrPath(h.path());
        } else if (e instanceof Expr.Attrs a) {
            body(a.body());
        } else if (e instanceof Expr.Let l) {
            scopes.push(new HashSet<>(l.bindings().attrs().keySet()));
            bodyValues(l.bindings(), true);
            check(l.body());
            scopes.pop();
        } else if (e instanceof Expr.ListLit l) {
            l.items().forEach(this::check);
        } else if (e instanceof Expr.Lambda l) {
            Set<String> names = new HashSet<>();
            if (l.arg() != null) names.add(l.arg());
            if (l.formals() != null) for (Formals.Formal f : l.formals().formals()) names.add(f.name());
            scopes.push(names);
            if (l.formals() != null) {
                for (Formals.Formal f : l.formals().formals()) if (f.defaultValue() != null) check(f.defaultValue());
            }
            check(l.body());
            scopes.pop();
        } else if (e instanceof Expr.Call c) {
            check(c.function());
            c.args().forEach(this::check);
        } else if (e instanceof Expr.If i) {
            check(i.cond());
            check(i.then());
            check(i.otherwise());
        } else if (e instanceof Expr.Assert a) {
            check(a.cond());
            check(a.body());
        } else if (e instanceof Expr.With w) {
            check(w.scope());
            withDepth++;
            check(w.body());
            withDepth--;
        } else if (e instanceof Expr.BinOp b) {
            check(b.left());
            check(b.right());
        } else if (e instanceof Expr.Not n) {
            check(n.operand());
        } else if (e instanceof Expr.Negate n) {
            check(n.operand());
        } else {
            // literals bind nothing
        }
    }

    private void body(AttrSetBody body) {
        if (body.recursive()) {
            scopes.push(new HashSet<>(body.attrs().keySet()));
            bodyValues(body, true);
            scopes.pop();
        } else {
            bodyValues(body, false);
        }
    }

    private void bodyValues(AttrSetBody body, boolean recursive) {
        for (AttrSetBody.AttrDef d : body.attrs().values()) {
            if (d.inherited() && recursive) {
                Set<String> own = scopes.pop();
                check(d.value());
                scopes.push(own);
            } else {
                check(d.value());
            }
        }
        for (AttrSetBody.DynamicAttr d : body.dynamic()) {
            check(d.name());
            check(d.value());
        }
    }

    private void attrPath(java.util.List<AttrName> path) {
        for (AttrName n : path) if (n instanceof AttrName.Dynamic d) check(d.expr());
    }

    private boolean bound(String name) {
        for (Set<String> s : scopes) if (s.contains(name)) return true;
        return globals.contains(name);
    }
}

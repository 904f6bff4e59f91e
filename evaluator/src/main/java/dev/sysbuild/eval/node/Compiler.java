package dev.sysbuild.eval.node;

import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixFloat;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.ParseException;
import dev.sysbuild.language.ast.AttrName;
import dev.sysbuild.language.ast.AttrSetBody;
import dev.sysbuild.language.ast.Expr;
import dev.sysbuild.language.diag.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns the AST into executable nodes, resolving every variable to a scope level and slot. */
public final class Compiler {
    /** A compile-time scope: named slots, or a with (whose names are only known at run time). */
    private static final class Scope {
        final Scope up;
        final Map<String, Integer> vars;

        Scope(Scope up, Map<String, Integer> vars) {
            this.up = up;
            this.vars = vars;
        }

        boolean isWith() { return vars == null; }
    }

    private final Evaluator ev;
    private final Map<String, Value> globals;

    public Compiler(Evaluator ev, Map<String, Value> globals) {
        this.ev = ev;
        this.globals = globals;
    }

    /** Compiles a whole file or -E expression, evaluated in an empty top-level environment. */
    public Node compile(Expr e) {
        return compile(e, null, null);
    }

    /** Compiles with extra names in scope (for scopedImport): slot i of the top env holds names[i]. */
    public Node compile(Expr e, String[] extraNames) {
        Map<String, Integer> vars = new HashMap<>();
        for (int i = 0; i < extraNames.length; i++) vars.put(extraNames[i], i);
        return compile(e, new Scope(null, vars), null);
    }

    private Node compile(Expr e, Scope s, String nameHint) {
        if (e instanceof Expr.Int i) return new ConstNode(i.span(), NixInt.of(i.value()));
        if (e instanceof Expr.Float f) return new ConstNode(f.span(), new NixFloat(f.value()));
        if (e instanceof Expr.Str str) return new ConstNode(str.span(), NixString.of(str.value()));
        if (e instanceof Expr.Path p) return new ConstNode(p.span(), new NixPath(p.value()));
        if (e instanceof Expr.Var v) return variable(v.span(), v.name(), s);
        if (e instanceof Expr.CurPos c) return new ConstNode(c.span(), position(c.span()));
        if (e instanceof Expr.SearchPath sp) {
            Node findFile = variable(sp.span(), "__findFile", s);
            Node nixPath = variable(sp.span(), "__nixPath", s);
            return new CallNode(sp.span(), findFile,
                    new Node[] {nixPath, new ConstNode(sp.span(), NixString.of(sp.path()))});
        }
        if (e instanceof Expr.Interpolation in) {
            return new InterpolationNode(ev, in.span(), all(in.parts(), s), in.isPath());
        }
        if (e instanceof Expr.Select sel) {
            Node def = sel.orDefault() != null ? compile(sel.orDefault(), s, null) : null;
            String[] names = staticNames(sel.path());
            return new SelectNode(sel.span(), compile(sel.target(), s, null), names, dynamicNames(sel.path(), s), def);
        }
        if (e instanceof Expr.HasAttr h) {
            return new HasAttrNode(h.span(), compile(h.target(), s, null), staticNames(h.path()), dynamicNames(h.path(), s));
        }
        if (e instanceof Expr.Attrs a) return attrs(a, s);
        if (e instanceof Expr.Let l) return let(l, s);
        if (e instanceof Expr.ListLit l) return new ListNode(l.span(), all(l.items(), s));
        if (e instanceof Expr.Lambda l) return lambda(l, s, nameHint);
        if (e instanceof Expr.Call c) {
            return new CallNode(c.span(), compile(c.function(), s, null), all(c.args(), s));
        }
        if (e instanceof Expr.If i) {
            return new IfNode(i.span(), compile(i.cond(), s, null), compile(i.then(), s, null), compile(i.otherwise(), s, null));
        }
        if (e instanceof Expr.Assert a) {
            return new AssertNode(a.span(), compile(a.cond(), s, null), compile(a.body(), s, null));
        }
        if (e instanceof Expr.With w) {
            Node scope = compile(w.scope(), s, null);
            return new WithNode(w.span(), scope, compile(w.body(), new Scope(s, null), null));
        }
        if (e instanceof Expr.BinOp b) {
            return BinOpNode.create(ev, b.span(), b.op(), compile(b.left(), s, null), compile(b.right(), s, null));
        }
        if (e instanceof Expr.Not n) return new UnaryNode(n.span(), true, compile(n.operand(), s, null));
        if (e instanceof Expr.Negate n) return new UnaryNode(n.span(), false, compile(n.operand(), s, null));
        throw new IllegalStateException("unknown expression " + e.getClass());
    }

    private Node[] all(List<Expr> exprs, Scope s) {
        Node[] out = new Node[exprs.size()];
        for (int i = 0; i < out.length; i++) out[i] = compile(exprs.get(i), s, null);
        return out;
    }

    private Value position(Span span) {
        return new AttrsBuilder(3)
                .put("column", NixInt.of(span.column()))
                .put("file", NixString.of(span.source().name()))
                .put("line", NixInt.of(span.line()))
                .build();
    }

    private Node variable(Span span, String name, Scope s) {
        int level = 0;
        List<Integer> withLevels = new ArrayList<>();
        for (Scope cur = s; cur != null; cur = cur.up, level++) {
            if (cur.isWith()) {
                withLevels.add(level);
            } else {
                Integer slot = cur.vars.get(name);
                if (slot != null) return LocalVarNode.of(span, level, slot);
            }
        }
        Value global = globals.get(name);
        if (global != null) return new ConstNode(span, global);
        if (withLevels.isEmpty()) throw new ParseException("undefined variable '" + name + "'", span);
        return new WithVarNode(span, name, withLevels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String[] staticNames(List<AttrName> path) {
        String[] names = new String[path.size()];
        for (int i = 0; i < names.length; i++) if (path.get(i) instanceof AttrName.Static st) names[i] = st.name();
        return names;
    }

    private Node[] dynamicNames(List<AttrName> path, Scope s) {
        Node[] nodes = new Node[path.size()];
        for (int i = 0; i < nodes.length; i++) {
            if (path.get(i) instanceof AttrName.Dynamic d) nodes[i] = compile(d.expr(), s, null);
        }
        return nodes;
    }

    private Node attrs(Expr.Attrs a, Scope s) {
        AttrSetBody body = a.body();
        String[] names = body.attrs().keySet().toArray(new String[0]);
        Arrays.sort(names);
        Scope inner = s;
        if (body.recursive()) inner = new Scope(s, indexOf(names));
        Node[] values = new Node[names.length];
        boolean[] inherited = new boolean[names.length];
        Span[] positions = new Span[names.length];
        for (int i = 0; i < names.length; i++) {
            AttrSetBody.AttrDef d = body.attrs().get(names[i]);
            inherited[i] = d.inherited();
            positions[i] = d.span();
            values[i] = compile(d.value(), d.inherited() ? s : inner, names[i]);
        }
        int n = body.dynamic().size();
        Node[] dynNames = new Node[n];
        Node[] dynValues = new Node[n];
        Span[] dynPositions = new Span[n];
        for (int i = 0; i < n; i++) {
            AttrSetBody.DynamicAttr d = body.dynamic().get(i);
            dynNames[i] = compile(d.name(), inner, null);
            dynValues[i] = compile(d.value(), inner, null);
            dynPositions[i] = d.span();
        }
        return new AttrsNode(a.span(), body.recursive(), names, values, inherited, positions, dynNames, dynValues, dynPositions);
    }

    private Node let(Expr.Let l, Scope s) {
        AttrSetBody body = l.bindings();
        String[] names = body.attrs().keySet().toArray(new String[0]);
        Scope inner = new Scope(s, indexOf(names));
        Node[] values = new Node[names.length];
        boolean[] inherited = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            AttrSetBody.AttrDef d = body.attrs().get(names[i]);
            inherited[i] = d.inherited();
            values[i] = compile(d.value(), d.inherited() ? s : inner, names[i]);
        }
        return new LetNode(l.span(), values, inherited, compile(l.body(), inner, null));
    }

    private static Map<String, Integer> indexOf(String[] names) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < names.length; i++) m.put(names[i], i);
        return m;
    }

    private Node lambda(Expr.Lambda l, Scope s, String nameHint) {
        Map<String, Integer> vars = new HashMap<>();
        LambdaNode node;
        if (l.formals() == null) {
            vars.put(l.arg(), 0);
            node = new LambdaNode(l.span(), l.arg(), null, null, null, false);
        } else {
            var fs = l.formals().formals();
            String[] names = new String[fs.size()];
            Span[] spans = new Span[fs.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = fs.get(i).name();
                spans[i] = fs.get(i).span();
                vars.put(names[i], i);
            }
            if (l.arg() != null) vars.put(l.arg(), names.length);
            Node[] defaults = new Node[names.length];
            node = new LambdaNode(l.span(), l.arg(), names, defaults, spans, l.formals().ellipsis());
            Scope inner = new Scope(s, vars);
            for (int i = 0; i < names.length; i++) {
                Expr d = fs.get(i).defaultValue();
                if (d != null) defaults[i] = compile(d, inner, null);
            }
        }
        node.name = nameHint;
        node.body = compile(l.body(), new Scope(s, vars), null);
        node.strictArg = node.formals == null && node.body.forcesSlotFirst(0);
        return node;
    }
}

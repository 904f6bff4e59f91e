package dev.sysbuild.language.internal;

import dev.sysbuild.language.ParseException;
import dev.sysbuild.language.Paths;
import dev.sysbuild.language.ast.AttrName;
import dev.sysbuild.language.ast.AttrSetBody;
import dev.sysbuild.language.ast.Expr;
import dev.sysbuild.language.ast.Formals;
import dev.sysbuild.language.diag.Source;
import dev.sysbuild.language.diag.Span;
import dev.sysbuild.language.internal.NixParser.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/** Turns ANTLR's parse tree into our AST, doing the rewrites and checks Nix's parser does. */
public final class AstBuilder {
    private final Source source;
    private final String baseDir;
    private final String home;
    /** Told every literal path (resolved), e.g. to parse the files a file may import ahead of need. */
    private final java.util.function.Consumer<String> pathLiterals;

    public AstBuilder(Source source, String baseDir, String home) {
        this(source, baseDir, home, p -> { });
    }

    public AstBuilder(Source source, String baseDir, String home, java.util.function.Consumer<String> pathLiterals) {
        this.source = source;
        this.baseDir = baseDir;
        this.home = home;
        this.pathLiterals = pathLiterals;
    }

    private Span span(ParserRuleContext ctx) {
        Token stop = ctx.getStop() != null ? ctx.getStop() : ctx.getStart();
        return new Span(source, ctx.getStart().getStartIndex(), Math.max(ctx.getStart().getStartIndex(), stop.getStopIndex() + 1));
    }

    private Span span(Token t) {
        return new Span(source, t.getStartIndex(), Math.max(t.getStartIndex(), t.getStopIndex() + 1));
    }

    public Expr file(FileContext ctx) {
        return expr(ctx.expr());
    }

    // The rules below walk a context's children by position where the grammar fixes them: the
    // generated accessors search the children by class each time (and some build lists), and
    // a large file is hundreds of thousands of nodes.

    Expr expr(ExprContext ctx) {
        return function((ExprFunctionContext) ctx.getChild(0)); // expr: exprFunction
    }

    private Expr function(ExprFunctionContext ctx) {
        if (ctx instanceof LambdaSimpleContext c) {
            return new Expr.Lambda(span(c), c.ID().getText(), null, function(c.exprFunction()));
        }
        if (ctx instanceof LambdaFormalsContext c) {
            String arg = c.ID() != null ? c.ID().getText() : null;
            return new Expr.Lambda(span(c), arg, formals(c.formals(), arg, span(c)), function(c.exprFunction()));
        }
        if (ctx instanceof LambdaAtFormalsContext c) {
            String arg = c.ID().getText();
            return new Expr.Lambda(span(c), arg, formals(c.formals(), arg, span(c)), function(c.exprFunction()));
        }
        if (ctx instanceof AssertExprContext c) {
            return new Expr.Assert(span(c), expr(c.expr()), function(c.exprFunction()));
        }
        if (ctx instanceof WithExprContext c) {
            return new Expr.With(span(c), expr(c.expr()), function(c.exprFunction()));
        }
        if (ctx instanceof LetExprContext c) {
            AttrsBuilder b = binds(c.binds(), span(c), true);
            if (b.hasDynamic()) throw new ParseException("dynamic attributes not allowed in let", b.firstDynamicSpan());
            return new Expr.Let(span(c), b.build(), function(c.exprFunction()));
        }
        return ifExpr((ExprIfContext) ctx.getChild(0)); // plainExpr: exprIf
    }

    private Formals formals(FormalsContext ctx, String arg, Span lambdaSpan) {
        List<Formals.Formal> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FormalContext f : ctx.formal()) {
            String name = f.ID().getText();
            if (!seen.add(name)) {
                throw new ParseException("duplicate formal function argument '" + name + "'", span(f));
            }
            list.add(new Formals.Formal(span(f), name, f.expr() != null ? expr(f.expr()) : null));
        }
        if (arg != null && seen.contains(arg)) {
            throw new ParseException("duplicate formal function argument '" + arg + "'", lambdaSpan);
        }
        return new Formals(List.copyOf(list), ctx.ELLIPSIS() != null);
    }

    private Expr ifExpr(ExprIfContext ctx) {
        if (ctx instanceof IfExprContext c) {
            return new Expr.If(span(c), expr(c.expr(0)), expr(c.expr(1)), expr(c.expr(2)));
        }
        return op((ExprOpContext) ctx.getChild(0)); // opExpr: exprOp
    }

    private Expr op(ExprOpContext ctx) {
        if (ctx instanceof AppContext) return app((ExprAppContext) ctx.getChild(0)); // app: exprApp
        Span s = span(ctx);
        if (ctx instanceof NegateContext c) return new Expr.Negate(s, op(c.exprOp()));
        if (ctx instanceof NotContext c) return new Expr.Not(s, op(c.exprOp()));
        if (ctx instanceof HasAttrContext c) {
            nonAssoc(c.exprOp(), HasAttrContext.class, c.QUESTION().getSymbol());
            return new Expr.HasAttr(s, op(c.exprOp()), attrPath(c.attrpath()));
        }
        if (ctx instanceof ConcatContext c) return bin(s, Expr.Op.CONCAT, c.exprOp(0), c.exprOp(1));
        if (ctx instanceof MulDivContext c) return bin(s, c.op.getType() == NixLexer.STAR ? Expr.Op.MUL : Expr.Op.DIV, c.exprOp(0), c.exprOp(1));
        if (ctx instanceof AddSubContext c) return bin(s, c.op.getType() == NixLexer.PLUS ? Expr.Op.ADD : Expr.Op.SUB, c.exprOp(0), c.exprOp(1));
        if (ctx instanceof UpdateContext c) return bin(s, Expr.Op.UPDATE, c.exprOp(0), c.exprOp(1));
        if (ctx instanceof CompareContext c) {
            nonAssoc(c.exprOp(0), CompareContext.class, c.op);
            Expr.Op op = switch (c.op.getType()) {
                case NixLexer.LT -> Expr.Op.LT;
                case NixLexer.GT -> Expr.Op.GT;
                case NixLexer.LEQ -> Expr.Op.LEQ;
                default -> Expr.Op.GEQ;
            };
            return bin(s, op, c.exprOp(0), c.exprOp(1));
        }
        if (ctx instanceof EqualityContext c) {
            nonAssoc(c.exprOp(0), EqualityContext.class, c.op);
            return bin(s, c.op.getType() == NixLexer.EQ ? Expr.Op.EQ : Expr.Op.NEQ, c.exprOp(0), c.exprOp(1));
        }
        if (ctx instanceof AndContext c) return bin(s, Expr.Op.AND, c.exprOp(0), c.exprOp(1));
        if (ctx instanceof OrContext c) return bin(s, Expr.Op.OR, c.exprOp(0), c.exprOp(1));
        if (ctx instanceof ImplContext c) return bin(s, Expr.Op.IMPL, c.exprOp(0), c.exprOp(1));
        if (ctx instanceof PipeIntoContext c) return bin(s, Expr.Op.PIPE_INTO, c.exprOp(0), c.exprOp(1));
        if (ctx instanceof PipeFromContext c) return bin(s, Expr.Op.PIPE_FROM, c.exprOp(0), c.exprOp(1));
        throw new IllegalStateException("unknown operator node " + ctx.getClass());
    }

    /** Nix declares ==, !=, <, >, <=, >= and ? non-associative: {@code a == b == c} is a syntax error. */
    private void nonAssoc(ExprOpContext left, Class<?> kind, Token op) {
        if (kind.isInstance(left)) {
            throw new ParseException("syntax error, unexpected '" + op.getText() + "'", span(op));
        }
    }

    private Expr bin(Span s, Expr.Op op, ExprOpContext l, ExprOpContext r) {
        return new Expr.BinOp(s, op, op(l), op(r));
    }

    private Expr app(ExprAppContext ctx) {
        // exprApp: exprSelect+ (every child is one)
        Expr fn = select((ExprSelectContext) ctx.getChild(0));
        int n = ctx.getChildCount();
        if (n == 1) return fn;
        List<Expr> args = new ArrayList<>(n - 1);
        for (int i = 1; i < n; i++) args.add(select((ExprSelectContext) ctx.getChild(i)));
        return new Expr.Call(span(ctx), fn, List.copyOf(args));
    }

    private Expr select(ExprSelectContext ctx) {
        // exprSelect: exprSimple (DOT attrpath (OR_KW exprSelect)? | OR_KW)?
        if (ctx.getChildCount() == 1) return simple((ExprSimpleContext) ctx.getChild(0));
        if (ctx.DOT() != null) {
            Expr def = ctx.exprSelect() != null ? select(ctx.exprSelect()) : null;
            return new Expr.Select(span(ctx), simple(ctx.exprSimple()), attrPath(ctx.attrpath()), def);
        }
        if (ctx.OR_KW() != null) {
            // Legacy: `f or` applies f to a variable named `or`.
            Span orSpan = span(ctx.OR_KW().getSymbol());
            return new Expr.Call(span(ctx), simple(ctx.exprSimple()), List.of(new Expr.Var(orSpan, "or")));
        }
        return simple(ctx.exprSimple());
    }

    private Expr simple(ExprSimpleContext ctx) {
        Span s = span(ctx);
        if (ctx instanceof VarContext c) {
            String name = c.ID().getText();
            return name.equals("__curPos") ? new Expr.CurPos(s) : new Expr.Var(s, name);
        }
        if (ctx instanceof IntContext c) {
            try {
                return new Expr.Int(s, Long.parseLong(c.INT().getText()));
            } catch (NumberFormatException e) {
                throw new ParseException("invalid integer '" + c.INT().getText() + "'", s);
            }
        }
        if (ctx instanceof FloatContext c) return new Expr.Float(s, Double.parseDouble(c.FLOAT().getText()));
        if (ctx instanceof StrContext c) return string(c.string());
        if (ctx instanceof IndStringContext c) return indString(c, s);
        if (ctx instanceof PathContext c) return literalPath(c.PATH().getSymbol(), false);
        if (ctx instanceof HpathContext c) return literalPath(c.HPATH().getSymbol(), true);
        if (ctx instanceof InterpolatedPathContext c) return interpolatedPath(c, s);
        if (ctx instanceof SearchPathContext c) {
            String text = c.SPATH().getText();
            return new Expr.SearchPath(s, text.substring(1, text.length() - 1));
        }
        if (ctx instanceof UriContext c) return new Expr.Str(s, c.URI().getText());
        if (ctx instanceof ParensContext c) return expr(c.expr());
        if (ctx instanceof LegacyLetContext c) {
            // let { a = 1; body = a; } is the set's `body` attribute, evaluated recursively.
            AttrsBuilder b = binds(c.binds(), s, true);
            return new Expr.Select(s, b.toExpr(), List.of(new AttrName.Static(s, "body")), null);
        }
        if (ctx instanceof RecAttrsContext c) return binds(c.binds(), s, true).toExpr();
        if (ctx instanceof AttrsContext c) return binds(c.binds(), s, false).toExpr();
        if (ctx instanceof ListContext c) {
            List<Expr> items = new ArrayList<>(c.exprSelect().size());
            for (ExprSelectContext e : c.exprSelect()) items.add(select(e));
            return new Expr.ListLit(s, List.copyOf(items));
        }
        throw new IllegalStateException("unknown expression node " + ctx.getClass());
    }

    // ---- attribute sets ----

    private AttrsBuilder binds(BindsContext ctx, Span s, boolean recursive) {
        AttrsBuilder b = new AttrsBuilder(s, recursive);
        for (int i = 0; i < ctx.getChildCount(); i++) { // binds: bind*
            BindContext bind = (BindContext) ctx.getChild(i);
            if (bind instanceof AssignContext a) {
                // assign: attrpath EQUALS expr SEMI
                AttrpathContext at = (AttrpathContext) a.getChild(0);
                List<AttrName> path = attrPath(at);
                ExprContext value = (ExprContext) a.getChild(2);
                AttrsBuilder nested = nestedSetLiteral(value);
                Expr e = nested == null ? expr(value) : null;
                b.add(path, e, nested, span(at));
            } else {
                InheritContext in = (InheritContext) bind;
                Expr from = in.expr() != null ? expr(in.expr()) : null;
                for (InheritAttrContext attr : in.inheritAttr()) {
                    Span as = span(attr);
                    String name = inheritName(attr);
                    if (from == null) {
                        b.inherit(name, new Expr.Var(as, name), true, as);
                    } else {
                        b.inherit(name, new Expr.Select(as, from, List.of(new AttrName.Static(as, name)), null), false, as);
                    }
                }
            }
        }
        return b;
    }

    /** A bound value that is a plain (non-rec) set literal stays open, so later paths can merge into it. */
    private AttrsBuilder nestedSetLiteral(ExprContext value) {
        // value: expr > plainExpr > opExpr > app > exprApp with one exprSelect > a plain exprSimple
        if (!(value.getChild(0) instanceof PlainExprContext p) || !(p.getChild(0) instanceof OpExprContext o)) return null;
        if (!(o.getChild(0) instanceof AppContext a)) return null;
        ParseTree app = a.getChild(0);
        if (app.getChildCount() != 1 || app.getChild(0).getChildCount() != 1) return null;
        ExprSimpleContext simple = (ExprSimpleContext) app.getChild(0).getChild(0);
        if (simple instanceof AttrsContext ac) return binds(ac.binds(), span(ac), false);
        if (simple instanceof RecAttrsContext rc) return binds(rc.binds(), span(rc), true);
        return null;
    }

    private String inheritName(InheritAttrContext attr) {
        if (attr instanceof InheritIdContext c) return c.ID().getText();
        if (attr instanceof InheritOrContext) return "or";
        if (attr instanceof InheritStringContext c) {
            Expr e = string(c.string());
            if (e instanceof Expr.Str str) return str.value();
        }
        if (attr instanceof InheritDynamicContext c) {
            Expr e = expr(c.expr());
            if (e instanceof Expr.Str str) return str.value();
        }
        throw new ParseException("dynamic attributes not allowed in inherit", span(attr));
    }

    private List<AttrName> attrPath(AttrpathContext ctx) {
        // attrpath: attr (DOT attr)*
        int n = ctx.getChildCount();
        if (n == 1) return List.of(attrName((AttrContext) ctx.getChild(0)));
        List<AttrName> out = new ArrayList<>(n / 2 + 1);
        for (int i = 0; i < n; i += 2) out.add(attrName((AttrContext) ctx.getChild(i)));
        return List.copyOf(out);
    }

    private AttrName attrName(AttrContext ctx) {
        Span s = span(ctx);
        if (ctx instanceof AttrIdContext c) return new AttrName.Static(s, c.ID().getText());
        if (ctx instanceof AttrOrContext) return new AttrName.Static(s, "or");
        Expr e = ctx instanceof AttrStringContext c ? string(c.string()) : expr(((AttrDynamicContext) ctx).expr());
        if (e instanceof Expr.Str str) return new AttrName.Static(s, str.value());
        return new AttrName.Dynamic(s, e);
    }

    // ---- strings and paths ----

    private Expr string(StringContext ctx) {
        Span s = span(ctx);
        // string: DQUOTE stringPart* STR_END; a plain string (the usual one) is its one text part
        int n = ctx.getChildCount();
        if (n == 3 && ctx.getChild(1) instanceof StrTextContext t) return new Expr.Str(s, text(t));
        List<Expr> parts = new ArrayList<>();
        boolean interpolated = false;
        for (int i = 1; i < n - 1; i++) {
            StringPartContext p = (StringPartContext) ctx.getChild(i);
            if (p instanceof StrTextContext t) {
                parts.add(new Expr.Str(span(t), text(t)));
            } else {
                interpolated = true;
                parts.add(expr(((StrInterpContext) p).expr()));
            }
        }
        if (parts.isEmpty()) return new Expr.Str(s, "");
        if (!interpolated && parts.size() == 1) return new Expr.Str(s, ((Expr.Str) parts.get(0)).value());
        return new Expr.Interpolation(s, List.copyOf(parts), false);
    }

    /** A text part of a "..." string, unescaped. */
    private String text(StrTextContext t) {
        String text = t.STR_TEXT().getText();
        if (text.indexOf('\0') >= 0) throw new ParseException("string literals cannot contain NUL bytes", span(t));
        return unescape(text);
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0 && text.indexOf('\r') < 0) return text;
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> n;
                });
            } else if (c == '\r') {
                // Nix turns CR LF and lone CR in string literals into LF.
                sb.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private Expr indString(IndStringContext ctx, Span s) {
        List<IndentedStrings.Part> parts = new ArrayList<>();
        for (IndPartContext p : ctx.indPart()) {
            Span ps = span(p);
            if (p instanceof IndTextContext t) {
                if (t.getText().indexOf('\0') >= 0) throw new ParseException("string literals cannot contain NUL bytes", ps);
                parts.add(IndentedStrings.text(ps, t.getText(), true));
            }
            else if (p instanceof IndDollarContext) parts.add(IndentedStrings.text(ps, "$", false));
            else if (p instanceof IndQuotesContext) parts.add(IndentedStrings.text(ps, "''", false));
            else if (p instanceof IndQuoteContext) parts.add(IndentedStrings.text(ps, "'", false));
            else if (p instanceof IndEscapeContext e) {
                char c = e.getText().charAt(3);
                String v = switch (c) {
                    case 'n' -> "\n";
                    case 'r' -> "\r";
                    case 't' -> "\t";
                    default -> String.valueOf(c);
                };
                parts.add(IndentedStrings.text(ps, v, false));
            } else {
                parts.add(IndentedStrings.interpolation(expr(((IndInterpContext) p).expr())));
            }
        }
        return IndentedStrings.strip(s, parts);
    }

    private Expr literalPath(Token t, boolean home) {
        String text = t.getText();
        if (text.endsWith("/") && text.length() > 1) {
            throw new ParseException("path '" + text + "' has a trailing slash", span(t));
        }
        String resolved = resolvePath(text, home);
        pathLiterals.accept(resolved);
        return new Expr.Path(span(t), resolved);
    }

    private String resolvePath(String text, boolean homePath) {
        if (homePath) {
            if (home == null) throw new IllegalStateException("HOME is not set");
            return Paths.canonical(home + text.substring(1));
        }
        if (text.startsWith("/")) return Paths.canonical(text);
        return Paths.canonical(baseDir + "/" + text);
    }

    private Expr interpolatedPath(InterpolatedPathContext ctx, Span s) {
        Token start = ctx.PATH_START() != null ? ctx.PATH_START().getSymbol() : ctx.HPATH_START().getSymbol();
        String text = start.getText();
        text = text.substring(0, text.length() - 2); // drop the ${
        String resolved = resolvePath(text, start.getType() == NixLexer.HPATH_START);
        if (text.endsWith("/") && !resolved.endsWith("/")) resolved += "/";
        List<Expr> parts = new ArrayList<>();
        parts.add(new Expr.Path(span(start), resolved));
        parts.add(expr(ctx.expr()));
        String last = "";
        for (PathPartContext p : ctx.pathPart()) {
            if (p instanceof PathTextContext t) {
                last = t.getText();
                parts.add(new Expr.Str(span(t), last));
            } else {
                last = "";
                parts.add(expr(((PathInterpContext) p).expr()));
            }
        }
        if (last.endsWith("/")) {
            throw new ParseException("path has a trailing slash", s);
        }
        return new Expr.Interpolation(s, List.copyOf(parts), true);
    }

}

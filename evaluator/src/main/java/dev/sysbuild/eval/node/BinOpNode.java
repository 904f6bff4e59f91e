package dev.sysbuild.eval.node;

import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Ops;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.ast.Expr.Op;
import dev.sysbuild.language.diag.Span;
import dev.sysbuild.language.Paths;
import java.util.Set;
import java.util.TreeSet;

/** The binary operators. */
final class BinOpNode extends Node {
    private final Evaluator ev;
    private final Op op;
    private final Node left;
    private final Node right;

    BinOpNode(Evaluator ev, Span span, Op op, Node left, Node right) {
        super(span);
        this.ev = ev;
        this.op = op;
        this.left = left;
        this.right = right;
    }

    @Override
    public Value eval(Env env) {
        switch (op) {
            case AND:
                return NixBool.of(Force.bool(left.eval(env), left.span()) && Force.bool(right.eval(env), right.span()));
            case OR:
                return NixBool.of(Force.bool(left.eval(env), left.span()) || Force.bool(right.eval(env), right.span()));
            case IMPL:
                return NixBool.of(!Force.bool(left.eval(env), left.span()) || Force.bool(right.eval(env), right.span()));
            case PIPE_INTO:
                return Calls.apply(right.eval(env), left.delay(env), span);
            case PIPE_FROM:
                return Calls.apply(left.eval(env), right.delay(env), span);
            default:
                break;
        }
        Value a = left.eval(env);
        Value b = right.eval(env);
        switch (op) {
            case EQ: return NixBool.of(Ops.equal(a, b, span));
            case NEQ: return NixBool.of(!Ops.equal(a, b, span));
            case ADD: return add(a, b);
            case SUB: return Ops.sub(a, b, span);
            case MUL: return Ops.mul(a, b, span);
            case DIV: return Ops.div(a, b, span);
            case LT: return NixBool.of(Ops.lessThan(a, b, span));
            case GT: return NixBool.of(Ops.lessThan(b, a, span));
            case LEQ: return NixBool.of(!Ops.lessThan(b, a, span));
            case GEQ: return NixBool.of(!Ops.lessThan(a, b, span));
            case UPDATE: return Force.attrs(a, left.span()).update(Force.attrs(b, right.span()));
            case CONCAT: return concat(Force.list(a, left.span()), Force.list(b, right.span()));
            default: throw new IllegalStateException(op.toString());
        }
    }

    private static Value concat(NixList a, NixList b) {
        if (a.size() == 0) return b;
        if (b.size() == 0) return a;
        Value[] out = new Value[a.size() + b.size()];
        System.arraycopy(a.items(), 0, out, 0, a.size());
        System.arraycopy(b.items(), 0, out, a.size(), b.size());
        return NixList.wrap(out);
    }

    /** Nix's {@code +}: the left operand's type decides between number, path and string addition. */
    private Value add(Value a, Value b) {
        if (Ops.isNumber(a)) {
            if (Ops.isNumber(b)) return Ops.add(a, b, span);
            throw EvalException.type("cannot add " + b.showType() + " to " + a.showType(), span);
        }
        Set<String> ctx = new TreeSet<>();
        if (a instanceof NixPath p) {
            String s = Ops.coerceToString(ev, b, ctx, false, false, right.span());
            if (!ctx.isEmpty()) {
                throw EvalException.error("a string that refers to a store path cannot be appended to a path", span);
            }
            return new NixPath(Paths.canonical(p.path + s));
        }
        String x = Ops.coerceToString(ev, a, ctx, false, true, left.span());
        String y = Ops.coerceToString(ev, b, ctx, false, true, right.span());
        return NixString.of(x + y, ctx);
    }
}

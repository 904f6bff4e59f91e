package dev.sysbuild.eval.node;

import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Ops;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.Paths;
import dev.sysbuild.language.ast.Expr.Op;
import dev.sysbuild.language.diag.Span;
import java.util.Set;
import java.util.TreeSet;

/**
 * The binary operators, one small final class each so that the hot ones (integer arithmetic and
 * comparison) are a type test and a machine instruction once compiled.
 */
abstract class BinOpNode extends Node {
    final Node left;
    final Node right;

    private BinOpNode(Span span, Node left, Node right) {
        super(span);
        this.left = left;
        this.right = right;
    }

    static Node create(Evaluator ev, Span span, Op op, Node l, Node r) {
        return switch (op) {
            case AND -> new And(span, l, r);
            case OR -> new Or(span, l, r);
            case IMPL -> new Impl(span, l, r);
            case PIPE_INTO -> new Pipe(span, r, l);
            case PIPE_FROM -> new Pipe(span, l, r);
            case EQ -> new Eq(span, l, r, false);
            case NEQ -> new Eq(span, l, r, true);
            case ADD -> new Add(ev, span, l, r);
            case SUB -> new Sub(span, l, r);
            case MUL -> new Mul(span, l, r);
            case DIV -> new Div(span, l, r);
            case LT -> new Less(span, l, r, false);
            case GT -> new Less(span, r, l, false);
            case LEQ -> new Less(span, r, l, true);
            case GEQ -> new Less(span, l, r, true);
            case UPDATE -> new Update(span, l, r);
            case CONCAT -> new Concat(span, l, r);
        };
    }

    /** Every operator evaluates (forces) its left operand first; a literal there observes nothing. */
    @Override
    boolean forcesSlotFirst(int slot) {
        return left.forcesSlotFirst(slot) || left instanceof ConstNode && right.forcesSlotFirst(slot);
    }

    /** {@code x + y}, or null when it overflows (left to {@link Ops#add} to report). */
    static NixInt sum(NixInt x, NixInt y) {
        long r = x.value + y.value;
        return ((x.value ^ r) & (y.value ^ r)) < 0 ? null : NixInt.of(r);
    }

    /** {@code x - y}, or null when it overflows (left to {@link Ops#sub} to report). */
    static NixInt difference(NixInt x, NixInt y) {
        long r = x.value - y.value;
        return ((x.value ^ y.value) & (x.value ^ r)) < 0 ? null : NixInt.of(r);
    }

    static boolean bool(Value v, Node from) {
        if (v == NixBool.TRUE) return true;
        if (v == NixBool.FALSE) return false;
        throw Force.typeError("a Boolean", v, from.span());
    }

    private static final class And extends BinOpNode {
        And(Span s, Node l, Node r) { super(s, l, r); }

        @Override public Value eval(Env env) {
            return NixBool.of(bool(left.eval(env), left) && bool(right.eval(env), right));
        }
    }

    private static final class Or extends BinOpNode {
        Or(Span s, Node l, Node r) { super(s, l, r); }

        @Override public Value eval(Env env) {
            return NixBool.of(bool(left.eval(env), left) || bool(right.eval(env), right));
        }
    }

    private static final class Impl extends BinOpNode {
        Impl(Span s, Node l, Node r) { super(s, l, r); }

        @Override public Value eval(Env env) {
            return NixBool.of(!bool(left.eval(env), left) || bool(right.eval(env), right));
        }
    }

    /** {@code x |> f} and {@code f <| x}: left is the function, right the argument. */
    private static final class Pipe extends BinOpNode {
        Pipe(Span s, Node function, Node argument) { super(s, function, argument); }

        @Override public Value eval(Env env) {
            return Calls.apply(left.eval(env), right.delay(env), span);
        }
    }

    private static final class Eq extends BinOpNode {
        private final boolean negate;

        Eq(Span s, Node l, Node r, boolean negate) {
            super(s, l, r);
            this.negate = negate;
        }

        @Override public Value eval(Env env) {
            Value a = left.eval(env);
            Value b = right.eval(env);
            boolean eq = a instanceof NixInt x && b instanceof NixInt y ? x.value == y.value : Ops.equal(a, b, span);
            return NixBool.of(eq != negate);
        }
    }

    private static final class Sub extends BinOpNode {
        Sub(Span s, Node l, Node r) { super(s, l, r); }

        @Override public Value eval(Env env) {
            Value a = left.eval(env);
            Value b = right.eval(env);
            if (a instanceof NixInt x && b instanceof NixInt y) {
                NixInt r = difference(x, y);
                if (r != null) return r;
            }
            return Ops.sub(a, b, span);
        }

        /** {@code n - 1} on integers already known: nothing to fail (an overflow is left to the thunk). */
        @Override Value eager(Env env) {
            return left.peek(env) instanceof NixInt x && right.peek(env) instanceof NixInt y ? difference(x, y) : null;
        }
    }

    private static final class Mul extends BinOpNode {
        Mul(Span s, Node l, Node r) { super(s, l, r); }

        @Override public Value eval(Env env) {
            return Ops.mul(left.eval(env), right.eval(env), span);
        }
    }

    private static final class Div extends BinOpNode {
        Div(Span s, Node l, Node r) { super(s, l, r); }

        @Override public Value eval(Env env) {
            return Ops.div(left.eval(env), right.eval(env), span);
        }
    }

    /** {@code a < b}, and the others as rewritten by Nix: {@code a > b} is {@code b < a}, {@code a <= b} is {@code !(b < a)}. */
    private static final class Less extends BinOpNode {
        private final boolean negate;

        Less(Span s, Node l, Node r, boolean negate) {
            super(s, l, r);
            this.negate = negate;
        }

        @Override public Value eval(Env env) {
            Value a = left.eval(env);
            Value b = right.eval(env);
            boolean lt = a instanceof NixInt x && b instanceof NixInt y ? x.value < y.value : Ops.lessThan(a, b, span);
            return NixBool.of(lt != negate);
        }
    }

    private static final class Update extends BinOpNode {
        Update(Span s, Node l, Node r) { super(s, l, r); }

        @Override public Value eval(Env env) {
            Value a = left.eval(env);
            Value b = right.eval(env);
            return Force.attrs(a, left.span()).update(Force.attrs(b, right.span()));
        }
    }

    private static final class Concat extends BinOpNode {
        Concat(Span s, Node l, Node r) { super(s, l, r); }

        @Override public Value eval(Env env) {
            NixList a = Force.list(left.eval(env), left.span());
            NixList b = Force.list(right.eval(env), right.span());
            return NixList.concat(a, b);
        }
    }

    /** Nix's {@code +}: the left operand's type decides between number, path and string addition. */
    private static final class Add extends BinOpNode {
        private final Evaluator ev;

        Add(Evaluator ev, Span s, Node l, Node r) {
            super(s, l, r);
            this.ev = ev;
        }

        @Override public Value eval(Env env) {
            Value a = left.eval(env);
            Value b = right.eval(env);
            if (a instanceof NixInt x && b instanceof NixInt y) {
                NixInt r = sum(x, y);
                if (r != null) return r;
                return Ops.add(a, b, span);
            }
            return add(a, b);
        }

        /** As {@link Sub#eager}: integers already known are added now. */
        @Override Value eager(Env env) {
            return left.peek(env) instanceof NixInt x && right.peek(env) instanceof NixInt y ? sum(x, y) : null;
        }

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
            if (a instanceof NixString x && b instanceof NixString y) {
                if (!x.hasContext() && !y.hasContext()) return NixString.of(x.value + y.value);
            }
            String x = Ops.coerceToString(ev, a, ctx, false, true, left.span());
            String y = Ops.coerceToString(ev, b, ctx, false, true, right.span());
            return NixString.of(x + y, ctx);
        }
    }
}

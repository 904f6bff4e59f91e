package dev.sysbuild.eval.node;

import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.value.Lambda;
import dev.sysbuild.eval.value.PrimOp;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/** {@code f a b ...}: arguments are passed unevaluated. */
final class CallNode extends Node {
    private final Node function;
    private final Node[] args;

    CallNode(Span span, Node function, Node[] args) {
        super(span);
        this.function = function;
        this.args = args;
    }

    @Override
    public Value eval(Env env) {
        Value f = function.eval(env);
        int n = args.length;
        for (int i = 0; i < n; i++) {
            if (f instanceof Lambda l) {
                // The common case, a user function, without the general dispatch; a curried one
                // (`a: b: ...`) given several arguments binds them without allocating the
                // intermediate functions (delaying an argument has no effects, so the order is kept).
                LambdaNode fn = l.node;
                Env closure = l.env;
                Value arg = fn.argument(args[i], env);
                while (i + 1 < n && fn.body instanceof LambdaNode inner) {
                    closure = fn.bind(closure, arg, span);
                    fn = inner;
                    arg = fn.argument(args[++i], env);
                }
                f = fn.call(closure, arg, span);
                continue;
            }
            Value arg = args[i].delay(env);
            if (f instanceof PrimOp p && p.arity > 1 && n - i >= p.arity) {
                // A builtin given all its arguments at once: one argument array, no partial applications.
                Value[] all = new Value[p.arity];
                all[0] = arg;
                for (int k = 1; k < all.length; k++) all[k] = args[++i].delay(env);
                f = Calls.invoke(p, all, span);
            } else {
                f = Calls.apply(f, arg, span);
            }
        }
        return f;
    }
}

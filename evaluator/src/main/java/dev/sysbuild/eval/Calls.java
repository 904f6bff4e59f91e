package dev.sysbuild.eval;

import dev.sysbuild.eval.value.Lambda;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.PrimOp;
import dev.sysbuild.eval.value.PrimOpApp;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/** Function application: lambdas, builtins (curried up to their arity) and sets with {@code __functor}. */
public final class Calls {
    private Calls() {}

    public static Value apply(Value fn, Value arg, Span site) {
        Value f = fn.force();
        if (f instanceof Lambda l) return l.node.call(l.env, arg, site);
        if (f instanceof PrimOp p) {
            if (p.arity == 1) return invoke(p, new Value[] {arg}, site);
            return new PrimOpApp(p, new Value[] {arg});
        }
        if (f instanceof PrimOpApp pa) {
            Value[] args = new Value[pa.args.length + 1];
            System.arraycopy(pa.args, 0, args, 0, pa.args.length);
            args[pa.args.length] = arg;
            if (args.length == pa.op.arity) return invoke(pa.op, args, site);
            return new PrimOpApp(pa.op, args);
        }
        if (f instanceof NixAttrs a) {
            Value functor = a.get("__functor");
            if (functor != null) return apply(apply(functor, f, site), arg, site);
        }
        throw EvalException.type("attempt to call something which is not a function but " + f.showType() + ": "
                + dev.sysbuild.eval.print.ValuePrinter.brief(f), site);
    }

    public static Value apply(Value fn, Value a, Value b, Span site) {
        Value f = fn.force();
        if (f instanceof Lambda l) return l.node.call(l.env, a, b, site);
        if (f instanceof PrimOp p && p.arity == 2) return invoke(p, new Value[] {a, b}, site);
        return apply(apply(f, a, site), b, site);
    }

    /** Calls a builtin with all its arguments ({@code args.length == p.arity}). */
    public static Value invoke(PrimOp p, Value[] args, Span site) {
        try {
            return p.impl.call(args).force();
        } catch (EvalException e) {
            if (e.span() == null) e.setSpan(site);
            throw e;
        }
    }
}

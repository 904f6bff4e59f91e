package dev.sysbuild.eval;

import dev.sysbuild.eval.value.Lambda;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixFloat;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.PrimOp;
import dev.sysbuild.eval.value.PrimOpApp;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.eval.print.ValuePrinter;
import dev.sysbuild.language.diag.Span;

/** Forces a value and checks its type, with one wording for every type error. */
public final class Force {
    private Force() {}

    public static EvalException typeError(String expected, Value got, Span span) {
        return EvalException.type("expected " + expected + " but found " + got.showType() + ": "
                + ValuePrinter.brief(got), span);
    }

    public static NixAttrs attrs(Value v, Span span) {
        Value f = v.force();
        if (f instanceof NixAttrs a) return a;
        throw typeError("a set", f, span);
    }

    public static NixList list(Value v, Span span) {
        Value f = v.force();
        if (f instanceof NixList l) return l;
        throw typeError("a list", f, span);
    }

    public static boolean bool(Value v, Span span) {
        Value f = v.force();
        if (f instanceof NixBool b) return b.value;
        throw typeError("a Boolean", f, span);
    }

    public static long integer(Value v, Span span) {
        Value f = v.force();
        if (f instanceof NixInt i) return i.value;
        throw typeError("an integer", f, span);
    }

    /** An integer or a float, as a double. */
    public static double number(Value v, Span span) {
        Value f = v.force();
        if (f instanceof NixInt i) return i.value;
        if (f instanceof NixFloat d) return d.value;
        throw typeError("a float", f, span);
    }

    public static NixString string(Value v, Span span) {
        Value f = v.force();
        if (f instanceof NixString s) return s;
        throw typeError("a string", f, span);
    }

    /** A string, ignoring its context (for names, patterns and the like). */
    public static String plainString(Value v, Span span) {
        return string(v, span).value;
    }

    public static NixPath path(Value v, Span span) {
        Value f = v.force();
        if (f instanceof NixPath p) return p;
        throw typeError("a path", f, span);
    }

    public static Value function(Value v, Span span) {
        Value f = v.force();
        if (f instanceof Lambda || f instanceof PrimOp || f instanceof PrimOpApp) return f;
        if (f instanceof NixAttrs a && a.get("__functor") != null) return f;
        throw typeError("a function", f, span);
    }

    public static boolean isFunction(Value f) {
        return f instanceof Lambda || f instanceof PrimOp || f instanceof PrimOpApp;
    }
}

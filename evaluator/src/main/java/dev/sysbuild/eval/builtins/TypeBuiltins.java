package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.node.LambdaNode;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.Lambda;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixFloat;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/** Type tests and reflection: typeOf, is*, functionArgs, unsafeGetAttrPos, version constants. */
final class TypeBuiltins {
    private TypeBuiltins() {}

    static void register(Registry r) {
        r.fn("typeOf", 1, a -> NixString.of(a[0].force().typeOf()));
        r.fn("isNull", 1, a -> NixBool.of(a[0].force() instanceof NixNull));
        r.fn("isInt", 1, a -> NixBool.of(a[0].force() instanceof NixInt));
        r.fn("isFloat", 1, a -> NixBool.of(a[0].force() instanceof NixFloat));
        r.fn("isBool", 1, a -> NixBool.of(a[0].force() instanceof NixBool));
        r.fn("isString", 1, a -> NixBool.of(a[0].force() instanceof NixString));
        r.fn("isPath", 1, a -> NixBool.of(a[0].force() instanceof NixPath));
        r.fn("isList", 1, a -> NixBool.of(a[0].force() instanceof NixList));
        r.fn("isAttrs", 1, a -> NixBool.of(a[0].force() instanceof NixAttrs));
        r.fn("isFunction", 1, a -> NixBool.of(Force.isFunction(a[0].force())));
        r.fn("functionArgs", 1, a -> functionArgs(a[0].force()));
        r.fn("unsafeGetAttrPos", 2, a -> {
            String name = Force.plainString(a[0], null);
            NixAttrs attrs = Force.attrs(a[1], null);
            Span pos = attrs.positionOf(name);
            if (pos == null) return NixNull.NULL;
            return position(pos);
        });
        r.value("currentSystem", NixString.of(r.evaluator().settings().system()));
        r.value("nixVersion", NixString.of("2.8.0"));
        r.value("langVersion", NixInt.of(6));
        r.value("storeDir", NixString.of(r.evaluator().settings().storeDir().path()));
        // On first use, through the IO seam: the time is an input like the environment.
        r.value("currentTime", dev.sysbuild.eval.Lazy.of(() -> NixInt.of(r.evaluator().io().currentTime())));
    }

    static Value position(Span pos) {
        return new AttrsBuilder(3)
                .put("column", NixInt.of(pos.column()))
                .put("file", NixString.of(pos.source().name()))
                .put("line", NixInt.of(pos.line()))
                .build();
    }

    private static Value functionArgs(Value f) {
        if (f instanceof Lambda l) {
            LambdaNode n = l.node;
            if (!n.hasFormals()) return NixAttrs.EMPTY;
            AttrsBuilder b = new AttrsBuilder(n.formalNames().length);
            String[] names = n.formalNames();
            for (int i = 0; i < names.length; i++) b.put(names[i], NixBool.of(n.formalHasDefault(i)), n.formalSpan(i));
            return b.build();
        }
        if (Force.isFunction(f)) return NixAttrs.EMPTY;
        throw Force.typeError("a function", f, null);
    }

}

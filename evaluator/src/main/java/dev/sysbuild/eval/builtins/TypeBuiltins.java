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
        r.fn("typeOf", 1, new Fn(0, r));
        r.fn("isNull", 1, new Fn(1, r));
        r.fn("isInt", 1, new Fn(2, r));
        r.fn("isFloat", 1, new Fn(3, r));
        r.fn("isBool", 1, new Fn(4, r));
        r.fn("isString", 1, new Fn(5, r));
        r.fn("isPath", 1, new Fn(6, r));
        r.fn("isList", 1, new Fn(7, r));
        r.fn("isAttrs", 1, new Fn(8, r));
        r.fn("isFunction", 1, new Fn(9, r));
        r.fn("functionArgs", 1, new Fn(10, r));
        r.fn("unsafeGetAttrPos", 2, new Fn(11, r));
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

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinTypeOf(a);
                case 1 -> builtinIsNull(a);
                case 2 -> builtinIsInt(a);
                case 3 -> builtinIsFloat(a);
                case 4 -> builtinIsBool(a);
                case 5 -> builtinIsString(a);
                case 6 -> builtinIsPath(a);
                case 7 -> builtinIsList(a);
                case 8 -> builtinIsAttrs(a);
                case 9 -> builtinIsFunction(a);
                case 10 -> builtinFunctionArgs(a);
                case 11 -> builtinUnsafeGetAttrPos(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code typeOf} */
        private Value builtinTypeOf(Value[] a) {
            return NixString.of(a[0].force().typeOf());
        }

        /** {@code isNull} */
        private Value builtinIsNull(Value[] a) {
            return NixBool.of(a[0].force() instanceof NixNull);
        }

        /** {@code isInt} */
        private Value builtinIsInt(Value[] a) {
            return NixBool.of(a[0].force() instanceof NixInt);
        }

        /** {@code isFloat} */
        private Value builtinIsFloat(Value[] a) {
            return NixBool.of(a[0].force() instanceof NixFloat);
        }

        /** {@code isBool} */
        private Value builtinIsBool(Value[] a) {
            return NixBool.of(a[0].force() instanceof NixBool);
        }

        /** {@code isString} */
        private Value builtinIsString(Value[] a) {
            return NixBool.of(a[0].force() instanceof NixString);
        }

        /** {@code isPath} */
        private Value builtinIsPath(Value[] a) {
            return NixBool.of(a[0].force() instanceof NixPath);
        }

        /** {@code isList} */
        private Value builtinIsList(Value[] a) {
            return NixBool.of(a[0].force() instanceof NixList);
        }

        /** {@code isAttrs} */
        private Value builtinIsAttrs(Value[] a) {
            return NixBool.of(a[0].force() instanceof NixAttrs);
        }

        /** {@code isFunction} */
        private Value builtinIsFunction(Value[] a) {
            return NixBool.of(Force.isFunction(a[0].force()));
        }

        /** {@code functionArgs} */
        private Value builtinFunctionArgs(Value[] a) {
            return functionArgs(a[0].force());
        }

        /** {@code unsafeGetAttrPos} */
        private Value builtinUnsafeGetAttrPos(Value[] a) {
            String name = Force.plainString(a[0], null);
            NixAttrs attrs = Force.attrs(a[1], null);
            Span pos = attrs.positionOf(name);
            if (pos == null) return NixNull.NULL;
            return position(pos);
        }
    }
}

package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Lazy;
import dev.sysbuild.eval.Suggestions;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Attribute sets: names, values, lookup, removal, intersection, mapping and zipping. */
final class AttrBuiltins {
    private AttrBuiltins() {}

    static void register(Registry r) {
        r.fn("attrNames", 1, new Fn(0, r));
        r.fn("attrValues", 1, new Fn(1, r));
        r.fn("getAttr", 2, new Fn(2, r));
        r.fn("hasAttr", 2, new Fn(3, r));
        r.fn("removeAttrs", 2, new Fn(4, r));
        r.fn("intersectAttrs", 2, new Fn(5, r));
        r.fn("listToAttrs", 1, new Fn(6, r));
        r.fn("mapAttrs", 2, new Fn(7, r));
        r.fn("catAttrs", 2, new Fn(8, r));
        r.fn("zipAttrsWith", 2, new Fn(9, r));
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinAttrNames(a);
                case 1 -> builtinAttrValues(a);
                case 2 -> builtinGetAttr(a);
                case 3 -> builtinHasAttr(a);
                case 4 -> builtinRemoveAttrs(a);
                case 5 -> builtinIntersectAttrs(a);
                case 6 -> builtinListToAttrs(a);
                case 7 -> builtinMapAttrs(a);
                case 8 -> builtinCatAttrs(a);
                case 9 -> builtinZipAttrsWith(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code attrNames} */
        private Value builtinAttrNames(Value[] a) {
            NixAttrs s = Force.attrs(a[0], null);
            Value[] out = new Value[s.size()];
            for (int i = 0; i < out.length; i++) out[i] = NixString.of(s.name(i));
            return NixList.wrap(out);
        }

        /** {@code attrValues} */
        private Value builtinAttrValues(Value[] a) {
            return NixList.wrap(Force.attrs(a[0], null).values().clone());
        }

        /** {@code getAttr} */
        private Value builtinGetAttr(Value[] a) {
            String name = Force.plainString(a[0], null);
            NixAttrs s = Force.attrs(a[1], null);
            Value v = s.get(name);
            if (v == null) {
                throw EvalException.error("attribute '" + name + "' missing" + Suggestions.didYouMean(name, s.names()), null);
            }
            return v.force();
        }

        /** {@code hasAttr} */
        private Value builtinHasAttr(Value[] a) {
            return NixBool.of(Force.attrs(a[1], null).get(Force.plainString(a[0], null)) != null);
        }

        /** {@code removeAttrs} */
        private Value builtinRemoveAttrs(Value[] a) {
            NixAttrs s = Force.attrs(a[0], null);
            Set<String> drop = new HashSet<>();
            for (Value v : Force.list(a[1], null).items()) drop.add(Force.plainString(v, null));
            AttrsBuilder b = new AttrsBuilder(s.size());
            for (int i = 0; i < s.size(); i++) if (!drop.contains(s.name(i))) b.put(s.name(i), s.value(i), s.position(i));
            return b.size() == s.size() ? s : b.build();
        }

        /** {@code intersectAttrs} */
        private Value builtinIntersectAttrs(Value[] a) {
            NixAttrs x = Force.attrs(a[0], null);
            NixAttrs y = Force.attrs(a[1], null);
            // Looks names up in x without asking its size: a layered x (see NixAttrs) stays unflattened.
            AttrsBuilder b = new AttrsBuilder(y.size());
            for (int i = 0; i < y.size(); i++) if (x.get(y.name(i)) != null) b.put(y.name(i), y.value(i), y.position(i));
            return b.build();
        }

        /** {@code listToAttrs} */
        private Value builtinListToAttrs(Value[] a) {
            NixList l = Force.list(a[0], null);
            AttrsBuilder b = new AttrsBuilder(l.size());
            for (Value v : l.items()) {
                NixAttrs item = Force.attrs(v, null);
                Value name = item.get("name");
                if (name == null) throw EvalException.error("attribute 'name' missing in a call to 'listToAttrs'", null);
                Value value = item.get("value");
                if (value == null) throw EvalException.error("attribute 'value' missing in a call to 'listToAttrs'", null);
                Span pos = item.positionOf("value");
                b.put(Force.plainString(name, null), value, pos);
            }
            return b.build(true);
        }

        /** {@code mapAttrs} */
        private Value builtinMapAttrs(Value[] a) {
            NixAttrs s = Force.attrs(a[1], null);
            Value[] out = new Value[s.size()];
            for (int i = 0; i < out.length; i++) out[i] = Lazy.apply(a[0], NixString.of(s.name(i)), s.value(i));
            return NixAttrs.sorted(s.names(), out, s.positions());
        }

        /** {@code catAttrs} */
        private Value builtinCatAttrs(Value[] a) {
            String name = Force.plainString(a[0], null);
            List<Value> out = new ArrayList<>();
            for (Value v : Force.list(a[1], null).items()) {
                Value x = Force.attrs(v, null).get(name);
                if (x != null) out.add(x);
            }
            return NixList.wrap(out.toArray(new Value[0]));
        }

        /** {@code zipAttrsWith} */
        private Value builtinZipAttrsWith(Value[] a) {
            TreeMap<String, List<Value>> groups = new TreeMap<>();
            for (Value v : Force.list(a[1], null).items()) {
                NixAttrs s = Force.attrs(v, null);
                for (int i = 0; i < s.size(); i++) groups.computeIfAbsent(s.name(i), k -> new ArrayList<>()).add(s.value(i));
            }
            AttrsBuilder b = new AttrsBuilder(groups.size());
            for (var e : groups.entrySet()) {
                b.put(e.getKey(), Lazy.apply(a[0], NixString.of(e.getKey()), NixList.wrap(e.getValue().toArray(new Value[0]))));
            }
            return b.build();
        }
    }
}

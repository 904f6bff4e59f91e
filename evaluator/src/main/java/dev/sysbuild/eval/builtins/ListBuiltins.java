package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Lazy;
import dev.sysbuild.eval.Ops;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists: map, filter, folds, sorting, partitioning and element access. */
final class ListBuiltins {
    private ListBuiltins() {}

    static void register(Registry r) {
        r.fn("map", 2, new Fn(0, r));
        r.fn("filter", 2, new Fn(1, r));
        r.fn("foldl'", 3, new Fn(2, r));
        r.fn("length", 1, new Fn(3, r));
        r.fn("head", 1, new Fn(4, r));
        r.fn("tail", 1, new Fn(5, r));
        r.fn("elemAt", 2, new Fn(6, r));
        r.fn("elem", 2, new Fn(7, r));
        r.fn("genList", 2, new Fn(8, r));
        r.fn("concatLists", 1, new Fn(9, r));
        r.fn("concatMap", 2, new Fn(10, r));
        r.fn("any", 2, new Fn(11, r));
        r.fn("all", 2, new Fn(12, r));
        r.fn("sort", 2, new Fn(13, r));
        r.fn("partition", 2, new Fn(14, r));
        r.fn("groupBy", 2, new Fn(15, r));
    }

    private static Value concat(Value[] lists) {
        int n = 0;
        NixList[] ls = new NixList[lists.length];
        for (int i = 0; i < lists.length; i++) {
            ls[i] = Force.list(lists[i], null);
            n += ls[i].size();
        }
        Value[] out = new Value[n];
        int o = 0;
        for (NixList l : ls) {
            System.arraycopy(l.items(), 0, out, o, l.size());
            o += l.size();
        }
        return NixList.wrap(out);
    }

    /** A stable merge sort that tolerates comparators which are not total orders (Nix's stable_sort does). */
    private static void mergeSort(Value[] items, Value less) {
        Value[] tmp = new Value[items.length];
        for (int width = 1; width < items.length; width *= 2) {
            for (int lo = 0; lo < items.length - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, items.length);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) {
                    if (Force.bool(Args.call(less, items[j], items[i]), null)) tmp[k++] = items[j++];
                    else tmp[k++] = items[i++];
                }
                while (i < mid) tmp[k++] = items[i++];
                while (j < hi) tmp[k++] = items[j++];
                System.arraycopy(tmp, lo, items, lo, hi - lo);
            }
        }
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinMap(a);
                case 1 -> builtinFilter(a);
                case 2 -> builtinFoldlStrict(a);
                case 3 -> builtinLength(a);
                case 4 -> builtinHead(a);
                case 5 -> builtinTail(a);
                case 6 -> builtinElemAt(a);
                case 7 -> builtinElem(a);
                case 8 -> builtinGenList(a);
                case 9 -> builtinConcatLists(a);
                case 10 -> builtinConcatMap(a);
                case 11 -> builtinAny(a);
                case 12 -> builtinAll(a);
                case 13 -> builtinSort(a);
                case 14 -> builtinPartition(a);
                case 15 -> builtinGroupBy(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code map} */
        private Value builtinMap(Value[] a) {
            NixList l = Force.list(a[1], null);
            Value f = a[0];
            Value[] out = new Value[l.size()];
            for (int i = 0; i < out.length; i++) out[i] = Lazy.apply(f, l.get(i));
            return NixList.wrap(out);
        }

        /** {@code filter} */
        private Value builtinFilter(Value[] a) {
            Force.function(a[0], null);
            NixList l = Force.list(a[1], null);
            List<Value> out = new ArrayList<>();
            for (Value v : l.items()) if (Force.bool(Args.call(a[0], v), null)) out.add(v);
            return out.size() == l.size() ? l : NixList.wrap(out.toArray(new Value[0]));
        }

        /** {@code foldl'} */
        private Value builtinFoldlStrict(Value[] a) {
            Value f = Force.function(a[0], null);
            Value acc = a[1];
            NixList l = Force.list(a[2], null);
            if (l.size() == 0) return acc.force();
            for (Value v : l.items()) acc = Args.call(f, acc, v).force();
            return acc;
        }

        /** {@code length} */
        private Value builtinLength(Value[] a) {
            return NixInt.of(Force.list(a[0], null).size());
        }

        /** {@code head} */
        private Value builtinHead(Value[] a) {
            NixList l = Force.list(a[0], null);
            if (l.size() == 0) throw EvalException.error("'builtins.head' called on an empty list", null);
            return l.get(0).force();
        }

        /** {@code tail} */
        private Value builtinTail(Value[] a) {
            NixList l = Force.list(a[0], null);
            if (l.size() == 0) throw EvalException.error("'builtins.tail' called on an empty list", null);
            Value[] out = new Value[l.size() - 1];
            System.arraycopy(l.items(), 1, out, 0, out.length);
            return NixList.wrap(out);
        }

        /** {@code elemAt} */
        private Value builtinElemAt(Value[] a) {
            NixList l = Force.list(a[0], null);
            long n = Force.integer(a[1], null);
            if (n < 0 || n >= l.size()) {
                throw EvalException.error("'builtins.elemAt' called with index " + n + " on a list of size " + l.size(), null);
            }
            return l.get((int) n).force();
        }

        /** {@code elem} */
        private Value builtinElem(Value[] a) {
            for (Value v : Force.list(a[1], null).items()) if (Ops.equal(a[0], v, null)) return NixBool.TRUE;
            return NixBool.FALSE;
        }

        /** {@code genList} */
        private Value builtinGenList(Value[] a) {
            long n = Force.integer(a[1], null);
            if (n < 0) throw EvalException.error("cannot create list of size " + n, null);
            Value[] out = new Value[(int) n];
            for (int i = 0; i < n; i++) out[i] = Lazy.apply(a[0], NixInt.of(i));
            return NixList.wrap(out);
        }

        /** {@code concatLists} */
        private Value builtinConcatLists(Value[] a) {
            return concat(Force.list(a[0], null).items());
        }

        /** {@code concatMap} */
        private Value builtinConcatMap(Value[] a) {
            NixList l = Force.list(a[1], null);
            Value[] parts = new Value[l.size()];
            for (int i = 0; i < parts.length; i++) parts[i] = Args.call(a[0], l.get(i));
            return concat(parts);
        }

        /** {@code any} */
        private Value builtinAny(Value[] a) {
            for (Value v : Force.list(a[1], null).items()) if (Force.bool(Args.call(a[0], v), null)) return NixBool.TRUE;
            return NixBool.FALSE;
        }

        /** {@code all} */
        private Value builtinAll(Value[] a) {
            for (Value v : Force.list(a[1], null).items()) if (!Force.bool(Args.call(a[0], v), null)) return NixBool.FALSE;
            return NixBool.TRUE;
        }

        /** {@code sort} */
        private Value builtinSort(Value[] a) {
            Force.function(a[0], null);
            NixList l = Force.list(a[1], null);
            Value[] items = l.items().clone();
            mergeSort(items, a[0]);
            return NixList.wrap(items);
        }

        /** {@code partition} */
        private Value builtinPartition(Value[] a) {
            List<Value> right = new ArrayList<>();
            List<Value> wrong = new ArrayList<>();
            for (Value v : Force.list(a[1], null).items()) {
                (Force.bool(Args.call(a[0], v), null) ? right : wrong).add(v);
            }
            return new AttrsBuilder(2)
                    .put("right", NixList.wrap(right.toArray(new Value[0])))
                    .put("wrong", NixList.wrap(wrong.toArray(new Value[0])))
                    .build();
        }

        /** {@code groupBy} */
        private Value builtinGroupBy(Value[] a) {
            Map<String, List<Value>> groups = new LinkedHashMap<>();
            for (Value v : Force.list(a[1], null).items()) {
                String key = Force.plainString(Args.call(a[0], v), null);
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
            }
            AttrsBuilder b = new AttrsBuilder(groups.size());
            for (Map.Entry<String, List<Value>> e : groups.entrySet()) {
                b.put(e.getKey(), NixList.wrap(e.getValue().toArray(new Value[0])));
            }
            return b.build();
        }
    }
}

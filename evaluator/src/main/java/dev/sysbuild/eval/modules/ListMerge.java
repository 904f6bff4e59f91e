package dev.sysbuild.eval.modules;

import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Lazy;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The merge of {@code types.listOf elemType}: every element of every definition merged on its own
 * (at {@code loc ++ [ "[definition N-entry M]" ]}), the undefined ones (mkIf false) left out.
 * The same as the Nix function in {@code lib/types.nix} without its two closures, record and
 * location string per element; on an error the Nix function runs instead, for its messages.
 */
final class ListMerge {
    private ListMerge() {}

    /** helpers: { nix (elemType: loc: defs: ...); mergeDefinitions; }. */
    static Value merge(Value helpersValue, Value elemType, Value loc, Value defs) {
        NixAttrs helpers = Force.attrs(helpersValue, null);
        try {
            Value mergeDefinitions = helpers.get("mergeDefinitions");
            Value[] ds = ((NixList) defs.force()).items();
            List<Value> out = new ArrayList<>();
            for (int n = 0; n < ds.length; n++) {
                NixAttrs d = (NixAttrs) ds[n].force();
                Value file = d.get("file");
                Value pos = d.get("pos");
                if (file == null) throw new ClassCastException();
                Value[] vs = ((NixList) d.get("value").force()).items();
                for (int m = 0; m < vs.length; m++) {
                    Value one = NixList.wrap(new Value[] {Records.of(Records.FILE_POS_VALUE, file, pos == null ? NixNull.NULL : pos, vs[m])});
                    NixAttrs r = (NixAttrs) Calls.apply(Calls.apply(mergeDefinitions, entryLoc(loc, n + 1, m + 1), elemType, null), one, null).force();
                    if (r.get("isDefined").force() == NixBool.TRUE) out.add(new Thunk(new MergedValue(r), null));
                }
            }
            return NixList.wrap(out.toArray(new Value[0]));
        } catch (EvalException | ClassCastException | NullPointerException e) {
            return Calls.apply(Calls.apply(helpers.get("nix"), elemType, loc, null), defs, null).force();
        }
    }

    /** {@code loc ++ [ "[definition N-entry M]" ]}, made when an error or a submodule needs it. */
    private static Value entryLoc(Value loc, int n, int m) {
        return Lazy.of(() -> {
            Value[] prefix = Force.list(loc, null).items();
            Value[] path = new Value[prefix.length + 1];
            System.arraycopy(prefix, 0, path, 0, prefix.length);
            path[prefix.length] = NixString.of("[definition " + n + "-entry " + m + "]");
            return NixList.wrap(path);
        });
    }
}

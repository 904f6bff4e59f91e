package dev.sysbuild.eval.modules;

import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Lazy;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The merge of {@code types.attrsOf elemType}: the definitions of each attribute (with its
 * position) merged on their own at {@code loc ++ [ name ]}, the undefined ones (mkIf false) left
 * out. The same as the Nix function in {@code lib/types.nix} without its four closures and two
 * intermediate sets per attribute; on an error the Nix function runs instead, for its messages.
 */
final class AttrsMerge {
    private AttrsMerge() {}

    /** helpers: { nix (elemType: loc: defs: ...); mergeDefinitions; unsafeGetAttrPos; positioned (nameValuePair _ _); }. */
    static Value merge(Value helpersValue, Value elemType, Value loc, Value defs) {
        NixAttrs helpers = Force.attrs(helpersValue, null);
        try {
            Map<String, List<Value>> byKey = new TreeMap<>();
            for (Value dv : ((NixList) defs.force()).items()) {
                NixAttrs d = (NixAttrs) dv.force();
                Value file = d.get("file");
                NixAttrs value = (NixAttrs) d.get("value").force();
                if (file == null) throw new ClassCastException();
                for (int i = 0; i < value.size(); i++) {
                    Value pos = Lazy.apply(helpers.get("unsafeGetAttrPos"), NixString.of(value.name(i)), value);
                    byKey.computeIfAbsent(value.name(i), k -> new ArrayList<>(1))
                            .add(Records.of(Records.FILE_POS_VALUE, file, pos, value.value(i)));
                }
            }
            Value[] prefix = ((NixList) loc.force()).items();
            Value mergeDefinitions = helpers.get("mergeDefinitions");
            List<String> names = new ArrayList<>(byKey.size());
            List<Value> values = new ArrayList<>(byKey.size());
            for (Map.Entry<String, List<Value>> e : byKey.entrySet()) {
                Value[] path = new Value[prefix.length + 1];
                System.arraycopy(prefix, 0, path, 0, prefix.length);
                path[prefix.length] = NixString.of(e.getKey());
                Value ds = NixList.wrap(e.getValue().toArray(new Value[0]));
                NixAttrs r = (NixAttrs) Calls.apply(Calls.apply(mergeDefinitions, NixList.wrap(path), elemType, null), ds, null).force();
                if (r.get("isDefined").force() != NixBool.TRUE) continue;
                names.add(e.getKey());
                values.add(new Thunk(new MergedValue(r), null));
            }
            // Each attribute has the position the Nix function's filterAttrs gives it (listToAttrs
            // of nameValuePair: that function's `value`), so that errors and unsafeGetAttrPos are the same.
            Span at = Force.attrs(helpers.get("positioned"), null).positionOf("value");
            Span[] positions = new Span[names.size()];
            java.util.Arrays.fill(positions, at);
            return NixAttrs.sorted(names.toArray(new String[0]), values.toArray(new Value[0]), positions);
        } catch (EvalException | ClassCastException | NullPointerException e) {
            return Calls.apply(Calls.apply(helpers.get("nix"), elemType, loc, null), defs, null).force();
        }
    }
}

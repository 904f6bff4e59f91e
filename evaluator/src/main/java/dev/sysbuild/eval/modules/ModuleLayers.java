package dev.sysbuild.eval.modules;

import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The definition layers of evalModules in {@code lib/modules.nix}: {@code concatMap (m: pushDown
 * { inherit (m) file; pos = null; loc = prefix; } id m.config) (reverseList collected)}. A module's
 * config that is a plain set (nearly all: what every entry of an {@code attrsOf (submodule ...)}
 * defines) is its one layer {@code { attrs; file; wrap = id; }}, an mkMerge is spread here; an
 * mkIf or mkOverride goes to the Nix pushDown, which makes the wrapping functions.
 *
 * <p>On any error (a config that fails or is not a set) the result is null and the Nix expression
 * runs instead, from the Nix code, so its error and context lines are those without this path.
 */
final class ModuleLayers {
    static final String[] LAYER = {"attrs", "file", "wrap"};
    private static final String[] WHERE = {"file", "loc", "pos"};

    private ModuleLayers() {}

    /** helpers: { pushDown; id; }. The layers of the collected modules, last module first, or null. */
    static Value layers(Value helpersValue, Value prefix, Value collected) {
        NixAttrs helpers = Force.attrs(helpersValue, null);
        try {
            Value[] modules = ((NixList) collected.force()).items();
            List<Value> out = new ArrayList<>(modules.length + 4);
            for (int i = modules.length - 1; i >= 0; i--) {
                NixAttrs m = (NixAttrs) modules[i].force();
                Value file = m.get("file");
                Value config = m.get("config");
                if (file == null || config == null) return NixNull.NULL;
                spread(helpers, prefix, file, config, out);
            }
            return NixList.wrap(out.toArray(new Value[0]));
        } catch (EvalException | ClassCastException e) {
            return NixNull.NULL;
        }
    }

    /** pushDown where id cfg for a module's config, the mkMerge and plain cases here. */
    private static void spread(NixAttrs helpers, Value prefix, Value file, Value cfg, List<Value> out) {
        Value f = cfg.force();
        if (f instanceof NixAttrs a) {
            String t = propertyType(a);
            if (t == null) {
                out.add(Records.of(LAYER, a, file, helpers.get("id")));
                return;
            }
            if (t.equals("merge")) {
                Value contents = a.get("contents");
                if (contents == null) throw new ClassCastException();
                for (Value c : ((NixList) contents.force()).items()) spread(helpers, prefix, file, c, out);
                return;
            }
        }
        NixAttrs where = Records.of(WHERE, file, prefix, NixNull.NULL);
        Value pushed = Calls.apply(Calls.apply(helpers.get("pushDown"), where, helpers.get("id"), null), cfg, null);
        for (Value v : ((NixList) pushed.force()).items()) out.add(v);
    }

    /**
     * "merge", "if" or "override" for the properties pushDown takes apart, else null: the set is a
     * layer of its own, whatever else its {@code _type} is (as in pushDown).
     */
    static String propertyType(NixAttrs a) {
        Value t = a.get("_type");
        if (t == null) return null;
        if (t.force() instanceof NixString s
                && (s.value.equals("merge") || s.value.equals("if") || s.value.equals("override"))) {
            return s.value;
        }
        return null;
    }
}

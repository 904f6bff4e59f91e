package dev.sysbuild.eval.modules;

import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Lazy;
import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.Node;
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
 * {@code mergeLevel loc tree layers} of {@code lib/modules.nix}: one level of the option tree with
 * its definitions; {@code { config; options; unmatched; }}, every name lazy as there. Options get
 * their record from evalOptionValue, groups a level of their own (through pushDown, in Nix).
 *
 * <p>Any error in a field hands the field over to the Nix function's record (made once), which
 * evaluates again and fails in its own words, with its own context lines.
 */
final class Level {
    private static final String[] FIELDS = {"config", "options", "unmatched"};
    private static final int CONFIG = 0;
    private static final int OPTIONS = 1;
    private static final int UNMATCHED = 2;

    private final NixAttrs helpers;
    private final Value loc;
    private final Value tree;
    private final Value layers;
    private NixAttrs nix;
    private NixAttrs treeAttrs;
    private Map<String, List<NixAttrs>> defsByName;
    /** Per name of the tree: the option's record (NixAttrs) or the group's level record (NixAttrs). */
    private Value[] results;

    private Level(NixAttrs helpers, Value loc, Value tree, Value layers) {
        this.helpers = helpers;
        this.loc = loc;
        this.tree = tree;
        this.layers = layers;
    }

    /** helpers: { nix (mergeLevel); evalOptionValue; pushDown; id; unsafeGetAttrPos; }. */
    static Value record(Value helpersValue, Value loc, Value tree, Value layers) {
        return new Level(Force.attrs(helpersValue, null), loc, tree, layers).record();
    }

    private NixAttrs record() {
        Value[] values = new Value[FIELDS.length];
        for (int i = 0; i < values.length; i++) values[i] = new Thunk(new Field(this, i, -1), null);
        return Records.of(FIELDS, values);
    }

    /** A field of the record (name < 0), or one name's value in config or options. */
    private static final class Field extends Node {
        private final Level level;
        private final int field;
        private final int name;

        Field(Level level, int field, int name) {
            super(null);
            this.level = level;
            this.field = field;
            this.name = name;
        }

        @Override
        public Value eval(Env env) {
            return level.field(field, name);
        }
    }

    private Value field(int field, int name) {
        if (nix == null) {
            try {
                return compute(field, name);
            } catch (EvalException | ClassCastException | NullPointerException e) {
                // The Nix function below.
            }
        }
        if (nix == null) {
            nix = Force.attrs(Calls.apply(Calls.apply(helpers.get("nix"), loc, tree, null), layers, null), null);
        }
        Value v = nix.get(FIELDS[field]);
        if (name >= 0) v = Force.attrs(v, null).get(treeAttrs.name(name));
        return v.force();
    }

    private Value compute(int field, int name) {
        NixAttrs t = tree();
        if (name >= 0) {
            Value r = result(name);
            boolean option = isOption(name);
            if (field == CONFIG) return ((NixAttrs) r.force()).get(option ? "value" : "config").force();
            return option ? r.force() : ((NixAttrs) r.force()).get("options").force();
        }
        if (field == UNMATCHED) return unmatched();
        Value[] values = new Value[t.size()];
        for (int i = 0; i < values.length; i++) values[i] = new Thunk(new Field(this, field, i), null);
        return NixAttrs.sorted(t.names(), values, Records.noPositions(values.length));
    }

    private NixAttrs tree() {
        if (treeAttrs == null) {
            treeAttrs = (NixAttrs) tree.force();
            results = new Value[treeAttrs.size()];
        }
        return treeAttrs;
    }

    private boolean isOption(int i) {
        NixAttrs node = (NixAttrs) treeAttrs.value(i).force();
        Value b = node.get("isOption").force();
        if (b instanceof NixBool bool) return bool.value;
        throw new ClassCastException();
    }

    /** Per defined name: { file; wrap; raw; pos; } for each layer defining it, in layer order. */
    private Map<String, List<NixAttrs>> defsByName() {
        if (defsByName != null) return defsByName;
        Map<String, List<NixAttrs>> byName = new TreeMap<>();
        for (Value l : ((NixList) layers.force()).items()) {
            NixAttrs layer = (NixAttrs) l.force();
            Value file = layer.get("file");
            Value wrap = layer.get("wrap");
            NixAttrs attrs = (NixAttrs) layer.get("attrs").force();
            if (file == null || wrap == null) throw new ClassCastException();
            for (int i = 0; i < attrs.size(); i++) {
                Value pos = Lazy.apply(helpers.get("unsafeGetAttrPos"), NixString.of(attrs.name(i)), attrs);
                byName.computeIfAbsent(attrs.name(i), k -> new ArrayList<>(2)).add(
                        Records.of(Records.FILE_POS_RAW_WRAP, file, pos, attrs.value(i), wrap));
            }
        }
        defsByName = byName;
        return byName;
    }

    /** The option's record or the group's level, made once. */
    private Value result(int i) {
        if (results[i] != null) return results[i];
        String name = treeAttrs.name(i);
        List<NixAttrs> defs = defsByName().getOrDefault(name, List.of());
        Value[] prefix = ((NixList) loc.force()).items();
        Value[] path = new Value[prefix.length + 1];
        System.arraycopy(prefix, 0, path, 0, prefix.length);
        path[prefix.length] = NixString.of(name);
        NixList here = NixList.wrap(path);
        NixAttrs node = (NixAttrs) treeAttrs.value(i).force();
        Value r;
        if (isOption(i)) {
            Value id = helpers.get("id");
            Value[] ds = new Value[defs.size()];
            for (int k = 0; k < ds.length; k++) {
                NixAttrs d = defs.get(k);
                Value wrap = d.value(3);
                // `d.wrap d.raw`; the identity (plain definitions) is not called.
                Value value = wrap.force() == id.force() ? d.value(2) : Lazy.apply(wrap, d.value(2));
                ds[k] = Records.of(Records.FILE_POS_VALUE, d.value(0), d.value(1), value);
            }
            r = Calls.apply(Calls.apply(helpers.get("evalOptionValue"), here, node.get("option"), null), NixList.wrap(ds), null);
        } else {
            List<Value> below = new ArrayList<>();
            NixAttrs at = Records.of(Records.LOC, here);
            for (NixAttrs d : defs) {
                // pushDown of a plain set (no mkMerge/mkIf/mkOverride) is that set as the one layer.
                if (d.get("raw").force() instanceof NixAttrs raw && ModuleLayers.propertyType(raw) == null) {
                    below.add(Records.of(ModuleLayers.LAYER, raw, d.get("file"), d.get("wrap")));
                    continue;
                }
                Value pushed = Calls.apply(Calls.apply(helpers.get("pushDown"), d.update(at), d.get("wrap"), null), d.get("raw"), null);
                for (Value v : ((NixList) pushed.force()).items()) below.add(v);
            }
            r = new Level(helpers, here, node.get("children"), NixList.wrap(below.toArray(new Value[0]))).record();
        }
        results[i] = r;
        return r;
    }

    /** Definitions of names nobody declared, here and below: { path; file; pos; value; declared; }. */
    private Value unmatched() {
        NixAttrs t = tree();
        List<Value> out = new ArrayList<>();
        NixList declared = null;
        for (Map.Entry<String, List<NixAttrs>> e : defsByName().entrySet()) {
            if (t.get(e.getKey()) != null) continue;
            if (declared == null) {
                Value[] names = new Value[t.size()];
                for (int i = 0; i < names.length; i++) names[i] = NixString.of(t.name(i));
                declared = NixList.wrap(names);
            }
            NixList path = NixList.wrap(new Value[] {NixString.of(e.getKey())});
            for (NixAttrs d : e.getValue()) {
                out.add(Records.of(Records.UNMATCHED, declared, d.get("file"), path, d.get("pos"),
                        Lazy.apply(d.get("wrap"), d.get("raw"))));
            }
        }
        for (int i = 0; i < t.size(); i++) {
            if (isOption(i)) continue;
            NixAttrs below = (NixAttrs) result(i).force();
            Value[] us = ((NixList) below.get("unmatched").force()).items();
            NixString name = NixString.of(t.name(i));
            for (Value u : us) {
                NixAttrs ua = (NixAttrs) u.force();
                Value[] rest = ((NixList) ua.get("path").force()).items();
                Value[] path = new Value[rest.length + 1];
                path[0] = name;
                System.arraycopy(rest, 0, path, 1, rest.length);
                out.add(ua.update(Records.of(Records.PATH, NixList.wrap(path))));
            }
        }
        return NixList.wrap(out.toArray(new Value[0]));
    }
}

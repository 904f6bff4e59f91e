package dev.sysbuild.eval.modules;

import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Lazy;
import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.Node;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code mergeDeclarations loc sources} of {@code lib/modules.nix}: one level of the option tree,
 * each name's declarations gathered from every module. A name declared once, by an option (nearly
 * every one), becomes its node here, with the declaration's one-declaration merge; anything else
 * (groups of options, several declarations) and every error goes to the Nix functions.
 */
final class Declarations {
    private static final NixString OPTION = NixString.of("option");
    private static final String[] NODE = {"isOption", "option"};
    private static final String[] DECLARED = {"_type", "declarationPositions", "declarations", "type"};

    private Declarations() {}

    /** helpers: { nix (mergeDeclarations); node (declarationNode); optionDecls (mergeOptionDecls); unspecified; unsafeGetAttrPos; }. */
    static Value level(Value helpersValue, Value loc, Value sources) {
        NixAttrs helpers = (NixAttrs) helpersValue.force();
        try {
            Value[] prefix = ((NixList) loc.force()).items();
            TreeMap<String, List<Value>> byName = new TreeMap<>();
            for (Value s : ((NixList) sources.force()).items()) {
                NixAttrs source = (NixAttrs) s.force();
                Value file = source.get("file");
                NixAttrs attrs = (NixAttrs) source.get("attrs").force();
                if (file == null) throw new ClassCastException();
                for (int i = 0; i < attrs.size(); i++) {
                    NixString name = NixString.of(attrs.name(i));
                    Value pos = Lazy.apply(helpers.get("unsafeGetAttrPos"), name, attrs);
                    byName.computeIfAbsent(attrs.name(i), k -> new ArrayList<>(1)).add(
                            Records.of(Records.FILE_POS_VALUE, file, pos, attrs.value(i)));
                }
            }
            String[] names = byName.keySet().toArray(new String[0]);
            Value[] nodes = new Value[names.length];
            int k = 0;
            for (List<Value> ds : byName.values()) {
                Value[] path = new Value[prefix.length + 1];
                System.arraycopy(prefix, 0, path, 0, prefix.length);
                path[prefix.length] = NixString.of(names[k]);
                nodes[k++] = new Thunk(new DeclarationNode(helpers, NixList.wrap(path), NixList.wrap(ds.toArray(new Value[0]))), null);
            }
            return NixAttrs.sorted(names, nodes, Records.noPositions(names.length));
        } catch (EvalException | ClassCastException | NullPointerException e) {
            // Not the usual shape, or failing: the Nix function, with its own errors.
            return Calls.apply(Calls.apply(helpers.get("nix"), loc, null), sources, null).force();
        }
    }

    /** declarationNode loc ds: for one option declaration, { isOption = true; option = ...; }. */
    private static final class DeclarationNode extends Node {
        private final NixAttrs helpers;
        private final NixList loc;
        private final NixList ds;

        DeclarationNode(NixAttrs helpers, NixList loc, NixList ds) {
            super(null);
            this.helpers = helpers;
            this.loc = loc;
            this.ds = ds;
        }

        @Override
        public Value eval(Env env) {
            if (ds.size() == 1) {
                try {
                    NixAttrs d = (NixAttrs) ds.get(0);
                    if (d.get("value").force() instanceof NixAttrs v && isOption(v)) {
                        return Records.of(NODE, dev.sysbuild.eval.value.NixBool.TRUE,
                                new Thunk(new OptionDecl(helpers, loc, ds, d, v), null));
                    }
                } catch (EvalException e) {
                    // The Nix function fails in its own words.
                }
            }
            return Calls.apply(helpers.get("node"), loc, ds, null).force();
        }
    }

    private static boolean isOption(NixAttrs v) {
        Value t = v.get("_type");
        return t != null && t.force() instanceof NixString s && s.value.equals(OPTION.value);
    }

    /**
     * mergeOptionDecls for one declaration: {@code builtins.seq (d.value.type or null) d.value //
     * { _type = "option"; declarations = [ d.file ]; type = ...; declarationPositions = ...; }}.
     */
    private static final class OptionDecl extends Node {
        private final NixAttrs helpers;
        private final NixList loc;
        private final NixList ds;
        private final NixAttrs d;
        private final NixAttrs v;

        OptionDecl(NixAttrs helpers, NixList loc, NixList ds, NixAttrs d, NixAttrs v) {
            super(null);
            this.helpers = helpers;
            this.loc = loc;
            this.ds = ds;
            this.d = d;
            this.v = v;
        }

        @Override
        public Value eval(Env env) {
            Value type = v.get("type");
            if (type != null) {
                try {
                    type.force();
                } catch (EvalException e) {
                    return Calls.apply(helpers.get("optionDecls"), loc, ds, null).force();
                }
            }
            Value pos = d.get("pos");
            Value positions = Lazy.of(() -> pos.force() == NixNull.NULL ? NixList.EMPTY : NixList.wrap(new Value[] {pos}));
            return v.update(Records.of(DECLARED, OPTION, positions, NixList.wrap(new Value[] {d.get("file")}),
                    type != null ? type : helpers.get("unspecified")));
        }
    }
}

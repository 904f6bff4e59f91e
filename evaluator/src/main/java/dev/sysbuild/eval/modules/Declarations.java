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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * helpers: { nix (mergeDeclarations); node (declarationNode); optionDecls (mergeOptionDecls); unspecified; unsafeGetAttrPos; }.
     * {@code shared}: the option declarations already merged in this evaluation, for reuse.
     */
    static Value level(Shared shared, Value helpersValue, Value loc, Value sources) {
        NixAttrs helpers = (NixAttrs) helpersValue.force();
        try {
            Value[] prefix = ((NixList) loc.force()).items();
            TreeMap<String, List<Declared>> byName = new TreeMap<>();
            for (Value s : ((NixList) sources.force()).items()) {
                NixAttrs source = (NixAttrs) s.force();
                Value file = source.get("file");
                NixAttrs attrs = (NixAttrs) source.get("attrs").force();
                if (file == null) throw new ClassCastException();
                for (int i = 0; i < attrs.size(); i++) {
                    byName.computeIfAbsent(attrs.name(i), k -> new ArrayList<>(1)).add(new Declared(file, attrs, i));
                }
            }
            String[] names = byName.keySet().toArray(new String[0]);
            Value[] nodes = new Value[names.length];
            int k = 0;
            for (List<Declared> ds : byName.values()) {
                Value[] path = new Value[prefix.length + 1];
                System.arraycopy(prefix, 0, path, 0, prefix.length);
                path[prefix.length] = NixString.of(names[k]);
                NixList here = NixList.wrap(path);
                DeclarationNode own = new DeclarationNode(helpers, here, ds);
                nodes[k++] = ds.size() == 1 ? shared.node(ds.get(0), own) : new Thunk(own, null);
            }
            return NixAttrs.sorted(names, nodes, Records.noPositions(names.length));
        } catch (EvalException | ClassCastException | NullPointerException e) {
            // Not the usual shape, or failing: the Nix function, with its own errors.
            return Calls.apply(Calls.apply(helpers.get("nix"), loc, null), sources, null).force();
        }
    }

    /** One declaration of a name: the {@code i}th attribute of a module's {@code options} set. */
    record Declared(Value file, NixAttrs attrs, int i) {
        Value value() {
            return attrs.value(i);
        }

        /** { file; pos; value; } as the Nix functions take it. */
        NixAttrs record(NixAttrs helpers) {
            Value pos = Lazy.apply(helpers.get("unsafeGetAttrPos"), NixString.of(attrs.name(i)), attrs);
            return Records.of(Records.FILE_POS_VALUE, file, pos, value());
        }

        static NixList records(List<Declared> ds, NixAttrs helpers) {
            Value[] out = new Value[ds.size()];
            for (int j = 0; j < out.length; j++) out[j] = ds.get(j).record(helpers);
            return NixList.wrap(out);
        }
    }

    /**
     * Option declarations merged once and used by every submodule entry that declares them. The
     * entries of one {@code attrsOf (submodule ...)} type declare the same option values (the
     * same objects, when the submodule's {@code options} set is not made per entry), and the
     * merged declaration (the value with {@code _type}, {@code declarations},
     * {@code declarationPositions}, {@code type}) does not depend on the entry's location, so it
     * is made once. An entry takes it only when the first entry's node was an option merged by
     * the fast path, from the same attribute of the same {@code options} set (so the same
     * declaration position) in a file of the same name; anything else (a group, an error) the
     * entry computes itself, with its own location.
     */
    static final class Shared {
        private record First(Declared declared, DeclarationNode node, Thunk thunk) {}

        private final Map<Value, First> byValue = new IdentityHashMap<>();

        /** The node of {@code d}'s name: {@code own}, or one that reuses an earlier merge of {@code d}'s value. */
        Thunk node(Declared d, DeclarationNode own) {
            First first = byValue.get(d.value());
            if (first == null) {
                Thunk t = new Thunk(own, null);
                byValue.put(d.value(), new First(d, own, t));
                return t;
            }
            // The same value in another set (a let-bound option bound under two names, or at
            // two places) has another declaration position: not shared.
            if (first.declared().attrs() != d.attrs() || first.declared().i() != d.i()) return new Thunk(own, null);
            return new Thunk(new Reused(first, d, own), null);
        }

        /** The file's name, or null if it is not a plain string. */
        private static String fileName(Value file) {
            return file.force() instanceof NixString s && !s.hasContext() ? s.value : null;
        }
    }

    /** An entry's node taken from the first entry's merge of the same declaration, if it was an option. */
    private static final class Reused extends Node {
        private final Shared.First first;
        private final Declared d;
        private final DeclarationNode own;

        Reused(Shared.First first, Declared d, DeclarationNode own) {
            super(null);
            this.first = first;
            this.d = d;
            this.own = own;
        }

        @Override
        public Value eval(Env env) {
            try {
                first.thunk().force();
                Thunk option = first.node().option;
                String file = Shared.fileName(d.file());
                if (option != null && file != null && file.equals(Shared.fileName(first.declared().file()))) {
                    // Forced here (the first entry's use forced it already): an error in it is
                    // this entry's own, below, not one naming the first entry's location.
                    option.force();
                    return Records.of(NODE, dev.sysbuild.eval.value.NixBool.TRUE, option);
                }
            } catch (EvalException e) {
                // this entry's own node says what is wrong, with its own location
            }
            return own.eval(env);
        }
    }

    /** declarationNode loc ds: for one option declaration, { isOption = true; option = ...; }. */
    private static final class DeclarationNode extends Node {
        private final NixAttrs helpers;
        private final NixList loc;
        private final List<Declared> declared;
        /** The merged option, once the fast path made it (what other entries may reuse). */
        private Thunk option;

        DeclarationNode(NixAttrs helpers, NixList loc, List<Declared> declared) {
            super(null);
            this.helpers = helpers;
            this.loc = loc;
            this.declared = declared;
        }

        @Override
        public Value eval(Env env) {
            NixList ds = Declared.records(declared, helpers);
            if (declared.size() == 1) {
                try {
                    NixAttrs d = (NixAttrs) ds.get(0);
                    if (d.get("value").force() instanceof NixAttrs v && isOption(v)) {
                        option = new Thunk(new OptionDecl(helpers, loc, ds, d, v), null);
                        return Records.of(NODE, dev.sysbuild.eval.value.NixBool.TRUE, option);
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

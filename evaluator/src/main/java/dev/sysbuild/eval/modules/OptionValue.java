package dev.sysbuild.eval.modules;

import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Lazy;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/**
 * {@code evalOptionValue loc opt defs} of {@code lib/modules.nix}: the option's declaration with
 * its value and what the definitions were ({@code value loc isDefined highestPrio definitions
 * definitionsWithLocations files definitionPositions __toString}), each field lazy as there.
 *
 * <p>One object holds what the fields share (the definitions with the default's, the merge),
 * instead of the Nix function's scope of a dozen thunks per option, which every entry of an
 * {@code attrsOf (submodule ...)} keeps alive until all its options are read. On an error the
 * fields hand over to the Nix function, as {@link MergedDefinitions} does; the value's error
 * gets the same "while evaluating the option" context as there.
 */
final class OptionValue implements LazyField.Owner {
    private static final String[] FIELDS = {"value", "isDefined", "highestPrio", "definitions",
            "definitionsWithLocations", "files", "definitionPositions"};
    private static final NixString OVERRIDE = NixString.of("override");
    private static final NixInt OPTION_DEFAULT = NixInt.of(1500);
    private static final NixString DEFAULT = NixString.of("default");

    /** Not handled here: the Nix function decides. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private final NixAttrs helpers;
    private final Value loc;
    private final NixAttrs opt;
    private final Value defs;
    private NixAttrs res;
    private NixAttrs nix;

    private OptionValue(NixAttrs helpers, Value loc, NixAttrs opt, Value defs) {
        this.helpers = helpers;
        this.loc = loc;
        this.opt = opt;
        this.defs = defs;
    }

    /** helpers: { nix (evalOptionValue in Nix); mergeDefinitions; showOption; toStringOf; unsafeGetAttrPos; }. */
    static Value record(Value helpersValue, Value loc, Value optValue, Value defs) {
        NixAttrs helpers = Force.attrs(helpersValue, null);
        NixAttrs opt = Force.attrs(optValue, null);
        OptionValue o = new OptionValue(helpers, loc, opt, defs);
        AttrsBuilder b = new AttrsBuilder(FIELDS.length + 2);
        for (int i = 0; i < FIELDS.length; i++) b.put(FIELDS[i], LazyField.of(o, i));
        b.put("loc", loc);
        // A Nix function (`_: showOption loc`), so that it prints as the Nix code's does; made when
        // first asked for (hardly ever: only "${options.a.b}"), not for each of the ~50,000 options.
        b.put("__toString", Lazy.apply(helpers.get("toStringOf"), loc));
        return opt.update(b.build());
    }

    @Override
    public Value field(int field) {
        if (nix == null) {
            try {
                return compute(field);
            } catch (Unsupported e) {
                // The Nix function below.
            } catch (EvalException e) {
                // The value's own errors (a definition's, the type's merge) are the Nix function's
                // too, with this context; infinite recursion gets its position from the Nix code.
                if (field != 0 || e.kind() == EvalException.Kind.INFINITE_RECURSION || e.span() == null) {
                    // The Nix function below.
                } else {
                    String shown = Force.plainString(Calls.apply(helpers.get("showOption"), loc, null), null);
                    throw e.addFrame("while evaluating the option `" + shown + "':", null);
                }
            }
        }
        if (nix == null) nix = Force.attrs(Calls.apply(Calls.apply(helpers.get("nix"), loc, opt, null), defs, null), null);
        return nix.get(FIELDS[field]).force();
    }

    private Value compute(int field) {
        NixAttrs r = res();
        switch (field) {
            case 0: {
                // `apply` is left to the Nix code: its call's frame is placed (and shown) as there.
                Value apply = opt.get("apply");
                if (apply != null && apply.force() != NixNull.NULL) throw new Unsupported();
                return r.get("mergedValue").force();
            }
            case 1: return r.get("isDefined").force();
            case 2: return r.get("highestPrio").force();
            default: break;
        }
        Value[] ds = ((NixList) r.get("defsFinal").force()).items();
        Value[] out = new Value[ds.length];
        for (int i = 0; i < ds.length; i++) {
            NixAttrs d = (NixAttrs) ds[i].force();
            switch (field) {
                case 3: out[i] = need(d, "value"); break;
                case 4: out[i] = Records.of(Records.FILE_VALUE, need(d, "file"), need(d, "value")); break;
                case 5: out[i] = need(d, "file"); break;
                default: {
                    Value pos = d.get("pos");
                    out[i] = pos == null ? NixNull.NULL : pos;
                }
            }
        }
        return NixList.wrap(out);
    }

    /** mergeDefinitions loc opt.type (the default as mkOptionDefault, then defs); read-only checked. */
    private NixAttrs res() {
        if (res != null) return res;
        Value type = opt.get("type");
        if (type == null) throw new Unsupported();
        Value all = defs;
        Value dflt = opt.get("default");
        if (dflt != null) {
            Value[] given = Force.list(defs, null).items();
            Value[] with = new Value[given.length + 1];
            with[0] = defaultDef(dflt);
            System.arraycopy(given, 0, with, 1, given.length);
            all = NixList.wrap(with);
        }
        Value readOnly = opt.get("readOnly");
        if (readOnly != null && readOnly.force() == NixBool.TRUE && Force.list(all, null).size() > 1) throw new Unsupported();
        Value mergeDefinitions = helpers.get("mergeDefinitions");
        res = Force.attrs(Calls.apply(Calls.apply(mergeDefinitions, loc, type, null), all, null), null);
        return res;
    }

    /** { file = head opt.declarations; pos = unsafeGetAttrPos "default" opt; value = mkOverride 1500 opt.default; }. */
    private NixAttrs defaultDef(Value dflt) {
        Value declarations = opt.get("declarations");
        if (declarations == null) throw new Unsupported();
        NixList ds = Force.list(declarations, null);
        if (ds.size() == 0) throw new Unsupported();
        NixAttrs value = Records.of(Records.OVERRIDE, OVERRIDE, dflt, OPTION_DEFAULT);
        return Records.of(Records.FILE_POS_VALUE, ds.get(0), Lazy.apply(helpers.get("unsafeGetAttrPos"), DEFAULT, opt), value);
    }

    private static Value need(NixAttrs d, String name) {
        Value v = d.get(name);
        if (v == null) throw new Unsupported();
        return v;
    }
}

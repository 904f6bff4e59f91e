package dev.sysbuild.eval.modules;

import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mergeDefinitions loc type defs} of {@code lib/modules.nix}: the definitions of one
 * option with mkMerge spread, mkIf decided, the best mkOverride priority kept, sorted by mkOrder,
 * checked and merged by the type. The record has the Nix function's fields
 * ({@code defsFinal isDefined highestPrio mergedValue optionalValue}), each lazy as there.
 *
 * <p>Whenever the Java path meets an error (a definition that throws, a failed check, an option
 * without definitions, an mkIf condition that is not a Boolean, a priority that is not an
 * integer), the record switches to the Nix function's result for that field and every later one:
 * the Nix code then fails the same way with its own message, positions and context. Failed
 * thunks are reset when an error passes them, so evaluating again repeats the same error.
 */
final class MergedDefinitions implements LazyField.Owner {
    private static final Value DEFAULT_PRIO = NixInt.of(100);
    private static final Value DEFAULT_ORDER = NixInt.of(1000);
    private static final String[] FIELDS = {"defsFinal", "highestPrio", "isDefined", "mergedValue", "optionalValue"};

    /** Not handled here: the Nix function decides. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private final Value nixFunction;
    /** lib.options.mergeEqualOption (the merge of every scalar type), or null. */
    private final Value mergeEqualOption;
    private final Value loc;
    private final Value type;
    private final Value defs;
    /** The Nix function's record, once the Java path gave up. */
    private NixAttrs nix;
    private NixList defsFinal;
    private long highestPrio;

    private MergedDefinitions(Value nixFunction, Value mergeEqualOption, Value loc, Value type, Value defs) {
        this.nixFunction = nixFunction;
        this.mergeEqualOption = mergeEqualOption;
        this.loc = loc;
        this.type = type;
        this.defs = defs;
    }

    /** helpers: { nix (mergeDefinitions in Nix); mergeEqualOption; }. The record, its fields unevaluated. */
    static NixAttrs record(Value helpersValue, Value loc, Value type, Value defs) {
        NixAttrs helpers = (NixAttrs) helpersValue.force();
        MergedDefinitions m = new MergedDefinitions(helpers.get("nix"), helpers.get("mergeEqualOption"), loc, type, defs);
        Value[] values = new Value[FIELDS.length];
        for (int i = 0; i < values.length; i++) values[i] = LazyField.of(m, i);
        return Records.of(FIELDS, values);
    }

    @Override
    public Value field(int field) {
        if (nix == null) {
            try {
                return compute(field);
            } catch (EvalException | Unsupported e) {
                // Below: the Nix function fails (or not) in its own words.
            }
        }
        if (nix == null) {
            nix = (NixAttrs) Calls.apply(Calls.apply(nixFunction, loc, type, null), defs, null).force();
        }
        return nix.get(FIELDS[field]).force();
    }

    private Value compute(int field) {
        if (defsFinal == null) discharge();
        switch (FIELDS[field]) {
            case "defsFinal": return defsFinal;
            case "highestPrio": return NixInt.of(highestPrio);
            case "isDefined": return NixBool.of(defsFinal.size() > 0);
            case "optionalValue":
                if (defsFinal.size() == 0) return NixAttrs.EMPTY;
                return Records.of(Records.VALUE, LazyField.of(this, 3));
            default: return merged();
        }
    }

    /** The type's check on every definition, then its merge. */
    private Value merged() {
        if (defsFinal.size() == 0) throw new Unsupported();
        NixAttrs t = attrs(type);
        Value check = t.get("check");
        Value merge = t.get("merge");
        if (check == null || merge == null) throw new Unsupported();
        for (Value d : defsFinal.items()) {
            Value ok = Calls.apply(check, ((NixAttrs) d).get("value"), null).force();
            if (ok != NixBool.TRUE) throw new Unsupported();
        }
        // mergeEqualOption of one definition is its value (the fold over the others has nothing to compare).
        if (defsFinal.size() == 1 && mergeEqualOption != null && merge.force() == mergeEqualOption.force()) {
            return ((NixAttrs) defsFinal.get(0)).get("value").force();
        }
        return Calls.apply(merge, loc, defsFinal, null).force();
    }

    /** All definitions discharged, the best priority's kept, sorted by order when any has one. */
    private void discharge() {
        List<NixAttrs> all = new ArrayList<>();
        for (Value d : list(defs).items()) {
            NixAttrs def = attrs(d);
            Value v = def.get("value");
            if (v == null) throw new Unsupported();
            discharge(def, null, null, v, all);
        }
        long best = 9999;
        for (NixAttrs d : all) best = Math.min(best, integer(d.get("prio")));
        List<NixAttrs> kept = new ArrayList<>(all.size());
        boolean ordered = false;
        for (NixAttrs d : all) {
            if (integer(d.get("prio")) != best) continue;
            kept.add(d);
            if (integer(d.get("order")) != 1000) ordered = true;
        }
        if (ordered) kept.sort((a, b) -> Long.compare(integer(a.get("order")), integer(b.get("order"))));
        highestPrio = best;
        defsFinal = NixList.wrap(kept.toArray(new Value[0]));
    }

    private void discharge(NixAttrs def, Value prio, Value order, Value v, List<NixAttrs> out) {
        Value f = v.force();
        if (f instanceof NixAttrs a) {
            Value t = a.get("_type");
            if (t != null && t.force() instanceof NixString s) {
                switch (s.value) {
                    case "merge":
                        for (Value c : list(field(a, "contents")).items()) discharge(def, prio, order, c, out);
                        return;
                    case "if":
                        Value cond = field(a, "condition").force();
                        if (cond == NixBool.TRUE) discharge(def, prio, order, field(a, "content"), out);
                        else if (cond != NixBool.FALSE) throw new Unsupported();
                        return;
                    case "override":
                        discharge(def, unset(prio) ? field(a, "priority") : prio, order, field(a, "content"), out);
                        return;
                    case "order":
                        discharge(def, prio, unset(order) ? field(a, "priority") : order, field(a, "content"), out);
                        return;
                    default:
                        break;
                }
            }
        }
        Value p = unset(prio) ? DEFAULT_PRIO : prio;
        Value o = unset(order) ? DEFAULT_ORDER : order;
        // The definitions the module system makes are { file; pos; value; }: that set with two more.
        if (java.util.Arrays.equals(def.names(), Records.FILE_POS_VALUE)) {
            out.add(Records.of(Records.FILE_ORDER_POS_PRIO_VALUE, def.value(0), o, def.value(1), p, v));
        } else {
            out.add(def.update(Records.of(Records.ORDER_PRIO_VALUE, o, p, v)));
        }
    }

    /** No priority yet: discharge's {@code prio == null} (the outermost mkOverride/mkOrder counts). */
    private static boolean unset(Value priority) {
        return priority == null || priority.force() == NixNull.NULL;
    }

    private static Value field(NixAttrs a, String name) {
        Value v = a.get(name);
        if (v == null) throw new Unsupported();
        return v;
    }

    private static NixAttrs attrs(Value v) {
        if (v.force() instanceof NixAttrs a) return a;
        throw new Unsupported();
    }

    private static NixList list(Value v) {
        if (v.force() instanceof NixList l) return l;
        throw new Unsupported();
    }

    private static long integer(Value v) {
        if (v.force() instanceof NixInt i) return i.value;
        throw new Unsupported();
    }
}

package dev.sysbuild.eval.modules;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.ParseException;
import dev.sysbuild.language.diag.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code collectModules args modules} of {@code lib/modules.nix}: every module, loaded
 * ({@link LoadedModule}), breadth first as {@code genericClosure} walks them (the list given, then
 * each accepted module's imports in order), a key seen before skipped; then, if any module names
 * {@code disabledModules}, the same walk again without the disabled keys (so what only they
 * imported goes too). The second walk reuses the modules the first one loaded: the Nix function
 * loads them again, with the same results.
 *
 * <p>Each evalModules (every entry of an {@code attrsOf (submodule ...)}) collects its half a
 * dozen modules; in Nix that was some fifteen calls per module. Any error, and any shape
 * {@link LoadedModule} does not handle, hands the whole collection to the Nix function, which
 * loads everything again and fails (or not) in its own words: the walk may evaluate more than the
 * Nix function would (every {@code disabledModules} entry, for one), but only ever what that
 * function could reach, and nothing of it is kept when it gives up.
 */
final class ModuleClosure implements LoadedModule.Context {
    private final NixAttrs helpers;
    private final Value argsValue;
    private NixAttrs args;
    private LoadedModule[] roots;
    private Span[] positions;

    private ModuleClosure(NixAttrs helpers, Value argsValue) {
        this.helpers = helpers;
        this.argsValue = argsValue;
    }

    /**
     * helpers: { loadAttrs; moduleArg; unknownFile; importModule; record; }. The list, or null where the Nix
     * function (collectModulesNix) is to decide: it is called from the Nix code, so that the
     * context lines of its errors are those it has without the fast path.
     */
    static Value collect(Value helpersValue, Value args, Value modules) {
        NixAttrs helpers = Force.attrs(helpersValue, null);
        try {
            return new ModuleClosure(helpers, args).collect(modules);
        } catch (EvalException | ParseException | LoadedModule.Unhandled | ClassCastException e) {
            return NixNull.NULL;
        }
    }

    @Override
    public NixAttrs helpers() {
        return helpers;
    }

    @Override
    public NixAttrs args() {
        if (args == null) args = Force.attrs(argsValue, null);
        return args;
    }

    @Override
    public Value argsValue() {
        return argsValue;
    }

    /** Those of helpers.record (loadAttrs of an empty module), shared by every record; none if it has other names. */
    @Override
    public Span[] recordPositions() {
        if (positions == null) {
            Value record = helpers.get("record");
            NixAttrs template = record == null ? NixAttrs.EMPTY : Force.attrs(record, null);
            positions = java.util.Arrays.equals(template.names(), LoadedModule.FIELDS)
                    ? template.positions() : Records.noPositions(LoadedModule.FIELDS.length);
        }
        return positions;
    }

    private Value collect(Value modules) {
        roots = new LoadedModule[((NixList) modules.force()).size()];
        List<LoadedModule> all = walk(modules, null);
        Set<String> disabled = new HashSet<>();
        for (LoadedModule e : all) {
            for (Value d : ((NixList) e.disabledModules.force()).items()) disabled.add(disabledKey(d));
        }
        List<LoadedModule> kept = disabled.isEmpty() ? all : walk(modules, disabled);
        Value[] out = new Value[kept.size()];
        for (int i = 0; i < out.length; i++) out[i] = kept.get(i).record;
        return NixList.wrap(out);
    }

    /** genericClosure over the modules and their imports, without the disabled keys (if any). */
    private List<LoadedModule> walk(Value modules, Set<String> disabled) {
        Value[] given = ((NixList) modules.force()).items();
        ArrayDeque<Slot> work = new ArrayDeque<>();
        for (int i = 0; i < given.length; i++) work.add(new Slot(null, i, given[i]));
        Set<String> seen = new HashSet<>();
        List<LoadedModule> done = new ArrayList<>();
        Value unknownFile = helpers.get("unknownFile");
        while (!work.isEmpty()) {
            // Loaded when taken from the queue, as genericClosure forces each key in turn.
            Slot slot = work.removeFirst();
            int i = slot.index;
            LoadedModule e;
            if (slot.parent != null) {
                e = slot.parent.child(i);
            } else {
                if (roots[i] == null) roots[i] = LoadedModule.load(this, unknownFile, NixString.of(":anon-" + (i + 1)), slot.module);
                e = roots[i];
            }
            if (disabled != null && disabled.contains(e.key.value)) continue;
            if (!seen.add(e.key.value)) continue;
            done.add(e);
            for (int k = 0; k < e.children.length; k++) work.add(new Slot(e, k, null));
        }
        return done;
    }

    /** A module the walk reaches: import number index of parent, or (parent null) the given module number index. */
    private record Slot(LoadedModule parent, int index, Value module) {}

    /** disabledKey: a set's key, a path, or a string (a key, or a path written as one). */
    private static String disabledKey(Value d) {
        Value f = d.force();
        if (f instanceof NixAttrs a && a.get("key") != null) {
            Value key = a.get("key").force();
            if (key instanceof NixString s) return s.value;
            if (key instanceof NixPath p) return p.path;
            throw new LoadedModule.Unhandled();
        }
        if (f instanceof NixPath p) return p.path;
        if (f instanceof NixString s) return s.value;
        throw new LoadedModule.Unhandled();
    }
}

package dev.sysbuild.cli;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.util.ArrayList;
import java.util.List;

/**
 * The derivations a {@code build FILE} names, as nix-build finds them: the value (or each
 * {@code -A} attribute of it) is a derivation, or a list or attribute set whose members are
 * derivations, or lists and sets of them one level further down. Members of a set that are not
 * derivations are passed over, as nix-build does; a top value that has none is an error.
 */
final class BuildTargets {
    /** One thing to build and link: a derivation and the output its value selects. */
    record Target(StorePath drvPath, String output, StorePath outPath) {}

    private BuildTargets() {}

    static List<Target> of(Evaluator ev, String file, List<String> attrPaths) {
        Value v = EvalCommand.autoCall(ev.importFile(file).force(), new AttrsBuilder().build());
        List<Value> roots = new ArrayList<>();
        if (attrPaths.isEmpty()) {
            roots.add(v);
        } else {
            for (String path : attrPaths) roots.add(EvalCommand.autoCall(EvalCommand.select(v, path), new AttrsBuilder().build()));
        }
        List<Target> targets = new ArrayList<>();
        for (Value r : roots) collect(ev.store().storeDir(), r, 0, targets);
        if (targets.isEmpty()) {
            throw EvalException.error("the expression does not evaluate to a derivation (or a set or list of those)", null);
        }
        return targets;
    }

    /** The one derivation {@code v} must be (the system toplevel). */
    static List<Target> ofValue(Evaluator ev, Value v) {
        List<Target> targets = new ArrayList<>();
        collect(ev.store().storeDir(), v, 0, targets);
        if (targets.size() != 1) throw EvalException.error("the system toplevel is not a derivation", null);
        return targets;
    }

    private static void collect(StoreDir dir, Value v, int depth, List<Target> out) {
        Value f = v.force();
        if (f instanceof NixAttrs a && a.isDerivation()) {
            String drvPath = Force.string(a.get("drvPath"), null).value;
            Value outputName = a.get("outputName");
            String output = outputName == null ? "out" : Force.string(outputName, null).value;
            String outPath = Force.string(a.get("outPath"), null).value;
            out.add(new Target(dir.parse(drvPath), output, dir.parse(outPath)));
        } else if (depth < 2 && f instanceof NixList l) {
            for (int i = 0; i < l.size(); i++) collect(dir, l.get(i), depth + 1, out);
        } else if (depth < 2 && f instanceof NixAttrs a) {
            for (String name : a.names()) collect(dir, a.get(name), depth + 1, out);
        }
    }
}

package dev.sysbuild.eval.modules;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.Node;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.Value;

/**
 * {@code r.mergedValue} of one element's merge result, as the Nix merges of {@code listOf} and
 * {@code attrsOf} get it ({@code map (r: r.mergedValue)}, {@code mapAttrs (_: r: r.mergedValue)}):
 * an error gets that anonymous function's frame, as it would from the Nix function.
 */
final class MergedValue extends Node {
    private final NixAttrs r;

    MergedValue(NixAttrs r) {
        super(null);
        this.r = r;
    }

    @Override
    public Value eval(Env env) {
        try {
            return r.get("mergedValue").force();
        } catch (EvalException e) {
            throw e.addFrame("while calling anonymous function", null);
        }
    }
}

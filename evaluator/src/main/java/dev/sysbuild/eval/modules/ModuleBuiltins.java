package dev.sysbuild.eval.modules;

import dev.sysbuild.eval.value.PrimOp;
import dev.sysbuild.eval.value.Value;
import java.util.Map;

/**
 * The module system's fast paths as top-level names for {@code lib/modules.nix}. They are not
 * in the {@code builtins} set: they are not Nix builtins, only helpers of the bundled library.
 */
public final class ModuleBuiltins {
    private ModuleBuiltins() {}

    /** The fast paths of one evaluator (they may keep what they merged for its later calls). */
    public static Map<String, Value> globals() {
        Declarations.Shared declarations = new Declarations.Shared();
        return Map.of(
                // __sysbuildMergeDefinitions helpers loc type defs
                "__sysbuildMergeDefinitions", new PrimOp("__sysbuildMergeDefinitions", 4,
                        a -> MergedDefinitions.record(a[0], a[1], a[2], a[3])),
                // __sysbuildEvalOptionValue helpers loc opt defs
                "__sysbuildEvalOptionValue", new PrimOp("__sysbuildEvalOptionValue", 4,
                        a -> OptionValue.record(a[0], a[1], a[2], a[3])),
                // __sysbuildMergeDeclarations helpers loc sources
                "__sysbuildMergeDeclarations", new PrimOp("__sysbuildMergeDeclarations", 3,
                        a -> Declarations.level(declarations, a[0], a[1], a[2])),
                // __sysbuildMergeLevel helpers loc tree layers
                "__sysbuildMergeLevel", new PrimOp("__sysbuildMergeLevel", 4,
                        a -> Level.record(a[0], a[1], a[2], a[3])),
                // __sysbuildMergeList helpers elemType loc defs
                "__sysbuildMergeList", new PrimOp("__sysbuildMergeList", 4,
                        a -> ListMerge.merge(a[0], a[1], a[2], a[3])),
                // __sysbuildMergeAttrs helpers elemType loc defs
                "__sysbuildMergeAttrs", new PrimOp("__sysbuildMergeAttrs", 4,
                        a -> AttrsMerge.merge(a[0], a[1], a[2], a[3])),
                // __sysbuildCollectModules helpers args modules (null: collectModulesNix decides)
                "__sysbuildCollectModules", new PrimOp("__sysbuildCollectModules", 3,
                        a -> ModuleClosure.collect(a[0], a[1], a[2])),
                // __sysbuildModuleLayers helpers prefix collected (null: the Nix expression decides)
                "__sysbuildModuleLayers", new PrimOp("__sysbuildModuleLayers", 3,
                        a -> ModuleLayers.layers(a[0], a[1], a[2])));
    }
}

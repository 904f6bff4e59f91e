package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.Node;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import java.util.HashMap;
import java.util.Map;

/** Assembles every builtin group into the top-level scope. */
public final class Builtins {
    private Builtins() {}

    /** The names in the top-level scope: {@code builtins}, {@code __name} for each builtin, and the plain ones. */
    public static Map<String, Value> create(Evaluator ev) {
        Registry r = new Registry(ev);
        ControlBuiltins.register(r);
        TypeBuiltins.register(r);
        ArithmeticBuiltins.register(r);
        ListBuiltins.register(r);
        AttrBuiltins.register(r);
        StringBuiltins.register(r);
        FileBuiltins.register(r);
        JsonBuiltins.register(r);
        XmlBuiltins.register(r);
        TomlBuiltins.register(r);
        HashBuiltins.register(r);
        ContextBuiltins.register(r);
        VersionBuiltins.register(r);
        RegexBuiltins.register(r);
        DerivationBuiltins.register(r);
        StoreBuiltins.register(r);
        FlakeRefBuiltins.register(r);

        AttrsBuilder b = new AttrsBuilder(r.entries.size() + 1);
        NixAttrs[] self = new NixAttrs[1];
        Value selfRef = new Thunk(new Node(null) {
            @Override
            public Value eval(Env env) {
                return self[0];
            }
        }, null);
        for (Map.Entry<String, Value> e : r.entries.entrySet()) b.put(e.getKey(), e.getValue());
        b.put("builtins", selfRef);
        self[0] = b.build();

        Map<String, Value> globals = new HashMap<>();
        for (Map.Entry<String, Value> e : r.entries.entrySet()) {
            String name = e.getKey();
            globals.put(name.startsWith("__") ? name : "__" + name, e.getValue());
            if (Registry.TOP_LEVEL.contains(name)) globals.put(name, e.getValue());
        }
        globals.put("builtins", self[0]);
        globals.putAll(dev.sysbuild.eval.modules.ModuleBuiltins.globals());
        return globals;
    }
}

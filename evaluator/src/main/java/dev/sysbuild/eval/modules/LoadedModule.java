package dev.sysbuild.eval.modules;

import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Lazy;
import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.Node;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.Lambda;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import java.util.Set;

/**
 * One module loaded as {@code loadModule args file key m} of {@code lib/modules.nix} does it: a
 * function called with the arguments it names (each lazy, through the Nix {@code moduleArg}, as
 * {@code applyModuleArgs} does), a path imported, and the set in the uniform shape
 * {@code { file; key; imports; disabledModules; options; config; }}.
 *
 * <p>What the module collection needs ({@code key}, {@code imports}) is computed at once, as
 * {@code genericClosure} forces it there; {@code options}, {@code disabledModules} and
 * {@code config} are the module's own values, unevaluated (a failing config or options gets the
 * context line loadAttrs gives it). Any shape this class does not handle throws {@link Unhandled}
 * (the whole collection then goes to the Nix function). The fields computed here that can fail
 * later ({@code file} from a {@code _file} that is not a string or a path, and {@code config} with
 * a {@code freeformType}) are taken from the Nix {@code loadAttrs} record of the same module, so
 * they fail, if at all, in its words.
 */
final class LoadedModule {
    /** A shape or value the fast path leaves to the Nix function. */
    static final class Unhandled extends RuntimeException {
        Unhandled() {
            super(null, null, false, false);
        }
    }

    static final String[] FIELDS = {"config", "disabledModules", "file", "imports", "key", "options"};
    private static final Set<String> STRUCTURED = Set.of("_class", "_file", "key", "disabledModules", "imports",
            "require", "options", "config", "meta", "freeformType");
    private static final Set<String> SHORT_FORM = Set.of("_class", "_file", "key", "disabledModules", "imports",
            "require", "freeformType");

    /** The evaluation's module arguments and the helpers of {@link ModuleClosure}. */
    interface Context {
        NixAttrs helpers();

        /** The {@code args} of collectModules, forced (only once a module function needs it). */
        NixAttrs args();

        Value argsValue();

        /** The positions of loadAttrs's record (of its attributes in modules.nix), for error context lines. */
        dev.sysbuild.language.diag.Span[] recordPositions();
    }

    final NixString key;
    final Value file;
    final NixList imports;
    final Value disabledModules;
    final NixAttrs record;
    /** The modules of {@link #imports}, loaded when the collection reaches them. */
    final LoadedModule[] children;

    private final Context cx;
    private final Value fileParam;
    private final NixString keyParam;
    private final NixAttrs m;
    private NixAttrs nix;

    /** {@code loadModule args file key m}. */
    static LoadedModule load(Context cx, Value file, NixString key, Value module) {
        Value m = module.force();
        if (m instanceof Lambda f) return new LoadedModule(cx, file, key, call(cx, key, f));
        if (m instanceof NixAttrs a) return new LoadedModule(cx, file, key, plain(a));
        NixString path;
        if (m instanceof NixPath p) path = NixString.of(p.path);
        else if (m instanceof NixString s && !s.hasContext()) path = s;
        else throw new Unhandled();
        Value v = Calls.apply(cx.helpers().get("importModule"), m, null).force();
        if (v instanceof Lambda f) return new LoadedModule(cx, path, path, call(cx, path, f));
        if (v instanceof NixAttrs a) return new LoadedModule(cx, path, path, plain(a));
        throw new Unhandled();
    }

    /** A set that is not a function (a {@code __functor} set is left to the Nix code). */
    private static NixAttrs plain(NixAttrs a) {
        if (a.get("__functor") != null) throw new Unhandled();
        return a;
    }

    /** {@code applyModuleArgs key f args}: {@code f (args // mapAttrs (moduleArg args key) (functionArgs f))}. */
    private static NixAttrs call(Context cx, NixString key, Lambda f) {
        NixAttrs given = cx.args();
        if (f.node.hasFormals()) {
            Value arg = Calls.apply(cx.helpers().get("moduleArg"), cx.argsValue(), key, null);
            String[] names = f.node.formalNames();
            AttrsBuilder named = new AttrsBuilder(names.length);
            for (int i = 0; i < names.length; i++) {
                Value flag = NixBool.of(f.node.formalHasDefault(i));
                named.put(names[i], Lazy.apply(arg, NixString.of(names[i]), flag), f.node.formalSpan(i));
            }
            given = given.update(named.build());
        }
        if (Calls.apply(f, given, null).force() instanceof NixAttrs r) return r;
        throw new Unhandled();
    }

    /** {@code loadAttrs file key m}. */
    private LoadedModule(Context cx, Value fileParam, NixString keyParam, NixAttrs m) {
        this.cx = cx;
        this.fileParam = fileParam;
        this.keyParam = keyParam;
        this.m = m;
        boolean structured = m.get("config") != null || m.get("options") != null;
        if (structured) {
            for (String name : m.names()) if (!STRUCTURED.contains(name)) throw new Unhandled();
        }
        Value fileAttr = m.get("_file");
        file = fileAttr == null ? fileParam : fileString(fileAttr);
        Value keyAttr = m.get("key");
        key = keyAttr == null ? keyParam : forcedString(keyAttr);
        imports = NixList.concat(list(m.get("imports")), list(m.get("require")));
        children = new LoadedModule[imports.size()];
        Value disabled = m.get("disabledModules");
        disabledModules = disabled == null ? NixList.EMPTY : disabled;
        Value options = m.get("options") == null ? NixAttrs.EMPTY : selected(m, "options");
        Value config;
        if (m.get("freeformType") != null) config = nixField("config");
        else if (structured) config = m.get("config") != null ? selected(m, "config") : NixAttrs.EMPTY;
        else config = withoutShortFormAttrs(m);
        Value[] values = {config, disabledModules, file, imports, key, options};
        record = NixAttrs.sorted(FIELDS, values, cx.recordPositions());
    }

    /**
     * {@code m.NAME}, unevaluated; an error in it gets the context line loadAttrs's {@code m.NAME or
     * ...} gives it ("while evaluating the attribute", at the module's NAME), so that a failing
     * config (e.g. infinite recursion) is traced to the module as without the fast path.
     */
    private static Value selected(NixAttrs m, String name) {
        Value v = m.get(name);
        if (v instanceof Thunk t && !t.isEvaluated()) return new Thunk(new Selected(m, name), null);
        return v;
    }

    private static final class Selected extends Node {
        private final NixAttrs m;
        private final String name;

        Selected(NixAttrs m, String name) {
            super(null);
            this.m = m;
            this.name = name;
        }

        @Override
        public Value eval(Env env) {
            try {
                return m.get(name).force();
            } catch (dev.sysbuild.eval.EvalException e) {
                throw e.addFrame("while evaluating the attribute '" + name + "'", m.positionOf(name));
            }
        }
    }

    /** The module of import number i (from 0), loaded once: {@code entry file "KEY:anon-(i+1)" m}. */
    LoadedModule child(int i) {
        if (children[i] == null) {
            if (key.hasContext()) throw new Unhandled();
            children[i] = load(cx, file, NixString.of(key.value + ":anon-" + (i + 1)), imports.get(i));
        }
        return children[i];
    }

    /** {@code toString m._file}: a string or a path now if it is one already, else when asked. */
    private Value fileString(Value v) {
        if (!(v instanceof Thunk t) || t.isEvaluated()) {
            Value f = v.force();
            if (f instanceof NixString) return f;
            if (f instanceof NixPath p) return NixString.of(p.path);
            return nixField("file");
        }
        return Lazy.of(() -> {
            Value f;
            try {
                f = v.force();
            } catch (RuntimeException e) {
                return nix().get("file").force();
            }
            if (f instanceof NixString) return f;
            if (f instanceof NixPath p) return NixString.of(p.path);
            return nix().get("file").force();
        });
    }

    /** {@code toString (m.key)} of a key the collection needs now. */
    private static NixString forcedString(Value v) {
        Value f = v.force();
        if (f instanceof NixString s) return s;
        if (f instanceof NixPath p) return NixString.of(p.path);
        throw new Unhandled();
    }

    private static NixList list(Value v) {
        if (v == null) return NixList.EMPTY;
        if (v.force() instanceof NixList l) return l;
        throw new Unhandled();
    }

    /** {@code removeAttrs m shortFormAttrs}, positions kept (definitions are located by them). */
    private static NixAttrs withoutShortFormAttrs(NixAttrs m) {
        String[] names = m.names();
        int kept = 0;
        for (String n : names) if (!SHORT_FORM.contains(n)) kept++;
        if (kept == names.length) return m;
        AttrsBuilder b = new AttrsBuilder(kept);
        for (int i = 0; i < names.length; i++) {
            if (!SHORT_FORM.contains(names[i])) b.put(names[i], m.value(i), m.position(i));
        }
        return b.build();
    }

    /** A field of the Nix function's record for this module, when asked. */
    private Value nixField(String name) {
        return new Thunk(new NixField(this, name), null);
    }

    private NixAttrs nix() {
        if (nix == null) {
            Value loadAttrs = cx.helpers().get("loadAttrs");
            nix = Force.attrs(Calls.apply(Calls.apply(loadAttrs, fileParam, keyParam, null), m, null), null);
        }
        return nix;
    }

    private static final class NixField extends Node {
        private final LoadedModule module;
        private final String name;

        NixField(LoadedModule module, String name) {
            super(null);
            this.module = module;
            this.name = name;
        }

        @Override
        public Value eval(Env env) {
            return module.nix().get(name).force();
        }
    }
}

package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Ops;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.store.NixBase32;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * String context: looking at it, adding to it and dropping it. A context element is {@code /p}
 * (the store path itself), {@code =/p.drv} (the derivation and all its outputs) or
 * {@code !out!/p.drv} (one output of a derivation).
 */
final class ContextBuiltins {
    private static final String DEFAULT_STORE_DIR = "/nix/store";

    private ContextBuiltins() {}

    static void register(Registry r) {
        r.fn("hasContext", 1, new Fn(0, r));
        r.fn("unsafeDiscardStringContext", 1, new Fn(1, r));
        r.fn("unsafeDiscardOutputDependency", 1, new Fn(2, r));
        r.fn("addDrvOutputDependencies", 1, new Fn(3, r));
        r.fn("getContext", 1, new Fn(4, r));
        r.fn("appendContext", 2, new Fn(5, r));
    }

    /**
     * A string that must not refer to the store (hash algorithms, regular expressions, names),
     * like Nix's {@code forceStringNoCtx}.
     */
    static String noContext(Value v) {
        NixString s = Force.string(v, null);
        if (s.hasContext()) {
            throw EvalException.error("the string '" + s.value + "' is not allowed to refer to a store path (such as '"
                    + storePathOf(s.context().iterator().next()) + "')", null);
        }
        return s.value;
    }

    /** The store path a context element refers to (for an output, the derivation). */
    static String storePathOf(String element) {
        if (element.startsWith("=")) return element.substring(1);
        if (element.startsWith("!")) return element.substring(element.indexOf('!', 1) + 1);
        return element;
    }

    private static Value getContext(NixString s) {
        Map<String, PathInfo> infos = new TreeMap<>();
        for (String c : s.context()) {
            PathInfo info = infos.computeIfAbsent(storePathOf(c), k -> new PathInfo());
            if (c.startsWith("=")) info.allOutputs = true;
            else if (c.startsWith("!")) info.outputs.add(c.substring(1, c.indexOf('!', 1)));
            else info.path = true;
        }
        AttrsBuilder b = new AttrsBuilder(infos.size());
        for (Map.Entry<String, PathInfo> e : infos.entrySet()) b.put(e.getKey(), e.getValue().toAttrs());
        return b.build();
    }

    /** What getContext reports about one store path. */
    private static final class PathInfo {
        boolean path;
        boolean allOutputs;
        final List<String> outputs = new ArrayList<>();

        NixAttrs toAttrs() {
            AttrsBuilder b = new AttrsBuilder(3);
            if (allOutputs) b.put("allOutputs", NixBool.TRUE);
            if (!outputs.isEmpty()) {
                Value[] names = new Value[outputs.size()];
                for (int i = 0; i < names.length; i++) names[i] = NixString.of(outputs.get(i));
                b.put("outputs", NixList.wrap(names));
            }
            if (path) b.put("path", NixBool.TRUE);
            return b.build();
        }
    }

    private static Value appendContext(String storeDir, NixString s, NixAttrs additions) {
        Set<String> ctx = new TreeSet<>(s.context());
        for (int i = 0; i < additions.size(); i++) {
            String name = additions.name(i);
            if (!isStorePath(storeDir, name)) throw EvalException.error("context key '" + name + "' is not a store path", null);
            NixAttrs info = Force.attrs(additions.value(i), null);
            Value path = info.get("path");
            if (path != null && Force.bool(path, null)) ctx.add(name);
            Value all = info.get("allOutputs");
            if (all != null && Force.bool(all, null)) {
                if (!name.endsWith(".drv")) {
                    throw EvalException.error("tried to add all-outputs context of " + name
                            + ", which is not a derivation, to a string", null);
                }
                ctx.add("=" + name);
            }
            Value outputs = info.get("outputs");
            if (outputs != null) {
                NixList list = Force.list(outputs, null);
                if (list.size() > 0 && !name.endsWith(".drv")) {
                    throw EvalException.error("tried to add derivation output context of " + name
                            + ", which is not a derivation, to a string", null);
                }
                for (Value o : list.items()) ctx.add("!" + noContext(o) + "!" + name);
            }
        }
        return NixString.of(s.value, ctx);
    }

    private static String storeDir(Registry r) {
        Value v = r.get("storeDir");
        return v == null ? DEFAULT_STORE_DIR : Force.plainString(v, null);
    }

    /** A path directly inside the store whose base name is a 32-character hash, a dash and a valid name. */
    static boolean isStorePath(String storeDir, String path) {
        if (!path.startsWith(storeDir + "/")) return false;
        String base = path.substring(storeDir.length() + 1);
        if (base.length() < 34 || base.length() > 32 + 1 + 211 || base.charAt(32) != '-') return false;
        for (int i = 0; i < 32; i++) if (!NixBase32.isDigit(base.charAt(i))) return false;
        for (int i = 33; i < base.length(); i++) {
            char c = base.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "+-._?=".indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinHasContext(a);
                case 1 -> builtinUnsafeDiscardStringContext(a);
                case 2 -> builtinUnsafeDiscardOutputDependency(a);
                case 3 -> builtinAddDrvOutputDependencies(a);
                case 4 -> builtinGetContext(a);
                case 5 -> builtinAppendContext(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code hasContext} */
        private Value builtinHasContext(Value[] a) {
            return NixBool.of(Force.string(a[0], null).hasContext());
        }

        /** {@code unsafeDiscardStringContext} */
        private Value builtinUnsafeDiscardStringContext(Value[] a) {
            return NixString.of(Ops.coerceToString(ev, a[0], null, false, true, null));
        }

        /** {@code unsafeDiscardOutputDependency} */
        private Value builtinUnsafeDiscardOutputDependency(Value[] a) {
            Set<String> ctx = new TreeSet<>();
            String s = Ops.coerceToString(ev, a[0], ctx, false, true, null);
            Set<String> out = new TreeSet<>();
            for (String c : ctx) out.add(c.startsWith("=") ? c.substring(1) : c);
            return NixString.of(s, out);
        }

        /** {@code addDrvOutputDependencies} */
        private Value builtinAddDrvOutputDependencies(Value[] a) {
            Set<String> ctx = new TreeSet<>();
            String s = Ops.coerceToString(ev, a[0], ctx, false, true, null);
            if (ctx.size() != 1) {
                throw EvalException.error("context of string '" + s + "' must have exactly one element, but has " + ctx.size(), null);
            }
            String c = ctx.iterator().next();
            if (c.startsWith("!")) {
                throw EvalException.error("`addDrvOutputDependencies` can only act on derivations, not on a derivation "
                        + "output such as '" + c.substring(1, c.indexOf('!', 1)) + "'", null);
            }
            if (c.startsWith("/")) {
                if (!c.endsWith(".drv")) throw EvalException.error("path '" + c + "' is not a derivation", null);
                c = "=" + c;
            }
            return NixString.of(s, Set.of(c));
        }

        /** {@code getContext} */
        private Value builtinGetContext(Value[] a) {
            return getContext(Force.string(a[0], null));
        }

        /** {@code appendContext} */
        private Value builtinAppendContext(Value[] a) {
            return appendContext(storeDir(r), Force.string(a[0], null), Force.attrs(a[1], null));
        }
    }
}

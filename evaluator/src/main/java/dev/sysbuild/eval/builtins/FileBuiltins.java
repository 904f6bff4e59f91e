package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.BundledFiles;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.EvalIO;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Lazy;
import dev.sysbuild.eval.Ops;
import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.Node;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.Paths;
import java.util.Map;

/** The file system and environment: import, readFile, readDir, pathExists, getEnv, the search path. */
final class FileBuiltins {
    private FileBuiltins() {}

    static void register(Registry r) {
        Evaluator ev = r.evaluator();
        r.fn("import", 1, new Fn(0, r));
        r.fn("scopedImport", 2, new Fn(1, r));
        r.fn("readFile", 1, new Fn(2, r));
        r.fn("pathExists", 1, new Fn(3, r));
        r.fn("readDir", 1, new Fn(4, r));
        r.fn("readFileType", 1, new Fn(5, r));
        r.fn("toPath", 1, new Fn(6, r));
        r.fn("getEnv", 1, new Fn(7, r));
        r.value("nixPath", nixPath(ev));
        r.fn("findFile", 2, new Fn(8, r));
    }

    static String typeName(EvalIO.FileType t) {
        return switch (t) {
            case REGULAR -> "regular";
            case DIRECTORY -> "directory";
            case SYMLINK -> "symlink";
            default -> "unknown";
        };
    }

    /** A path argument (a path, or a string holding an absolute path). */
    static String realPath(Evaluator ev, Value v) {
        Value f = v.force();
        if (f instanceof NixPath p) return p.path;
        String s = Ops.coerceToString(ev, f, null, false, false, null);
        if (!s.startsWith("/")) throw EvalException.error("string '" + s + "' doesn't represent an absolute path", null);
        return Paths.canonical(s);
    }

    /** The user's entries, then {@code sysbuild=} the bundled files (unpacked only when looked up). */
    private static Value nixPath(Evaluator ev) {
        var entries = ev.searchPath();
        Value[] out = new Value[entries.size() + 1];
        for (int i = 0; i < entries.size(); i++) {
            out[i] = entry(entries.get(i).prefix(), NixString.of(entries.get(i).path()));
        }
        out[entries.size()] = entry(BundledFiles.PREFIX, Lazy.of(() -> NixString.of(ev.bundledFilesDir())));
        return NixList.wrap(out);
    }

    private static Value entry(String prefix, Value path) {
        return new AttrsBuilder(2).put("path", path).put("prefix", NixString.of(prefix)).build();
    }

    private static Value findFile(Evaluator ev, NixList searchPath, String name) {
        for (Value v : searchPath.items()) {
            NixAttrs entry = Force.attrs(v, null);
            Value prefixV = entry.get("prefix");
            String prefix = prefixV == null ? "" : Force.plainString(prefixV, null);
            Value pathV = entry.get("path");
            if (pathV == null) throw EvalException.error("attribute 'path' missing", null);
            String rest;
            if (prefix.isEmpty()) {
                rest = name;
            } else if (name.equals(prefix)) {
                rest = "";
            } else if (name.startsWith(prefix + "/")) {
                rest = name.substring(prefix.length() + 1);
            } else {
                continue;
            }
            // Only now, so an entry whose prefix does not match is never computed (the bundled one).
            String path = Ops.coerceToString(ev, pathV, null, false, false, null);
            String abs = path.startsWith("/") ? path : ev.io().realPath(path);
            String candidate = Paths.canonical(rest.isEmpty() ? abs : abs + "/" + rest);
            if (ev.io().fileType(candidate) != null) return new NixPath(candidate);
        }
        // Nix raises this as a catchable error, so tryEval <missing> is false.
        throw new EvalException(EvalException.Kind.THROW,
                "file '" + name + "' was not found in the Nix search path (add it using $NIX_PATH or -I)", null);
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinImport(a);
                case 1 -> builtinScopedImport(a);
                case 2 -> builtinReadFile(a);
                case 3 -> builtinPathExists(a);
                case 4 -> builtinReadDir(a);
                case 5 -> builtinReadFileType(a);
                case 6 -> builtinToPath(a);
                case 7 -> builtinGetEnv(a);
                case 8 -> builtinFindFile(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code import} */
        private Value builtinImport(Value[] a) {
            return ev.importFile(realPath(ev, a[0])).force();
        }

        /** {@code scopedImport} */
        private Value builtinScopedImport(Value[] a) {
            NixAttrs scope = Force.attrs(a[0], null);
            String file = ev.resolveImport(realPath(ev, a[1]));
            Node node = ev.compileFile(file, scope.names());
            return node.eval(new Env(scope.values().clone(), null));
        }

        /** {@code readFile} */
        private Value builtinReadFile(Value[] a) {
            return NixString.of(io.readFile(realPath(ev, a[0]), null));
        }

        /** {@code pathExists} */
        private Value builtinPathExists(Value[] a) {
            Value v = a[0].force();
            String p = v instanceof NixPath np ? np.path : Ops.coerceToString(ev, v, null, false, false, null);
            if (!p.startsWith("/")) {
                throw EvalException.error("string '" + p + "' doesn't represent an absolute path", null);
            }
            boolean mustBeDir = p.endsWith("/") || p.endsWith("/.");
            String canon = Paths.canonical(p);
            EvalIO.FileType t = io.fileType(canon);
            if (t == null) return NixBool.FALSE;
            if (mustBeDir) return NixBool.of(io.fileType(io.realPath(canon)) == EvalIO.FileType.DIRECTORY);
            if (t == EvalIO.FileType.SYMLINK) return NixBool.of(io.pathExists(canon));
            return NixBool.TRUE;
        }

        /** {@code readDir} */
        private Value builtinReadDir(Value[] a) {
            String p = realPath(ev, a[0]);
            Map<String, EvalIO.FileType> entries = io.readDir(p, null);
            AttrsBuilder b = new AttrsBuilder(entries.size());
            for (Map.Entry<String, EvalIO.FileType> e : entries.entrySet()) b.put(e.getKey(), NixString.of(typeName(e.getValue())));
            return b.build();
        }

        /** {@code readFileType} */
        private Value builtinReadFileType(Value[] a) {
            String p = realPath(ev, a[0]);
            EvalIO.FileType t = io.fileType(p);
            if (t == null) throw EvalException.error("getting status of '" + p + "': No such file or directory", null);
            return NixString.of(typeName(t));
        }

        /** {@code toPath} */
        private Value builtinToPath(Value[] a) {
            return NixString.of(realPath(ev, a[0]));
        }

        /** {@code getEnv} */
        private Value builtinGetEnv(Value[] a) {
            return NixString.of(io.getEnv(Force.plainString(a[0], null)));
        }

        /** {@code findFile} */
        private Value builtinFindFile(Value[] a) {
            return findFile(ev, Force.list(a[0], null), Force.plainString(a[1], null));
        }
    }
}

package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.EvalStore;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.ImportedSources;
import dev.sysbuild.eval.Ops;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.Paths;
import dev.sysbuild.language.diag.Span;
import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.InvalidHashException;
import dev.sysbuild.store.nar.NarFilter;
import dev.sysbuild.store.path.FixedOutputHash;
import dev.sysbuild.store.path.IngestionMethod;
import dev.sysbuild.store.path.InvalidStorePathException;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Putting things into the store and naming what is there: {@code toFile}, {@code path},
 * {@code filterSource} and {@code storePath}, as Nix 2.8 does them (notes §6). Every result is a
 * store path whose string context is that path.
 */
final class StoreBuiltins {
    private StoreBuiltins() {}

    static void register(Registry r) {
        r.fn("toFile", 2, new Fn(0, r));
        r.fn("path", 1, new Fn(1, r));
        r.fn("filterSource", 2, new Fn(2, r));
        r.fn("storePath", 1, new Fn(3, r));
    }

    /** The store path of a text; its references are the plain store paths in the text's context. */
    private static Value toFile(Evaluator ev, String name, NixString contents) {
        StoreDir dir = ev.store().storeDir();
        List<StorePath> refs = new ArrayList<>();
        for (String element : contents.context()) {
            if (!element.startsWith("/")) {
                throw EvalException.error("in 'toFile': the file named '" + name + "' must not contain a reference "
                        + "to a derivation but contains (" + element + ")", null);
            }
            refs.add(parse(dir, element));
        }
        try {
            String p = dir.print(ev.store().addText(name, Bytes.raw(contents.value), refs));
            return NixString.of(p, Set.of(p));
        } catch (InvalidStorePathException e) {
            throw EvalException.error(e.getMessage(), null);
        }
    }

    /** {@code builtins.path { path; name ? ...; filter ? ...; recursive ? true; sha256 ? ...; }}. */
    private static Value path(Evaluator ev, NixAttrs args) {
        String path = null;
        String name = null;
        Value filter = null;
        IngestionMethod method = IngestionMethod.RECURSIVE;
        Hash expected = null;
        for (int i = 0; i < args.size(); i++) {
            Value v = args.value(i);
            switch (args.name(i)) {
                case "path" -> path = absolutePath(ev, v);
                case "name" -> name = ContextBuiltins.noContext(v);
                case "filter" -> filter = v.force();
                case "recursive" -> method = Force.bool(v, null) ? IngestionMethod.RECURSIVE : IngestionMethod.FLAT;
                case "sha256" -> expected = sha256(ContextBuiltins.noContext(v), args.position(i));
                default -> throw EvalException.error("unsupported argument '" + args.name(i) + "' to 'addPath'",
                        args.position(i));
            }
        }
        if (path == null) throw EvalException.error("'path' required", null);
        if (name == null || name.isEmpty()) name = ImportedSources.baseNameOf(path);
        return addPath(ev, path, name, filter, method, expected);
    }

    private static Hash sha256(String text, Span pos) {
        try {
            return text.isEmpty() ? DerivationStrict.emptyHash(HashAlgo.SHA256) : Hash.parseAny(text, HashAlgo.SHA256);
        } catch (InvalidHashException e) {
            throw EvalException.error(e.getMessage(), pos);
        }
    }

    /**
     * Nix's {@code addPath}: imports {@code path} (through {@code filter}, a Nix function of the
     * entry's path and type), unless an {@code expected} hash names a path the store already has.
     */
    private static Value addPath(Evaluator ev, String path, String name, Value filter, IngestionMethod method,
            Hash expected) {
        EvalStore store = ev.store();
        StoreDir dir = store.storeDir();
        try {
            StorePath expectedPath = null;
            if (expected != null) {
                expectedPath = storePathNamed(dir, name, new FixedOutputHash(method, expected));
                if (store.isValid(expectedPath)) return plain(dir.print(expectedPath));
            }
            Path root = Path.of(Bytes.decode(path));
            NarFilter narFilter = filter == null ? NarFilter.ALL : (entry, type) -> {
                // As Nix spells it: the path as given, a slash, the entry's path below it.
                String entryPath = path + "/" + Bytes.encode(root.relativize(entry).toString());
                Value keep = Calls.apply(Calls.apply(filter, NixString.of(entryPath), null),
                        NixString.of(type.nixName()), null);
                try {
                    return Force.bool(keep, null);
                } catch (EvalException e) {
                    throw e.addFrame("while evaluating the return value of the path filter function", null);
                }
            };
            ev.sources().recordCopy(path);
            StorePath added = ImportedSources.importPath(store, path, name, method, narFilter,
                    referencesOfStoreSource(store, path), null);
            if (expectedPath != null && !expectedPath.equals(added)) {
                throw EvalException.error("store path mismatch in (possibly filtered) path added from '" + path + "'",
                        null);
            }
            return plain(dir.print(added));
        } catch (EvalException e) {
            throw e.addFrame("while adding path '" + path + "'", null);
        }
    }

    private static StorePath storePathNamed(StoreDir dir, String name, FixedOutputHash hash) {
        try {
            return dir.fixedOutputPath(name, hash);
        } catch (InvalidStorePathException e) {
            throw EvalException.error(e.getMessage(), null);
        }
    }

    /**
     * A source that is itself in the store keeps that path's references, when the store knows
     * them (Nix 2.8 in writing mode, notes §6).
     */
    private static List<StorePath> referencesOfStoreSource(EvalStore store, String path) {
        if (!path.startsWith(store.storeDir().path() + "/")) return List.of();
        try {
            StorePath p = store.storeDir().storePathOf(path);
            return List.copyOf(new TreeSet<>(store.references(p).orElse(Set.of())));
        } catch (InvalidStorePathException e) {
            return List.of();
        }
    }

    /**
     * {@code builtins.storePath p}: p (a path in the store, symlinks outside the store resolved)
     * as a string that depends on the store path it is in. Nothing is checked or fetched when
     * only evaluating.
     */
    private static Value storePath(Evaluator ev, Value arg) {
        Set<String> context = new TreeSet<>();
        String path;
        try {
            path = coerceToPath(ev, arg, context);
        } catch (EvalException e) {
            throw e.addFrame("while evaluating the first argument passed to 'builtins.storePath'", null);
        }
        StoreDir dir = ev.store().storeDir();
        if (!dir.isStorePath(path)) {
            // Nix resolves symlinks here, so anything below a store path must exist.
            path = Paths.canonical(path);
            if (ev.io().fileType(path) == null) {
                throw EvalException.error("getting status of '" + path + "': No such file or directory", null);
            }
            path = ev.io().realPath(path);
        }
        if (!path.startsWith(dir.path() + "/")) {
            throw EvalException.error("path '" + path + "' is not in the Nix store", null);
        }
        StorePath p;
        try {
            p = dir.storePathOf(path);
        } catch (InvalidStorePathException e) {
            throw EvalException.error(e.getMessage(), null);
        }
        context.add(dir.print(p));
        return NixString.of(path, context);
    }

    /** Nix's {@code coerceToPath}: a path, or a string holding an absolute path, not copied. */
    private static String coerceToPath(Evaluator ev, Value v, Set<String> context) {
        Value f = v.force();
        if (f instanceof NixPath p) return p.path;
        String s = Ops.coerceToString(ev, f, context, false, false, null);
        if (!s.startsWith("/")) throw EvalException.error("string '" + s + "' doesn't represent an absolute path", null);
        return s;
    }

    private static String absolutePath(Evaluator ev, Value v) {
        return coerceToPath(ev, v, new TreeSet<>());
    }

    private static StorePath parse(StoreDir dir, String full) {
        try {
            return dir.parse(full);
        } catch (InvalidStorePathException e) {
            throw EvalException.error("path '" + full + "' is not in the Nix store", null);
        }
    }

    private static Value plain(String storePath) {
        return NixString.of(storePath, Set.of(storePath));
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinToFile(a);
                case 1 -> builtinPath(a);
                case 2 -> builtinFilterSource(a);
                case 3 -> builtinStorePath(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code toFile} */
        private Value builtinToFile(Value[] a) {
            return toFile(ev, ContextBuiltins.noContext(a[0]), Force.string(a[1], null));
        }

        /** {@code path} */
        private Value builtinPath(Value[] a) {
            return path(ev, Force.attrs(a[0], null));
        }

        /** {@code filterSource} */
        private Value builtinFilterSource(Value[] a) {
            String path;
            try {
                path = absolutePath(ev, a[1]);
            } catch (EvalException e) {
                throw e.addFrame("while evaluating the second argument (the path to filter) passed to "
                        + "'builtins.filterSource'", null);
            }
            Value filter = a[0].force();
            if (!Force.isFunction(filter) && !(filter instanceof NixAttrs f && f.get("__functor") != null)) {
                throw EvalException.type("first argument in call to 'filterSource' is not a function but "
                        + filter.showType(), null);
            }
            return addPath(ev, path, ImportedSources.baseNameOf(path), filter, IngestionMethod.RECURSIVE, null);
        }

        /** {@code storePath} */
        private Value builtinStorePath(Value[] a) {
            return storePath(ev, a[0]);
        }
    }
}

package dev.sysbuild.eval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sysbuild.eval.builtins.Builtins;
import dev.sysbuild.eval.node.Compiler;
import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.Node;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.Parser;
import dev.sysbuild.language.ast.Expr;
import dev.sysbuild.language.diag.Source;
import dev.sysbuild.language.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One evaluation session: the builtins, the search path, the settings (store directory, system),
 * the store it adds sources and derivations to, and the caches of parsed and evaluated files.
 * The pipeline in one place: read → parse → compile → evaluate.
 */
public final class Evaluator {
    /** One search-path entry: {@code prefix=path}, or just a path (empty prefix). */
    public record SearchPathEntry(String prefix, String path) {}

    private final EvalIO io;
    private final EvalStore store;
    private final ImportedSources sources;
    private final EvalSettings settings;
    private final List<SearchPathEntry> searchPath;
    private final Map<String, Value> globals;
    private final Parser parser;
    private final Compiler compiler;
    /** Parsed and compiled files by path and content, so a file imported many times is parsed once. */
    private Cache<String, Node> compiled;
    /** Whether the bundled files' parse-ahead has been started (see {@link #bundledFilesDir}). */
    private boolean prefetching;
    /** Parses of the files this evaluation's literal paths name, made on another core ahead of their import. */
    private final ParseAhead parseAhead;
    /** The value of each imported file: a file's top level is closed, so it is evaluated once. */
    private final Map<String, Value> imports = new ConcurrentHashMap<>();

    /** An evaluator with the default settings ({@link EvalSettings#defaults()}) and a compute-only store. */
    public Evaluator(EvalIO io, List<SearchPathEntry> searchPath) {
        this(io, searchPath, EvalSettings.defaults());
    }

    /** An evaluator that computes store paths in {@code settings.storeDir()} and writes nothing. */
    public Evaluator(EvalIO io, List<SearchPathEntry> searchPath, EvalSettings settings) {
        this(io, new ComputeOnlyStore(settings.storeDir()), searchPath, settings);
    }

    /** An evaluator that adds sources and derivations to {@code store}, whose directory must be the settings' one. */
    public Evaluator(EvalIO io, EvalStore store, List<SearchPathEntry> searchPath, EvalSettings settings) {
        if (!store.storeDir().equals(settings.storeDir())) {
            throw new IllegalArgumentException("the store is in " + store.storeDir() + " but the settings say "
                    + settings.storeDir());
        }
        this.io = io;
        this.store = store;
        this.sources = new ImportedSources(store);
        this.settings = settings;
        this.searchPath = List.copyOf(searchPath);
        this.globals = Builtins.create(this);
        String home = io.getEnv("HOME");
        this.parser = new Parser(globals.keySet(), home.isEmpty() ? null : home);
        this.parseAhead = new ParseAhead(io, parser);
        this.compiler = new Compiler(this, globals);
    }

    /**
     * Search path entries from {@code -I} values followed by SYSBUILD_PATH and NIX_PATH. The
     * files bundled with sysbuild ({@code <sysbuild/lib>}) come after all of these (see
     * {@link #bundledFilesDir}), so a user entry can always override them, as {@code -I} does in Nix.
     */
    public static List<SearchPathEntry> searchPath(List<String> includes, EvalIO io) {
        List<SearchPathEntry> out = new ArrayList<>();
        for (String i : includes) out.add(parseEntry(i));
        for (String var : List.of("SYSBUILD_PATH", "NIX_PATH")) {
            String v = io.getEnv(var);
            if (v.isEmpty()) continue;
            for (String part : v.split(":")) if (!part.isEmpty()) out.add(parseEntry(part));
        }
        return out;
    }

    private static SearchPathEntry parseEntry(String s) {
        int eq = s.indexOf('=');
        return eq < 0 ? new SearchPathEntry("", s) : new SearchPathEntry(s.substring(0, eq), s.substring(eq + 1));
    }

    public EvalIO io() { return io; }

    public EvalStore store() { return store; }

    /** Paths used as strings, each imported into the store once per evaluation. */
    public ImportedSources sources() { return sources; }

    public EvalSettings settings() { return settings; }

    public List<SearchPathEntry> searchPath() { return searchPath; }

    /**
     * The directory behind the search-path prefix {@code sysbuild}, the last entry of the search
     * path: the Nix files shipped in the jar, unpacked on first use into the user's cache.
     */
    public String bundledFilesDir() {
        String dir = Bytes.encode(BundledFiles.directory(BundledFiles.cacheRoot(io)).toString());
        if (!prefetching) {
            // An evaluation that looks up <sysbuild> imports the bundled files next: parse them ahead on another core.
            prefetching = true;
            BundledParses.prefetch(parser, dir);
        }
        return dir;
    }

    public Map<String, Value> globals() { return globals; }

    public Parser parser() { return parser; }

    ParseAhead parseAhead() { return parseAhead; }

    /** Parses text given on the command line; relative paths resolve against baseDir. */
    public Expr parse(String name, String text, String baseDir) {
        return parser.parse(Source.ofString(name, text), baseDir, parseAhead::offer);
    }

    public Value evalString(String name, String text, String baseDir) {
        Node node = compiler.compile(parse(name, text, baseDir));
        return node.eval(null);
    }

    /**
     * Like {@link #evalString}, with the attributes of {@code scope} as variables (they shadow
     * builtins of the same name); this is how the REPL keeps its bindings. Parse errors are
     * thrown at once, but the value comes back unevaluated (a thunk), so a binding stays lazy:
     * force it to evaluate.
     */
    public Value evalStringWithScope(String name, String text, String baseDir, NixAttrs scope) {
        String[] names = scope.names();
        String home = io.getEnv("HOME");
        Expr e = new Parser(withExtra(names), home.isEmpty() ? null : home).parse(Source.ofString(name, text), baseDir);
        return compiler.compile(e, names).delay(new Env(scope.values().clone(), null));
    }

    /** Parses a file (a byte-string path) without evaluating it. */
    public Expr parseFile(String path) {
        String text = io.readFile(path, null);
        return parser.parse(Source.ofFile(java.nio.file.Path.of(Bytes.decode(path)), text), parentOf(path));
    }

    /** {@code import path}: directories mean their default.nix; each file is evaluated once. */
    public Value importFile(String path) {
        String file = resolveImport(path);
        Value cached = imports.get(file);
        if (cached != null) return cached;
        Value v = new Thunk(compileFile(file), null);
        Value prev = imports.putIfAbsent(file, v);
        return prev != null ? prev : v;
    }

    public String resolveImport(String path) {
        String p = Paths.canonical(path);
        if (io.fileType(p) == EvalIO.FileType.SYMLINK) p = io.realPath(p);
        if (io.fileType(p) == EvalIO.FileType.DIRECTORY) p = p.endsWith("/") ? p + "default.nix" : p + "/default.nix";
        return p;
    }

    /** Compiles a file with extra names in its top scope (for scopedImport). */
    public Node compileFile(String file, String[] extraNames) {
        String text = io.readFile(file, null);
        Expr e = new Parser(withExtra(extraNames), null).parse(Source.ofFile(java.nio.file.Path.of(Bytes.decode(file)), text), parentOf(file));
        return compiler.compile(e, extraNames);
    }

    private java.util.Set<String> withExtra(String[] extra) {
        java.util.Set<String> names = new java.util.HashSet<>(globals.keySet());
        names.addAll(List.of(extra));
        return names;
    }

    private Node compileFile(String file) {
        String text = io.readFile(file, null);
        String key = file + "\0" + text.hashCode() + ":" + text.length();
        return compiledFiles().get(key, k -> compiler.compile(BundledFiles.isBundled(file)
                ? BundledParses.parse(parser, file, text, parentOf(file))
                : parseUserFile(file, text)));
    }

    private Expr parseUserFile(String file, String text) {
        Expr ahead = parseAhead.take(file, text);
        if (ahead != null) return ahead;
        return parser.parse(Source.ofFile(java.nio.file.Path.of(Bytes.decode(file)), text), parentOf(file), parseAhead::offer);
    }

    /** Created on the first import: an -E expression needs no file cache, and start-up is faster without it. */
    private synchronized Cache<String, Node> compiledFiles() {
        if (compiled == null) compiled = Caffeine.newBuilder().maximumSize(10_000).build();
        return compiled;
    }

    /**
     * Loads and initialises the evaluator's heaviest classes (the parser's ATN tables, the
     * builtins) so a caller can do it on another core while it parses its command line.
     */
    public static void warmUp() {
        Evaluator ev = new Evaluator(new LocalIO(java.util.Map.of()), List.of());
        // Parsing builds the parser's prediction tables lazily; a sample of the common forms
        // builds most of them here instead of while the user's file is parsed.
        ev.parse("warm-up", WARM_UP, "/");
        ev.evalString("warm-up", "1", "/");
        // The first Caffeine cache costs ~20 ms (its logger starts the JDK's logging; a bounded
        // cache's classes are made through method handles, spun at run time): pay it here, not
        // at the evaluation's first import (after the parser: every evaluation parses).
        Caffeine.newBuilder().maximumSize(1).build().put("warm-up", "warm-up");
    }

    private static final String WARM_UP = """
            { lib, config ? { }, pkgs, ... }@args:
            let
              inherit (builtins) map filter;
              f = x: y: if x < y then x + 1 else y - 1;
              s = rec { a = "str ${toString 1}"; b.c = [ 1 2.5 ./p null true ]; d = a; };
              t = ''
                text ${s.a}
              '';
            in with s; assert true; {
              x = f 1 2 // { y = s.b.c or [ ]; z = !(a == "b") && b ? c || false -> true; };
              "q${d}" = map (v: v) (filter (v: v != null) [ ]) ++ [ (-1 * 2 / 3) ];
            }
            """;

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}

package dev.sysbuild.eval;

import dev.sysbuild.language.Parser;
import dev.sysbuild.language.ast.Expr;
import dev.sysbuild.language.diag.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses of the bundled files (the module library and the OS modules, ~150 KB of Nix), shared
 * by every evaluator of the process and made ahead of need on another core.
 *
 * <p>An evaluation of a system imports the bundled files one after another, each parsed when
 * first imported, on the one evaluating thread. When an evaluation first looks up
 * {@code <sysbuild>}, {@link #prefetch} starts a background thread that parses them from the
 * last to the first, while evaluation asks for them from the first: a file is parsed once, by
 * whichever thread gets to it first, and the other waits for that parse rather than repeating it.
 *
 * <p>Only bundled files are kept (a fixed set of a few dozen), keyed by path, full text and the
 * parser's settings, so a key never matches a different file or a changed one. The ASTs are
 * immutable records, safe to share; each evaluator still compiles its own nodes from them.
 */
final class BundledParses {
    private record Key(String file, String text, Set<String> globals, String home) {
        // Written out: a record's generated equals and hashCode are linked through ObjectMethods
        // on first use, which spins method-handle classes (milliseconds of start-up; see StoreDir).
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.file.equals(file) && k.text.equals(text) && k.globals.equals(globals)
                    && java.util.Objects.equals(k.home, home);
        }

        @Override
        public int hashCode() {
            return (file.hashCode() * 31 + text.hashCode()) * 31 + java.util.Objects.hashCode(home);
        }
    }

    private static final Map<Key, CompletableFuture<Expr>> PARSES = new ConcurrentHashMap<>();

    private BundledParses() {}

    /** The parse of a bundled file (a byte-string path and its text), made now or by another thread. */
    static Expr parse(Parser parser, String file, String text, String baseDir) {
        Key key = new Key(file, text, parser.globals(), parser.home());
        CompletableFuture<Expr> mine = new CompletableFuture<>();
        CompletableFuture<Expr> theirs = PARSES.putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw e;
            }
        }
        try {
            Expr e = parser.parse(Source.ofFile(Path.of(Bytes.decode(file)), text), baseDir);
            mine.complete(e);
            return e;
        } catch (RuntimeException | StackOverflowError e) {
            // A failed parse is not kept: whoever asks again gets the error again, from its own parse.
            PARSES.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Starts parsing every bundled {@code .nix} file under {@code dir} (a byte-string path) on a
     * daemon thread, last first. Best effort: a file that fails to parse is left to the evaluation.
     */
    static void prefetch(Parser parser, String dir) {
        List<String> names = new ArrayList<>(BundledFiles.listing().keySet());
        Thread t = new Thread(() -> {
            for (int i = names.size() - 1; i >= 0; i--) {
                String name = names.get(i);
                if (!name.endsWith(".nix")) continue;
                String file = dir + "/" + Bytes.encode(name);
                try {
                    String text = Bytes.latin1(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(Bytes.decode(file))));
                    parse(parser, file, text, file.substring(0, file.lastIndexOf('/')));
                } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
                    // the evaluation reports it, if it ever imports this file
                }
            }
        }, "sysbuild-parse-bundled");
        t.setDaemon(true);
        t.start();
    }
}

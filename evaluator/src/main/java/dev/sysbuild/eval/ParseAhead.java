package dev.sysbuild.eval;

import dev.sysbuild.language.Parser;
import dev.sysbuild.language.ast.Expr;
import dev.sysbuild.language.diag.Source;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Parses, on another core, the files an evaluation is likely to import before it imports them:
 * those named by literal paths ({@code ./hardware.nix}, {@code configuration = /etc/system.conf})
 * in what it has parsed so far, and in turn those named in them.
 *
 * <p>Parsing is a large part of evaluating a big configuration (a 650 KB file takes ~0.25 s
 * here) and happens on the one evaluating thread, while the second core is mostly idle. A literal
 * path to a {@code .nix} or {@code .conf} file, or to a directory with a {@code default.nix}, is
 * queued when the parser meets it (a file without an extension is left alone: more likely a
 * kernel image or a script than Nix); one daemon thread parses the queue in order. When evaluation
 * imports a file it takes the parse from here if it is done or under way (waiting for the rest),
 * and parses the file itself otherwise; a parse is used only if the text evaluation read is the
 * text parsed. Files are read without being recorded as read ({@link EvalIO#peekImport}), so a
 * file never imported is no input of the evaluation; a file that fails to parse here is parsed
 * again by the evaluation, which reports the error.
 *
 * <p>Bounded: at most {@link #MAX_FILES} files of at most {@link #MAX_BYTES} each per evaluation.
 */
final class ParseAhead {
    static final int MAX_FILES = 256;
    static final int MAX_BYTES = 16 << 20;

    private record Parse(String text, CompletableFuture<Expr> expr) {}

    private final EvalIO io;
    private final Parser parser;
    /** Paths offered so far (as written), so each is looked at once. */
    private final Set<String> offered = new HashSet<>();
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    /** Parses started, by the file imported (a directory's default.nix); removed when taken. */
    private final Map<String, Parse> parses = new HashMap<>();
    private Thread worker;
    /** Files parsed here, and parses evaluation took (for tests). */
    private int parsed;
    private int used;

    ParseAhead(EvalIO io, Parser parser) {
        this.io = io;
        this.parser = parser;
    }

    /** A literal path met by the parser (absolute, canonical, a byte string). */
    synchronized void offer(String path) {
        if (offered.size() >= MAX_FILES || !offered.add(path)) return;
        if (!isNix(path) && path.lastIndexOf('.') > path.lastIndexOf('/')) {
            return; // a file of another kind (./logo.png, ./key.pub): used as data, not imported
        }
        queue.add(path);
        if (worker == null) {
            worker = new Thread(this::work, "sysbuild-parse-ahead");
            worker.setDaemon(true);
            worker.start();
        }
    }

    /**
     * The parse of {@code file} if one was made or is under way here for this exact text (waiting
     * for it), else null: the caller parses. Either way the file is not parsed here again.
     */
    Expr take(String file, String text) {
        Parse p;
        synchronized (this) {
            p = parses.remove(file);
            if (p == null) {
                parses.put(file, new Parse(null, CompletableFuture.completedFuture(null))); // claimed
                return null;
            }
        }
        if (p.text == null || !p.text.equals(text)) return null;
        Expr e;
        try {
            e = p.expr.join();
        } catch (RuntimeException failed) {
            return null; // the caller's own parse reports what is wrong
        }
        synchronized (this) {
            used++;
        }
        return e;
    }

    /** Waits until everything offered so far has been parsed (for tests). */
    synchronized void awaitIdle() throws InterruptedException {
        while (worker != null) wait();
    }

    synchronized int parsed() {
        return parsed;
    }

    synchronized int used() {
        return used;
    }

    private static boolean isNix(String path) {
        return path.endsWith(".nix") || path.endsWith(".conf");
    }

    /** Parses the queue; the thread ends when it is empty, and the next offer starts another. */
    private void work() {
        while (true) {
            String path;
            synchronized (this) {
                path = queue.poll();
                if (path == null) {
                    worker = null;
                    notifyAll();
                    return;
                }
            }
            parseOne(path);
        }
    }

    private void parseOne(String path) {
        EvalIO.Peeked peeked = io.peekImport(path, MAX_BYTES);
        if (peeked == null) return;
        String file = peeked.file();
        // A file without an extension is more likely data (a kernel image, a script) than Nix.
        if (!isNix(file) && !file.equals(path + "/default.nix")) return;
        String text = peeked.text();
        CompletableFuture<Expr> expr = new CompletableFuture<>();
        synchronized (this) {
            if (parses.containsKey(file)) return; // claimed by the evaluation, or already parsed
            parses.put(file, new Parse(text, expr));
            parsed++;
        }
        try {
            String dir = file.substring(0, Math.max(1, file.lastIndexOf('/')));
            expr.complete(parser.parse(Source.ofFile(Path.of(Bytes.decode(file)), text), dir, this::offer));
        } catch (RuntimeException | StackOverflowError e) {
            expr.completeExceptionally(e);
        }
    }
}

package dev.sysbuild.cli.evalcache;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.EvalIO;
import dev.sysbuild.language.diag.Span;
import java.util.List;
import java.util.Map;

/**
 * An {@link EvalIO} that passes every question on to another and notes the answer in
 * {@link Observations}: what an evaluation depended on, for the cache to check later.
 */
public final class RecordingIO implements EvalIO {
    private final EvalIO io;
    private final Observations seen = new Observations();

    public RecordingIO(EvalIO io) {
        this.io = io;
    }

    public Observations observations() {
        return seen;
    }

    private final List<String> messages = new java.util.ArrayList<>();

    /** The lines evaluation printed (traces, warnings), in order: a cache hit prints them again. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void message(String line) {
        messages.add(line);
        io.message(line);
    }

    @Override
    public String readFile(String path, Span span) {
        String s = io.readFile(path, span);
        seen.file(path, Bytes.raw(s));
        return s;
    }

    @Override
    public byte[] readFileBytes(String path, Span span) {
        byte[] b = io.readFileBytes(path, span);
        seen.file(path, b);
        return b;
    }

    @Override
    public boolean pathExists(String path) {
        boolean e = io.pathExists(path);
        seen.exists(path, e);
        return e;
    }

    @Override
    public FileType fileType(String path) {
        FileType t = io.fileType(path);
        seen.type(path, t);
        return t;
    }

    @Override
    public Map<String, FileType> readDir(String path, Span span) {
        Map<String, FileType> listing = io.readDir(path, span);
        seen.dir(path, listing);
        return listing;
    }

    @Override
    public String getEnv(String name) {
        String v = io.getEnv(name);
        seen.env(name, v);
        return v;
    }

    @Override
    public String realPath(String path) {
        String r = io.realPath(path);
        seen.realPath(path, r);
        return r;
    }

    @Override
    public long currentTime() {
        seen.uncacheable("it uses builtins.currentTime");
        return io.currentTime();
    }

    @Override
    public Peeked peekImport(String path, int maxBytes) {
        return io.peekImport(path, maxBytes); // not an input: only imports made are recorded
    }

    @Override
    public List<String> filesRead() {
        return io.filesRead();
    }
}

package dev.sysbuild.store.local;

import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.HashSink;
import dev.sysbuild.store.nar.NarReader;
import dev.sysbuild.store.nar.NarWriter;
import dev.sysbuild.store.path.StorePath;
import dev.sysbuild.store.refs.ReferenceScanner;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.LongConsumer;

/**
 * Copies a tree into the store the way Nix does, as its NAR: one thread serialises the source,
 * another unpacks that stream into the staging directory and hashes and scans exactly the bytes
 * it unpacked. So the recorded hash is the hash of what was written (no second read of the copy
 * is needed to know it), and on two cores reading and writing overlap.
 */
final class NarCopy {
    private NarCopy() {}

    /** Unpacks the NAR of {@code source} at {@code target} (which must not exist); returns its summary. */
    static NarSummary copy(Path source, Path target, Collection<StorePath> candidates) throws IOException {
        return copy(source, target, candidates, null, null);
    }

    /**
     * {@link #copy(Path, Path, Collection)}, handing each unpacked entry to {@code finisher} (if not
     * null) and telling {@code progress} (if not null) how many NAR bytes have been unpacked so far.
     */
    static NarSummary copy(Path source, Path target, Collection<StorePath> candidates, NarReader.Finisher finisher,
            LongConsumer progress) throws IOException {
        ChunkPipe pipe = new ChunkPipe();
        InputStream in = pipe.in;
        java.io.OutputStream out = pipe.out;
        FutureTask<Void> dump = new FutureTask<>(() -> {
            try (out) {
                NarWriter.dump(source, out);
            }
            return null;
        });
        Thread writer = new Thread(dump, "sysbuild-nar-dump");
        writer.setDaemon(true);
        writer.start();
        try {
            NarSummary summary = restore(in, target, candidates, finisher, progress);
            dump.get(); // the writer's own failure, if any, is the one to report
            return summary;
        } catch (IOException | RuntimeException e) {
            in.close(); // unblocks the writer
            // A source that could not be read makes the stream end early; that cause is the one to report.
            if (failureOf(dump, writer) instanceof IOException io) {
                io.addSuppressed(e);
                throw io;
            }
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new UncheckedIOException(new IOException("archiving '" + source + "' failed", e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying '" + source + "' into the store");
        }
    }

    /** Unpacks {@code nar} at {@code target}, hashing and scanning the bytes as they are read. */
    static NarSummary restore(InputStream nar, Path target, Collection<StorePath> candidates) throws IOException {
        return restore(nar, target, candidates, null, null);
    }

    private static NarSummary restore(InputStream nar, Path target, Collection<StorePath> candidates,
            NarReader.Finisher finisher, LongConsumer progress) throws IOException {
        Map<String, StorePath> byHashPart = new HashMap<>();
        for (StorePath c : candidates) byHashPart.put(c.hashPart(), c);
        HashSink sink = new HashSink(HashAlgo.SHA256);
        ReferenceScanner scanner = byHashPart.isEmpty() ? null : new ReferenceScanner(byHashPart.keySet());
        InputStream tee = new FilterInputStream(nar) {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    sink.write(b, off, n);
                    if (scanner != null) scanner.write(b, off, n);
                    if (progress != null) progress.accept(sink.size());
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                // Skipped bytes must be hashed too.
                byte[] buf = new byte[(int) Math.min(n, 8192)];
                int got = read(buf, 0, buf.length);
                return Math.max(got, 0);
            }
        };
        if (finisher == null) NarReader.restore(tee, target);
        else NarReader.restore(tee, target, finisher);
        SortedSet<StorePath> refs = new TreeSet<>();
        if (scanner != null) for (String h : scanner.found()) refs.add(byHashPart.get(h));
        return new NarSummary(sink.finish(), sink.size(), refs);
    }

    /** The writer's exception, or null if it finished (or is still stuck) without one. */
    private static Throwable failureOf(FutureTask<Void> dump, Thread writer) {
        try {
            writer.join(10_000);
            if (dump.isDone()) dump.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

package dev.sysbuild.store.local;

import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.HashSink;
import dev.sysbuild.store.nar.NarReader;
import dev.sysbuild.store.path.StorePath;
import dev.sysbuild.store.refs.ReferenceScanner;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Unpacks a NAR into the store's staging directory ({@code store import}, repairs), hashing and
 * scanning exactly the bytes it unpacks, so the recorded hash is the hash of what was written.
 * ({@code store add} copies a tree without a NAR stream: {@link TreeCopy}.)
 */
final class NarCopy {
    private NarCopy() {}

    /** Unpacks {@code nar} at {@code target}, hashing and scanning the bytes as they are read. */
    static NarSummary restore(InputStream nar, Path target, Collection<StorePath> candidates) throws IOException {
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
        NarReader.restore(tee, target);
        SortedSet<StorePath> refs = new TreeSet<>();
        if (scanner != null) for (String h : scanner.found()) refs.add(byHashPart.get(h));
        return new NarSummary(sink.finish(), sink.size(), refs);
    }
}

package dev.sysbuild.store.local;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.HashSink;
import dev.sysbuild.store.nar.NarWriter;
import dev.sysbuild.store.path.StorePath;
import dev.sysbuild.store.refs.ReferenceScanner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one pass over a tree's NAR tells the database: the sha256 and size of the NAR and which
 * candidate store paths it references. One pass, because the tree can be large and reading it
 * twice doubles the cost of every add.
 */
record NarSummary(Hash narHash, long narSize, SortedSet<StorePath> references) {

    /**
     * The summary of a regular, non-executable file holding {@code contents}, without a file: its
     * NAR is only a fixed frame around the bytes. A text path ({@code .drv} files) is known this way
     * before it is written, so it is not read back.
     */
    static NarSummary ofRegularFile(byte[] contents) {
        HashSink sink = new HashSink(HashAlgo.SHA256);
        for (String token : new String[] {"nix-archive-1", "(", "type", "regular", "contents"}) {
            narString(sink, token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        narString(sink, contents);
        narString(sink, new byte[] {')'});
        return new NarSummary(sink.finish(), sink.size(), new TreeSet<>());
    }

    /** A NAR string: its length as 8 little-endian bytes, the bytes, zeros up to a multiple of 8. */
    private static void narString(HashSink sink, byte[] s) {
        long n = s.length;
        for (int i = 0; i < 8; i++) sink.write((int) (n >>> (8 * i)) & 0xff);
        sink.write(s, 0, s.length);
        for (long pad = (8 - n % 8) % 8; pad > 0; pad--) sink.write(0);
    }

    static NarSummary of(Path tree, Collection<StorePath> candidates) throws IOException {
        Map<String, StorePath> byHashPart = new HashMap<>();
        for (StorePath c : candidates) byHashPart.put(c.hashPart(), c);
        HashSink sink = new HashSink(HashAlgo.SHA256);
        ReferenceScanner scanner = new ReferenceScanner(byHashPart.keySet());
        NarWriter.dump(tree, new OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
                scanner.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sink.write(b, off, len);
                scanner.write(b, off, len);
            }
        });
        SortedSet<StorePath> refs = new TreeSet<>();
        for (String h : scanner.found()) refs.add(byHashPart.get(h));
        return new NarSummary(sink.finish(), sink.size(), refs);
    }
}

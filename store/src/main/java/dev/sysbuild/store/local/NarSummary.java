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

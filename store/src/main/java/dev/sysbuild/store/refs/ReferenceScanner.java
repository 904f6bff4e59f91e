package dev.sysbuild.store.refs;

import dev.sysbuild.store.NixBase32;
import dev.sysbuild.store.nar.NarWriter;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Scans a byte stream for the 32-character hash parts of candidate store paths. Write the stream
 * (usually the NAR of a build output, so file contents, symlink targets and names all count) and
 * ask {@link #found()}. Only candidates are ever reported; the store prefix and name are not
 * needed, and a hash part inside a longer run of letters still counts, exactly as in Nix 2.8.
 *
 * <p>The search is Nix's: a window of 32 nix32 characters is checked right to left, and a
 * non-nix32 byte at offset j moves the window j+1 on. The last 31 bytes of each chunk are
 * searched again joined to the start of the next, so where the stream is cut never matters.
 */
public final class ReferenceScanner extends OutputStream {
    private static final int LENGTH = StorePath.HASH_LENGTH;

    private final Set<String> pending;
    private final SortedSet<String> found = new TreeSet<>();
    private byte[] tail = new byte[0];

    /** @param hashParts the hash parts to look for (32 nix32 characters each) */
    public ReferenceScanner(Collection<String> hashParts) {
        this.pending = new HashSet<>(hashParts);
    }

    /**
     * The candidates among {@code candidates} whose hash parts occur in the NAR of {@code path}:
     * the references of a build output.
     */
    public static SortedSet<StorePath> scan(Path path, Collection<StorePath> candidates) throws IOException {
        Map<String, StorePath> byHash = byHashPart(candidates);
        ReferenceScanner scanner = new ReferenceScanner(byHash.keySet());
        NarWriter.dump(path, scanner);
        return resolve(scanner.found(), byHash);
    }

    /** The candidates whose hash parts occur in the bytes of {@code in}. */
    public static SortedSet<StorePath> scan(InputStream in, Collection<StorePath> candidates) throws IOException {
        Map<String, StorePath> byHash = byHashPart(candidates);
        ReferenceScanner scanner = new ReferenceScanner(byHash.keySet());
        in.transferTo(scanner);
        return resolve(scanner.found(), byHash);
    }

    private static Map<String, StorePath> byHashPart(Collection<StorePath> candidates) {
        Map<String, StorePath> byHash = new HashMap<>();
        for (StorePath p : candidates) byHash.put(p.hashPart(), p);
        return byHash;
    }

    private static SortedSet<StorePath> resolve(Set<String> hashParts, Map<String, StorePath> byHash) {
        SortedSet<StorePath> paths = new TreeSet<>();
        for (String h : hashParts) paths.add(byHash.get(h));
        return paths;
    }

    /** The hash parts seen so far, sorted. */
    public SortedSet<String> found() {
        return Collections.unmodifiableSortedSet(found);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int off, int len) {
        if (pending.isEmpty() || len == 0) return;
        // A reference may straddle the previous chunk and this one: search the seam first.
        int head = Math.min(len, LENGTH);
        byte[] seam = new byte[tail.length + head];
        System.arraycopy(tail, 0, seam, 0, tail.length);
        System.arraycopy(data, off, seam, tail.length, head);
        search(seam, 0, seam.length);
        search(data, off, len);
        // Keep the last 31 bytes seen (from the old tail and this chunk) for the next seam.
        int keep = Math.min(LENGTH - 1, tail.length + len);
        byte[] next = new byte[keep];
        int fromData = Math.min(keep, len);
        int fromTail = keep - fromData;
        System.arraycopy(tail, tail.length - fromTail, next, 0, fromTail);
        System.arraycopy(data, off + len - fromData, next, fromTail, fromData);
        tail = next;
    }

    private void search(byte[] s, int off, int len) {
        int end = off + len;
        int i = off;
        outer:
        while (i + LENGTH <= end) {
            for (int j = LENGTH - 1; j >= 0; j--) {
                if (!isNix32(s[i + j])) {
                    i += j + 1;
                    continue outer;
                }
            }
            String candidate = new String(s, i, LENGTH, StandardCharsets.ISO_8859_1);
            if (pending.remove(candidate)) found.add(candidate);
            i++;
        }
    }

    private static boolean isNix32(byte b) {
        return b >= 0 && NixBase32.isDigit((char) b);
    }
}

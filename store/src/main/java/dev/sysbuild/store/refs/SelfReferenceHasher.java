package dev.sysbuild.store.refs;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.HashSink;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hashes a stream "modulo" a path's own hash part (Nix's {@code HashModuloSink}): every occurrence
 * of the hash part is hashed as 32 NUL bytes, and after the stream the text {@code |<offset>} is
 * hashed for each occurrence, in order. A path that refers to itself cannot contain its own final
 * hash, so this is what content-addresses it ({@code source:<refs>:self}); the offsets keep a NAR
 * that really contains NULs there from colliding with one that had self-references.
 */
public final class SelfReferenceHasher extends OutputStream {
    private final byte[] modulus;
    private final HashSink sink;
    private final List<Long> matches = new ArrayList<>();
    private byte[] pending = new byte[0];
    private long position;

    /** @param hashPart the 32-character hash part that must not influence the hash */
    public SelfReferenceHasher(HashAlgo algo, String hashPart) {
        this.modulus = hashPart.getBytes(StandardCharsets.ISO_8859_1);
        this.sink = new HashSink(algo);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int off, int len) {
        byte[] s = new byte[pending.length + len];
        System.arraycopy(pending, 0, s, 0, pending.length);
        System.arraycopy(data, off, s, pending.length, len);
        for (int j = indexOf(s, 0); j >= 0; j = indexOf(s, j + modulus.length)) {
            matches.add(position + j);
            java.util.Arrays.fill(s, j, j + modulus.length, (byte) 0);
        }
        // Hold back the last 31 bytes: they may begin an occurrence that the next write completes.
        int keep = Math.min(s.length, modulus.length - 1);
        int consumed = s.length - keep;
        sink.write(s, 0, consumed);
        position += consumed;
        pending = java.util.Arrays.copyOfRange(s, consumed, s.length);
    }

    private int indexOf(byte[] s, int from) {
        outer:
        for (int i = from; i + modulus.length <= s.length; i++) {
            for (int k = 0; k < modulus.length; k++) {
                if (s[i + k] != modulus[k]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** Byte offsets (in the whole stream) where the hash part occurred. */
    public List<Long> matches() {
        return List.copyOf(matches);
    }

    /** The hash of the blanked stream followed by {@code |<offset>} per occurrence. */
    public Hash finish() {
        sink.write(pending, 0, pending.length);
        position += pending.length;
        pending = new byte[0];
        for (long m : matches) {
            byte[] marker = ("|" + m).getBytes(StandardCharsets.US_ASCII);
            sink.write(marker, 0, marker.length);
        }
        return sink.finish();
    }
}

package dev.sysbuild.store.hash;

import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * An output stream that only digests and counts what is written to it, so a NAR can be hashed
 * (and its size known, as the store database records both) without holding it in memory.
 */
public final class HashSink extends OutputStream {
    private final HashAlgo algo;
    private final MessageDigest digest;
    private long size;
    private Hash result;

    public HashSink(HashAlgo algo) {
        this.algo = algo;
        this.digest = algo.newDigest();
    }

    @Override
    public void write(int b) {
        checkOpen();
        digest.update((byte) b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        checkOpen();
        digest.update(b, off, len);
        size += len;
    }

    /** Bytes written so far. */
    public long size() {
        return size;
    }

    /** The digest of everything written; the sink accepts no more bytes afterwards. */
    public Hash finish() {
        if (result == null) result = new Hash(algo, digest.digest());
        return result;
    }

    private void checkOpen() {
        if (result != null) throw new IllegalStateException("hash sink already finished");
    }
}

package dev.sysbuild.store.local;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reused file buffers for {@link TreeCopy}, in power-of-two sizes from 4 KiB up to a maximum: a
 * fresh array per file allocated as much as the tree's size, and the collector's young generation
 * was faulted in page by page and copied through. Safe to use from several threads.
 */
final class FileBuffers {
    private static final int MIN_SHIFT = 12;

    private final ConcurrentLinkedQueue<byte[]>[] free;

    /** Buffers of up to {@code max} bytes, a power of two of at least 4 KiB. */
    @SuppressWarnings("unchecked")
    FileBuffers(int max) {
        if (Integer.bitCount(max) != 1 || max < 1 << MIN_SHIFT) throw new IllegalArgumentException("max " + max);
        free = new ConcurrentLinkedQueue[Integer.numberOfTrailingZeros(max) - MIN_SHIFT + 1];
        for (int i = 0; i < free.length; i++) free[i] = new ConcurrentLinkedQueue<>();
    }

    private static int sizeClass(int size) {
        int shift = size <= 1 << MIN_SHIFT ? MIN_SHIFT : 32 - Integer.numberOfLeadingZeros(size - 1);
        return shift - MIN_SHIFT;
    }

    /** A buffer of at least {@code size} bytes (at most the maximum). */
    byte[] take(int size) {
        int c = sizeClass(size);
        byte[] b = free[c].poll();
        return b != null ? b : new byte[1 << (c + MIN_SHIFT)];
    }

    /** Gives back a buffer {@link #take} returned. */
    void give(byte[] b) {
        free[sizeClass(b.length)].offer(b);
    }
}

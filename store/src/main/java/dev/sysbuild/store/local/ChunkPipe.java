package dev.sysbuild.store.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pipe between two threads that hands over whole chunks, so writer and reader really run at the
 * same time. {@link java.io.PipedInputStream} did not: its writer waits until the reader has
 * drained the whole buffer, and the two threads mostly took turns.
 */
final class ChunkPipe {
    private static final int CHUNK = 256 * 1024;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(8);
    private volatile boolean readerGone;

    /** The writing end; {@link OutputStream#close()} marks the end of the stream. */
    final OutputStream out = new OutputStream() {
        private byte[] chunk = new byte[CHUNK];
        private int used;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, CHUNK - used);
                System.arraycopy(b, off, chunk, used, n);
                used += n;
                off += n;
                len -= n;
                if (used == CHUNK) flushChunk();
            }
        }

        private void flushChunk() throws IOException {
            if (used == 0) return;
            byte[] full = used == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, used);
            put(full);
            chunk = new byte[CHUNK];
            used = 0;
        }

        @Override
        public void close() throws IOException {
            flushChunk();
            put(END);
        }
    };

    /** The reading end; {@link InputStream#close()} makes further writes fail instead of block. */
    final InputStream in = new InputStream() {
        private byte[] chunk = new byte[0];
        private int pos;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            while (pos == chunk.length) {
                if (ended) return -1;
                try {
                    chunk = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading a NAR stream");
                }
                pos = 0;
                if (chunk == END) ended = true;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            readerGone = true;
            queue.clear();
        }
    };

    private void put(byte[] chunk) throws IOException {
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (readerGone) throw new IOException("the reading end of the NAR stream was closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a NAR stream");
        }
    }
}

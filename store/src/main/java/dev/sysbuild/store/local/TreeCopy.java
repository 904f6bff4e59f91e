package dev.sysbuild.store.local;

import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.HashSink;
import dev.sysbuild.store.nar.NarEntryType;
import dev.sysbuild.store.nar.NarReader;
import dev.sysbuild.store.nar.NarWriter;
import dev.sysbuild.store.path.StorePath;
import dev.sysbuild.store.refs.ReferenceScanner;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.function.LongConsumer;

/**
 * Copies a tree into the store with one walk of the source, hashing and scanning its NAR as it
 * goes: this thread walks the source in archive order, reads each file once into memory, feeds
 * the archive's bytes (framing and contents) to the hash and the reference scanner, and hands the
 * same bytes to writer threads, which create the copy's files. So the recorded hash is the hash
 * of exactly what was written, the writes (most of an add's system time: creating inodes and
 * filling pages) run on every core, and no byte passes through a NAR stream between threads.
 *
 * <p>Files larger than {@link #WHOLE_FILE} are streamed by this thread itself, a chunk at a time,
 * and at most {@link #IN_FLIGHT} bytes are read and not yet written, so memory stays bounded
 * whatever the tree. Each entry is handed to a {@link NarReader.Finisher} once complete, as
 * {@link NarReader#restore} does (files by the writers, directories at the end, deepest first).
 */
final class TreeCopy implements NarWriter.Visitor, AutoCloseable {
    /** Files up to this size are read whole and written by a writer thread. */
    static final int WHOLE_FILE = 1 << 20;
    /** At most this many bytes of whole files are held between reading and writing. */
    private static final int IN_FLIGHT = 32 << 20;
    private static final int STREAM_CHUNK = 256 * 1024;
    private static final Set<OpenOption> CREATE_WRITE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final Path target;
    private final NarReader.Finisher finisher;
    private final LongConsumer progress;
    private final HashSink sink;
    private final FileAttribute<?> fileMode;
    private final FileAttribute<?> executableMode;
    private final CopyWriters writers = new CopyWriters();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final FileBuffers buffers = new FileBuffers(WHOLE_FILE);
    /** The target directories of the source directories being walked, innermost first. */
    private final Deque<Path> open = new ArrayDeque<>();
    private final List<Path> directoriesDeepestFirst = new ArrayList<>();
    private byte[] streamChunk;

    private TreeCopy(Path target, NarReader.Finisher finisher, LongConsumer progress, HashSink sink) {
        this.target = target;
        this.finisher = finisher;
        this.progress = progress;
        this.sink = sink;
        this.fileMode = attribute(finisher.createMode(false));
        this.executableMode = attribute(finisher.createMode(true));
    }

    private static FileAttribute<?> attribute(Set<PosixFilePermission> mode) {
        return mode == null ? null : PosixFilePermissions.asFileAttribute(mode);
    }

    /**
     * Copies {@code source} (a file, directory or symlink) to {@code target}, which must not exist,
     * handing each entry to {@code finisher} once complete and telling {@code progress} (if not
     * null) how many archive bytes have been copied so far. Returns the NAR's hash and size and the
     * {@code candidates} whose hash parts it contains.
     */
    static NarSummary copy(Path source, Path target, Collection<StorePath> candidates, NarReader.Finisher finisher,
            LongConsumer progress) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cannot copy to '" + target + "': it already exists");
        }
        Map<String, StorePath> byHashPart = new HashMap<>();
        for (StorePath c : candidates) byHashPart.put(c.hashPart(), c);
        HashSink sink = new HashSink(HashAlgo.SHA256);
        ReferenceScanner scanner = byHashPart.isEmpty() ? null : new ReferenceScanner(byHashPart.keySet());
        OutputStream nar = new OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
                if (scanner != null) scanner.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sink.write(b, off, len);
                if (scanner != null) scanner.write(b, off, len);
            }
        };
        try (TreeCopy copy = new TreeCopy(target, finisher, progress, sink)) {
            NarWriter.dump(source, nar, copy);
            copy.finish();
        }
        SortedSet<StorePath> refs = new TreeSet<>();
        if (scanner != null) for (String h : scanner.found()) refs.add(byHashPart.get(h));
        return new NarSummary(sink.finish(), sink.size(), refs);
    }

    private Path targetOf(Path source) {
        return open.isEmpty() ? target : open.peek().resolve(source.getFileName());
    }

    @Override
    public void directory(Path dir) throws IOException {
        Path t = targetOf(dir);
        Files.createDirectory(t);
        open.push(t);
    }

    @Override
    public void directoryEnd(Path dir) {
        directoriesDeepestFirst.add(open.pop());
    }

    @Override
    public void symlink(Path link, String linkTarget) throws IOException {
        Path t = targetOf(link);
        Files.createSymbolicLink(t, Path.of(linkTarget));
        finisher.finished(t, NarEntryType.SYMLINK, false);
    }

    @Override
    public void regular(Path file, long size, boolean executable, OutputStream nar) throws IOException {
        writers.rethrowFailure();
        Path t = targetOf(file);
        if (size > WHOLE_FILE) {
            stream(file, t, size, executable, nar);
        } else {
            byte[] contents = buffers.take((int) size);
            acquire(contents.length);
            boolean handedOver = false;
            try {
                readFully(file, contents, (int) size);
                nar.write(contents, 0, (int) size);
                writers.add(size, () -> write(t, contents, (int) size, executable), () -> release(contents));
                handedOver = true;
            } finally {
                if (!handedOver) release(contents);
            }
        }
        // The archive so far, framing included, as the bytes the hash has seen (the NAR writer buffers its framing).
        if (progress != null) progress.accept(sink.size());
    }

    /** A writer thread's part: the file with its final mode, its contents, then the finisher's. */
    private void write(Path t, byte[] contents, int size, boolean executable) throws IOException {
        FileAttribute<?> mode = executable ? executableMode : fileMode;
        try (FileChannel ch = mode == null ? FileChannel.open(t, CREATE_WRITE) : FileChannel.open(t, CREATE_WRITE, mode)) {
            ByteBuffer b = ByteBuffer.wrap(contents, 0, size);
            while (b.hasRemaining()) ch.write(b);
        }
        if (mode == null && executable) makeExecutable(t);
        finisher.finished(t, NarEntryType.REGULAR, executable);
    }

    /** A large file, copied by this thread a chunk at a time (its bytes are hashed in order anyway). */
    private void stream(Path file, Path t, long size, boolean executable, OutputStream nar) throws IOException {
        if (streamChunk == null) streamChunk = new byte[STREAM_CHUNK];
        FileAttribute<?> mode = executable ? executableMode : fileMode;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                FileChannel out = mode == null ? FileChannel.open(t, CREATE_WRITE) : FileChannel.open(t, CREATE_WRITE, mode)) {
            long left = size;
            while (left > 0) {
                int want = (int) Math.min(streamChunk.length, left);
                ByteBuffer b = ByteBuffer.wrap(streamChunk, 0, want);
                while (b.hasRemaining()) {
                    if (in.read(b) < 0) throw changedSize(file);
                }
                nar.write(streamChunk, 0, want);
                b.flip();
                while (b.hasRemaining()) out.write(b);
                left -= want;
            }
        }
        if (mode == null && executable) makeExecutable(t);
        finisher.finished(t, NarEntryType.REGULAR, executable);
    }

    /**
     * Reads {@code size} bytes of {@code file}. Whatever the file holds beyond them is not looked
     * at (as nix-store --add): the archive and the copy are made from the same bytes either way.
     */
    private static void readFully(Path file, byte[] into, int size) throws IOException {
        if (size == 0) return;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer b = ByteBuffer.wrap(into, 0, size);
            while (b.hasRemaining()) {
                if (ch.read(b) < 0) throw changedSize(file);
            }
        }
    }

    private static IOException changedSize(Path file) {
        return new IOException("file '" + file + "' changed size while it was being added to the store");
    }

    private static void makeExecutable(Path t) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(t);
        perms.add(PosixFilePermission.OWNER_EXECUTE);
        perms.add(PosixFilePermission.GROUP_EXECUTE);
        perms.add(PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(t, perms);
    }

    /** Waits for the writers, then finishes the directories, deepest first (each after its entries). */
    private void finish() throws IOException {
        writers.finish();
        for (Path dir : directoriesDeepestFirst) finisher.finished(dir, NarEntryType.DIRECTORY, false);
    }

    private void acquire(int bytes) throws IOException {
        if (inFlight.tryAcquire(bytes)) return;
        writers.handOver(); // what this thread holds back must not be what it waits for
        try {
            inFlight.acquire(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying into the store");
        }
    }

    private void release(byte[] contents) {
        buffers.give(contents);
        inFlight.release(contents.length);
    }

    @Override
    public void close() {
        writers.close();
    }
}

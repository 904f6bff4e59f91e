package dev.sysbuild.store.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Info files of collected paths, kept for reuse in {@code db/free/} (as a database file keeps its
 * free pages) instead of being deleted. Deleting a file that holds data waits for the disk here
 * (the file system discards its block synchronously: ~0.1-0.3 ms each), and a collection deleted
 * an info file for every tree it deleted; a rename costs a few microseconds. A new registration
 * then writes into a pooled file (renamed to its temporary name first, overwritten, truncated to
 * its length within the same block, forced, renamed into place), so its block is neither freed
 * nor allocated. At most {@link #MAX_FILES} files are kept (16 MiB at one block each); beyond that
 * a collection deletes them as before.
 *
 * <p>A pooled file is never a registration: it is outside {@code info/}, and it is renamed into
 * {@code info/} only under a temporary name, which readers ignore and the sweep deletes.
 */
final class InfoFilePool {
    static final int MAX_FILES = 4096;

    private final Path dir;
    /** This process's idea of the pool's files, listed once; another process may take one first. */
    private Deque<String> known;

    InfoFilePool(StoreLayout layout) {
        this.dir = layout.dbDir().resolve("free");
    }

    Path dir() {
        return dir;
    }

    /** How many files the pool holds now (one listing). */
    int size() {
        String[] names = dir.toFile().list();
        return names == null ? 0 : names.length;
    }

    /**
     * Moves info file {@code info} of an unregistered path into the pool (the caller has made its
     * unregistering durable: a collection's journal). Returns false if it did not exist.
     */
    boolean give(Path info, String name) throws IOException {
        try {
            Files.move(info, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (NoSuchFileException e) {
            // No pool directory yet (or no such info file): create it and try once more. Several
            // threads may get here at once; each retries its own move, so none is lost.
            Files.createDirectories(dir);
            try {
                Files.move(info, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return true;
            } catch (NoSuchFileException gone) {
                return false;
            }
        }
    }

    /**
     * {@link AtomicFile#writeTemporary}, in a pooled file if there is one: returns a temporary file
     * beside {@code target} holding exactly {@code contents}, not forced to disk.
     */
    synchronized Path writeTemporary(Path target, byte[] contents) throws IOException {
        if (known == null) {
            String[] names = dir.toFile().list();
            known = new ArrayDeque<>(names == null ? Arrays.asList() : Arrays.asList(names));
        }
        while (!known.isEmpty()) {
            Path temp = target.toAbsolutePath().getParent()
                    .resolve(target.getFileName() + AtomicFile.TEMP_INFIX + AtomicFile.randomSuffix());
            try {
                Files.move(dir.resolve(known.poll()), temp, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException takenMeanwhile) {
                continue;
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(contents);
                while (buf.hasRemaining()) ch.write(buf, buf.position());
                ch.truncate(contents.length);
            } catch (IOException e) {
                // E.g. a pooled file another user's collection left, which this user may not write:
                // not reusable, and only a temporary file now; the next one, or a new file, will do.
                Files.deleteIfExists(temp);
                continue;
            }
            return temp;
        }
        return AtomicFile.writeTemporary(target, contents);
    }

    /** {@link AtomicFile#write} for an info file, in a pooled file if there is one. */
    void write(Path target, byte[] contents) throws IOException {
        Path temp = writeTemporary(target, contents);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.READ)) {
                ch.force(true);
            }
            AtomicFile.rename(temp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        AtomicFile.syncDirectory(target.toAbsolutePath().getParent());
    }
}

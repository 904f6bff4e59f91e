package dev.sysbuild.store.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

/**
 * The one way the store writes a file that must survive a crash: write {@code name.tmp-<random>}
 * beside the target, force it to disk, rename it over the target, force the directory. Readers
 * see the old file or the new one, never a part; a crash leaves at most a {@code .tmp-} file,
 * which readers ignore and garbage collection deletes.
 */
public final class AtomicFile {
    /** The infix of temporary files; a name containing it is never a committed file. */
    public static final String TEMP_INFIX = ".tmp-";


    private AtomicFile() {}

    /** Replaces (or creates) {@code target} with {@code contents}, atomically and durably. */
    public static void write(Path target, byte[] contents) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(target.getFileName() + TEMP_INFIX + randomSuffix());
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(contents);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw new IOException("cannot write '" + target + "' atomically: its directory does not support rename", e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(dir);
    }

    /**
     * The first half of {@link #write} for a caller that forces many files at once: writes
     * {@code contents} to a new temporary file beside {@code target} and returns it, not forced to
     * disk. The caller forces it, renames it over the target with {@link #rename} and forces the
     * directory.
     */
    static Path writeTemporary(Path target, byte[] contents) throws IOException {
        Path temp = target.toAbsolutePath().getParent().resolve(target.getFileName() + TEMP_INFIX + randomSuffix());
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(contents);
            while (buf.hasRemaining()) ch.write(buf);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** Renames a forced {@link #writeTemporary} file over its target, atomically. */
    static void rename(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether {@code fileName} is a leftover of an unfinished {@link #write}. */
    public static boolean isTemporary(String fileName) {
        return fileName.contains(TEMP_INFIX);
    }

    /**
     * Forces a directory's entries to disk, so a rename into it is durable before we report
     * success. Linux allows fsync on a directory opened read-only.
     */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /**
     * 16 hex digits for a temporary name: unique enough, since every temporary name is created
     * exclusively (a clash is an error, not a silent overwrite). Not SecureRandom: nothing here is
     * secret, and seeding it costs 10-25 ms of every short command's start.
     */
    public static String randomSuffix() {
        long r = java.util.concurrent.ThreadLocalRandom.current().nextLong() ^ (PID << 40);
        return HexFormat.of().toHexDigits(r);
    }

    private static final long PID = ProcessHandle.current().pid();
}

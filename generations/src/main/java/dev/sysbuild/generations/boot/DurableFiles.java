package dev.sysbuild.generations.boot;

import dev.sysbuild.store.local.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Crash-safe file changes on the boot partition. Every write goes to a temporary name in the same
 * directory, is forced to disk and renamed over the target; every rename and delete is followed
 * by forcing the directory, so a change we reported is on disk. A crash leaves at most a file
 * whose name holds {@link AtomicFile#TEMP_INFIX}, which boot loaders ignore (it does not end in
 * {@code .conf}) and the next write removes.
 */
final class DurableFiles {

    private DurableFiles() {}

    /** Writes {@code contents} to {@code target} unless it already holds exactly that; true if it wrote. */
    static boolean writeIfChanged(Path target, byte[] contents) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) == contents.length
                && Arrays.equals(Files.readAllBytes(target), contents)) {
            return false;
        }
        Files.createDirectories(target.getParent());
        AtomicFile.write(target, contents);
        return true;
    }

    /** Copies {@code source} (streamed: kernels and initrds can be large) to {@code target} atomically. */
    static void copy(Path source, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = tempBeside(target);
        try {
            try (InputStream in = Files.newInputStream(source);
                 FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                    while (b.hasRemaining()) ch.write(b);
                }
                ch.force(true);
            }
            move(temp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(dir);
    }

    /** Renames {@code from} to {@code to} (same directory) and makes the rename durable. */
    static void rename(Path from, Path to) throws IOException {
        move(from, to);
        syncDirectory(to.toAbsolutePath().getParent());
    }

    /** Deletes {@code file} if present and makes that durable. */
    static void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) syncDirectory(file.toAbsolutePath().getParent());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " atomically", e);
        }
    }

    private static Path tempBeside(Path target) {
        return target.resolveSibling(target.getFileName() + AtomicFile.TEMP_INFIX + AtomicFile.randomSuffix());
    }

    /** Linux allows fsync on a directory opened read-only; that makes its entries durable. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}

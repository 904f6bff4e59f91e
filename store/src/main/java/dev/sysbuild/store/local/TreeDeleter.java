package dev.sysbuild.store.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Deletes a store tree (or only measures it, for a dry run) and counts the bytes that frees: the
 * size of each file or symlink that has no other hard link. A file that {@code store optimise}
 * linked into {@code .links} frees nothing here; its bytes are counted when the collector removes
 * the {@code .links} entry no path uses any more. Read-only directories are made writable first,
 * since their entries cannot be removed otherwise.
 */
final class TreeDeleter {
    private static final Set<PosixFilePermission> WRITABLE_DIR = PosixFilePermissions.fromString("rwx------");

    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;

    private TreeDeleter() {}

    /** Deletes {@code root} (unless {@code dryRun}) and returns the bytes freed; a missing root frees 0. */
    static long delete(Path root, boolean dryRun) throws IOException {
        Map<String, Object> top;
        try {
            // One lstat(2) for the mode, size and link count: most store paths in a big store are
            // single files (.drv and text files), deleted here with two system calls in all.
            top = Files.readAttributes(root, "unix:mode,size,nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return 0;
        }
        int type = (Integer) top.get("mode") & S_IFMT;
        if (type != S_IFDIR) {
            long size = (Long) top.get("size");
            long freed = type == S_IFREG && (Integer) top.get("nlink") > 1 ? 0 : size;
            if (!dryRun && !root.toFile().delete() && Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("cannot delete '" + root + "'");
            }
            return freed;
        }
        long[] freed = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dryRun) Files.setPosixFilePermissions(dir, WRITABLE_DIR);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    freed[0] += freedBy(file, attrs);
                    if (!dryRun) Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) throw failure;
                    if (!dryRun) Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            return 0;
        }
        return freed[0];
    }

    /** What removing this one name frees: its size, unless another hard link keeps the data. */
    static long freedBy(Path file, BasicFileAttributes attrs) throws IOException {
        if (!attrs.isRegularFile()) return attrs.size();
        int links = (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        return links == 1 ? attrs.size() : 0;
    }
}

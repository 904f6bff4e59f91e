package dev.sysbuild.store.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/** Copying a tree into the store and deleting read-only store trees, never following symlinks. */
public final class FileTrees {
    private FileTrees() {}

    /**
     * Copies file, directory or symlink {@code source} to {@code target} (which must not exist).
     * Modes are copied only so the owner-execute bit survives; canonicalising comes after.
     */
    static void copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectory(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path to = target.resolve(source.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(to, Files.readSymbolicLink(file));
                } else if (attrs.isRegularFile()) {
                    Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                } else {
                    throw new IOException("cannot add '" + file + "' to the store: only regular files,"
                            + " directories and symlinks can be store objects");
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Forces every file and directory of {@code root} to disk. Without this a power cut soon after
     * the info file's rename could leave a valid path whose files are empty: the rename can reach
     * the disk before the data written ahead of it. Symlinks live in their directory's entries.
     */
    static void syncTree(Path root) throws IOException {
        TreeSync.sync(root);
    }

    /**
     * Deletes {@code root} and everything below it. Store directories are read-only, and without
     * root privileges a read-only directory's entries cannot be removed, so each directory is made
     * writable first. A missing root is not an error.
     */
    public static void deleteRecursively(Path root) throws IOException {
        // Most calls find a file, an empty directory (a build directory) or nothing: java.io.File#delete
        // is one unlink(2) (and an rmdir(2) for a directory), where the walk costs ten system calls.
        if (root.toFile().delete() || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
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
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

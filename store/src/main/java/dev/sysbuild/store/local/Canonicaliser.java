package dev.sysbuild.store.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Puts a tree into the form every store object has, as Nix's {@code canonicalisePathMetaData}:
 * files 0444 (0555 if the owner could execute them), directories 0555, every mtime 1 (the
 * epoch plus one second, which tools read as "not newer than anything"). That drops setuid,
 * setgid, sticky and group- or world-write bits, and makes the object read-only, so nothing
 * changes it after its NAR hash is recorded. Anything but a file, directory or symlink is
 * refused: a NAR cannot hold it.
 */
public final class Canonicaliser {
    static final FileTime MTIME = FileTime.fromMillis(1000);
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("r--r--r--");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("r-xr-xr-x");

    private Canonicaliser() {}

    /** Canonicalises {@code root} and everything below it; symlinks are never followed. */
    public static void canonicalise(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    boolean exec = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                            .contains(PosixFilePermission.OWNER_EXECUTE);
                    Files.setPosixFilePermissions(file, exec ? EXECUTABLE : FILE);
                } else if (!attrs.isSymbolicLink()) {
                    throw new IOException("cannot put '" + file + "' into the store: only regular files,"
                            + " directories and symlinks can be store objects");
                }
                // A symlink's own mode means nothing on Linux; its own mtime is set without following it.
                setMtime(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) throw failure;
                // After the children: changing them must not touch the directory once it is read-only.
                Files.setPosixFilePermissions(dir, EXECUTABLE);
                setMtime(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void setMtime(Path p) throws IOException {
        Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(MTIME, null, null);
    }
}

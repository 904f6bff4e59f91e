package dev.sysbuild.store.local;

import dev.sysbuild.store.nar.NarEntryType;
import dev.sysbuild.store.nar.NarReader;
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
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Canonicalises a tree while it is unpacked ({@link NarReader#restore(java.io.InputStream, Path,
     * NarReader.Finisher)}), so no second walk is needed: files are created with their final mode,
     * each gets mtime 1 once closed, each directory its mode and mtime once its last entry is
     * written. About three system calls per file instead of a walk's seven. Also keeps what a sync
     * of the tree needs to know (how many entries; the entries themselves while they are few).
     */
    static final class WhileUnpacking implements NarReader.Finisher {
        private final FileTime accessTime = FileTime.fromMillis(System.currentTimeMillis());
        private final List<Path> firstEntries = new ArrayList<>();
        private int entries;
        /** Whether the umask took bits from the creation mode (checked on the first file), so each file needs a chmod. */
        private Boolean umaskInterferes;

        @Override
        public Set<PosixFilePermission> createMode(boolean executable) {
            return executable ? EXECUTABLE : FILE;
        }

        @Override
        public void finished(Path p, NarEntryType type, boolean executable) throws IOException {
            switch (type) {
                case REGULAR -> {
                    Set<PosixFilePermission> want = executable ? EXECUTABLE : FILE;
                    if (umaskInterferes == null) {
                        umaskInterferes = !Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(want);
                    }
                    if (umaskInterferes) Files.setPosixFilePermissions(p, want);
                    // We created it in our own staging directory, so following links reaches this very file:
                    // the view that follows them sets both times with one open, futimens and close.
                    Files.getFileAttributeView(p, BasicFileAttributeView.class).setTimes(MTIME, accessTime, null);
                    counted(p);
                }
                case DIRECTORY -> {
                    // After its entries: creating them needed it writable.
                    Files.setPosixFilePermissions(p, EXECUTABLE);
                    Files.getFileAttributeView(p, BasicFileAttributeView.class).setTimes(MTIME, accessTime, null);
                    counted(p);
                }
                case SYMLINK -> setMtime(p); // lives in its directory's entries: not counted for syncing
                default -> throw new IOException("cannot put '" + p + "' into the store: only regular files,"
                        + " directories and symlinks can be store objects");
            }
        }

        private void counted(Path p) {
            if (++entries <= TreeSync.ONE_BY_ONE_LIMIT) firstEntries.add(p);
        }

        /** Forces the unpacked tree to disk as {@link TreeSync#sync} would, without walking it again. */
        void sync(Path root) throws IOException {
            TreeSync.sync(root, entries <= TreeSync.ONE_BY_ONE_LIMIT ? firstEntries : null);
        }
    }

    private static void setMtime(Path p) throws IOException {
        Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(MTIME, null, null);
    }
}

package dev.sysbuild.store.local;

import dev.sysbuild.store.nar.NarEntryType;
import dev.sysbuild.store.nar.NarReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
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
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("r--r--r--");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("r-xr-xr-x");

    private Canonicaliser() {}

    /**
     * Canonicalises {@code root} and everything below it; symlinks are never followed. One lstat
     * per entry (a directory's entries are listed, not walked with a second stat each), then for a
     * file or directory a chmod and its times through one open: builds register every output this
     * way, and a walk with {@code Files.walkFileTree} and per-attribute calls cost seven system
     * calls per file.
     */
    public static void canonicalise(Path root) throws IOException {
        canonicalise(root, FileTime.fromMillis(System.currentTimeMillis()));
    }

    private static void canonicalise(Path p, FileTime accessTime) throws IOException {
        int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        switch (mode & S_IFMT) {
            case S_IFREG -> {
                Files.setPosixFilePermissions(p, (mode & 0100) != 0 ? EXECUTABLE : FILE);
                // Not a symlink (just checked, and nobody else writes here): the view that follows links
                // sets both times with one open, futimens and close, without a stat of its own.
                Files.getFileAttributeView(p, BasicFileAttributeView.class).setTimes(MTIME, accessTime, null);
            }
            case S_IFDIR -> {
                List<Path> children = new ArrayList<>();
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(p)) {
                    entries.forEach(children::add);
                }
                for (Path c : children) canonicalise(c, accessTime);
                // After the children: changing them must not touch the directory once it is read-only.
                Files.setPosixFilePermissions(p, EXECUTABLE);
                Files.getFileAttributeView(p, BasicFileAttributeView.class).setTimes(MTIME, accessTime, null);
            }
            // A symlink's own mode means nothing on Linux; its own mtime is set without following it.
            case S_IFLNK -> setMtime(p);
            default -> throw new IOException("cannot put '" + p + "' into the store: only regular files,"
                    + " directories and symlinks can be store objects");
        }
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
                    if (umaskInterferes(p, want)) Files.setPosixFilePermissions(p, want);
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

        /** Files are finished on several threads at once ({@link TreeCopy}): the first one answers for all. */
        private synchronized boolean umaskInterferes(Path p, Set<PosixFilePermission> want) throws IOException {
            if (umaskInterferes == null) {
                umaskInterferes = !Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(want);
            }
            return umaskInterferes;
        }

        private synchronized void counted(Path p) {
            if (++entries <= TreeSync.ONE_BY_ONE_LIMIT) firstEntries.add(p);
        }

        /** Whether the tree has at most {@link TreeSync#ONE_BY_ONE_LIMIT} files and directories (so few that each is forced on its own). */
        synchronized boolean few() {
            return entries <= TreeSync.ONE_BY_ONE_LIMIT;
        }

        /** Forces the unpacked tree to disk as {@link TreeSync#sync} would, without walking it again. */
        synchronized void sync(Path root) throws IOException {
            TreeSync.sync(root, entries <= TreeSync.ONE_BY_ONE_LIMIT ? firstEntries : null);
        }
    }

    private static void setMtime(Path p) throws IOException {
        Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(MTIME, null, null);
    }
}

package dev.sysbuild.store.local;

import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.nar.Nar;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Hard-links identical regular files across store paths, as {@code nix-store --optimise}: each
 * file's content goes to {@code <store>/.links/<nix32 sha256 of the file's NAR>} once, and every
 * file with that content becomes a hard link to it. The key is the file's NAR hash, which covers
 * the executable bit, so two linked files always have the same mode; nothing a NAR records
 * changes, and neither does any path's NAR hash.
 *
 * <p>A file is replaced by a rename: a new link to the {@code .links} entry is made under a
 * {@code .tmp-} name in the store directory (where a crash leaves it as garbage the collector
 * removes, never as an extra file inside a store path) and renamed over the file. The directory
 * holding the file is writable only for that rename and gets its canonical mode and time back.
 * {@link GarbageCollector} removes {@code .links} entries whose only link is their own.
 */
final class StoreOptimiser {
    /** ext4 refuses more than 65,000 links to one inode; leave the rest as copies, as Nix does. */
    private static final int MAX_LINKS = 65_000;
    private static final Set<PosixFilePermission> WRITABLE_DIR = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> CANONICAL_DIR = PosixFilePermissions.fromString("r-xr-xr-x");

    private final StoreLayout layout;
    private int linked;
    private long saved;

    private StoreOptimiser(StoreLayout layout) {
        this.layout = layout;
    }

    static Path linksDir(StoreLayout layout) {
        return layout.physicalStoreDir().resolve(".links");
    }

    /** Optimises every valid path; the caller holds the global lock (shared is enough). */
    static OptimiseResult run(StoreLayout layout, ValidPathDb db) throws IOException {
        StoreOptimiser o = new StoreOptimiser(layout);
        Files.createDirectories(linksDir(layout));
        for (PathInfo info : db.all()) {
            Path tree = layout.physical(info.path());
            if (Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) o.optimiseTree(tree);
        }
        return new OptimiseResult(o.linked, o.saved);
    }

    private void optimiseTree(Path tree) throws IOException {
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) optimiseFile(file, attrs.size());
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void optimiseFile(Path file, long size) throws IOException {
        Path link = linksDir(layout).resolve(Nar.hash(file, HashAlgo.SHA256).toNix32());
        try {
            Files.createLink(link, file);
            return; // the first file with this content: it is the .links entry now
        } catch (FileAlreadyExistsException e) {
            // some file had this content before: link to it below
        }
        if (Files.isSameFile(link, file)) return;
        if (linkCount(link) >= MAX_LINKS) return;
        boolean lastCopy = linkCount(file) == 1;
        Path temp = layout.physicalStoreDir().resolve(StoreLayout.TEMP_PREFIX + "link-" + AtomicFile.randomSuffix());
        Files.createLink(temp, link);
        Path dir = file.getParent();
        boolean inPath = !dir.equals(layout.physicalStoreDir()); // a store path that is a single file
        try {
            if (inPath) Files.setPosixFilePermissions(dir, WRITABLE_DIR);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
            if (inPath) {
                Files.setPosixFilePermissions(dir, CANONICAL_DIR);
                Files.getFileAttributeView(dir, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setTimes(Canonicaliser.MTIME, null, null);
            }
        }
        linked++;
        if (lastCopy) saved += size;
    }

    private static int linkCount(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
    }
}

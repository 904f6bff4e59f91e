package dev.sysbuild.generations.activation;

import dev.sysbuild.generations.Links;
import dev.sysbuild.store.local.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Files activation writes with an owner and a mode ({@code /etc/shadow}, copied {@code /etc}
 * entries): written under a temporary name with the mode and owner already set, forced to disk
 * and renamed over the target, so the file never exists with the wrong mode. Changing the owner
 * needs root; without it the file keeps ours and a warning says so.
 */
final class OwnedFile {

    private OwnedFile() {}

    static void write(Path target, byte[] contents, int mode, int uid, int gid, Consumer<String> warn) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(target.getFileName() + AtomicFile.TEMP_INFIX + AtomicFile.randomSuffix());
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                setMode(temp, 0600);
                ByteBuffer buf = ByteBuffer.wrap(contents);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            chown(temp, uid, gid, target, warn);
            setMode(temp, mode);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Links.syncDirectory(dir);
    }

    /** Whether {@code target} already is a regular file with these contents, mode and owner. */
    static boolean matches(Path target, byte[] contents, int mode, int uid, int gid) throws IOException {
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) return false;
        if (Files.size(target) != contents.length || mode(target) != mode) return false;
        int u = (Integer) Files.getAttribute(target, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int g = (Integer) Files.getAttribute(target, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        if (isRoot() && (u != uid || g != gid)) return false;
        return java.util.Arrays.equals(Files.readAllBytes(target), contents);
    }

    static void chown(Path p, int uid, int gid, Path shownAs, Consumer<String> warn) throws IOException {
        try {
            Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemException e) {
            // EPERM when not root: the file is still correct in content and mode.
            warn.accept("cannot give " + shownAs + " to uid " + uid + ", gid " + gid + " (" + e.getReason()
                    + "); run as root to set owners");
        }
    }

    static void setMode(Path p, int mode) throws IOException {
        Files.setAttribute(p, "unix:mode", mode & 07777);
    }

    static int mode(Path p) throws IOException {
        return ((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 07777;
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}

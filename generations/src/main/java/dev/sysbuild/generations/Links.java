package dev.sysbuild.generations;

import dev.sysbuild.store.local.AtomicFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Symlinks that must survive a crash: a new link is made under a temporary name beside the old
 * one and renamed over it, so a reader (or the boot loader, or a crash) sees the old target or
 * the new, never no link.
 */
public final class Links {

    private Links() {}

    /** Points {@code link} at {@code target} (written as is: a logical path), atomically and durably. */
    public static void replace(Path link, String target) throws IOException {
        Path dir = link.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Optional<String> now = read(link);
        if (now.isPresent() && now.get().equals(target)) return;
        Path temp = dir.resolve(link.getFileName() + AtomicFile.TEMP_INFIX + AtomicFile.randomSuffix());
        try {
            Files.createSymbolicLink(temp, Path.of(target));
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw new IOException("cannot replace the link '" + link + "' atomically: its directory does not support rename", e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(dir);
    }

    /** The target {@code link} holds, or empty when it is absent or not a link. */
    public static Optional<String> read(Path link) throws IOException {
        if (!Files.isSymbolicLink(link)) return Optional.empty();
        return Optional.of(Files.readSymbolicLink(link).toString());
    }

    /** Removes a link (or file) durably; nothing happens if it is absent. */
    public static void remove(Path link) throws IOException {
        if (Files.deleteIfExists(link)) syncDirectory(link.toAbsolutePath().getParent());
    }

    /** Whether anything, even a dangling link, is at {@code p}. */
    public static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** Forces a directory's entries to disk, so a rename into it is durable before we go on. */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}

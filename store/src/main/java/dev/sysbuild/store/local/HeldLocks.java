package dev.sysbuild.store.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which lock files some process holds a lock on now, read from Linux's {@code /proc/locks}: one
 * read of a short file instead of trying the lock of every dead path (an open, a lock and a close
 * each; 100,000 of them cost seconds). The locks of this process are listed there too, so a path
 * this process is building counts as held as well.
 */
final class HeldLocks {
    private static final Path PROC_LOCKS = Path.of("/proc/locks");

    private final long device;
    private final Set<Long> inodes;

    private HeldLocks(long device, Set<Long> inodes) {
        this.device = device;
        this.inodes = inodes;
    }

    /** The locks held on {@code dir}'s file system, or empty where {@code /proc/locks} cannot be read. */
    static Optional<HeldLocks> on(Path dir) throws IOException {
        if (!Files.isReadable(PROC_LOCKS)) return Optional.empty();
        long device = ((Number) Files.getAttribute(dir, "unix:dev")).longValue();
        String wanted = String.format("%02x:%02x:", major(device), minor(device));
        Set<Long> inodes = new HashSet<>();
        // Lines look like "1: POSIX  ADVISORY  WRITE 1234 fe:00:2154501 0 EOF"; the sixth field is
        // major:minor:inode (device numbers in hex). Lines starting "->" are waiters, not holders.
        for (String line : Files.readAllLines(PROC_LOCKS, StandardCharsets.US_ASCII)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6 || f[1].equals("->")) continue;
            if (f[5].startsWith(wanted)) inodes.add(Long.parseLong(f[5].substring(wanted.length())));
        }
        return Optional.of(new HeldLocks(device, inodes));
    }

    /** Whether some process holds a lock on {@code lockFile}; false if the file does not exist. */
    boolean isHeld(Path lockFile) throws IOException {
        if (inodes.isEmpty()) return false;
        try {
            // One lstat(2) for both.
            java.util.Map<String, Object> a = Files.readAttributes(lockFile, "unix:dev,ino", LinkOption.NOFOLLOW_LINKS);
            return ((Number) a.get("dev")).longValue() == device && inodes.contains(((Number) a.get("ino")).longValue());
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    // glibc's gnu_dev_major/minor: the 64-bit dev_t keeps 12+20 bits of major and 20+12 of minor.
    private static long major(long dev) {
        return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
    }

    private static long minor(long dev) {
        return (dev & 0xff) | ((dev >>> 12) & ~0xffL);
    }
}

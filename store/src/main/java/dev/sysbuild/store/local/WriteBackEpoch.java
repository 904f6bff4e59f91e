package dev.sysbuild.store.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The write-back epoch of a directory's file system ({@link PendingSyncs}): the kernel's boot id
 * and the mount id of the mount holding it. Data written to the page cache reaches the disk
 * unless the epoch ends first; a reboot changes the boot id, and unmounting and mounting again
 * (a disk pulled out and plugged back) gives a new mount id. A mount seen through another mount
 * namespace has another id too, which only makes a settle check more than it needed to.
 */
final class WriteBackEpoch {
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");
    private static final Path MOUNT_INFO = Path.of("/proc/self/mountinfo");

    private WriteBackEpoch() {}

    /** The epoch of {@code dir}'s file system, or empty where /proc does not say (then adds sync at once). */
    static Optional<String> of(Path dir) {
        try {
            String boot = Files.readString(BOOT_ID, StandardCharsets.US_ASCII).trim();
            Optional<String> mount = mountId(Files.readString(MOUNT_INFO, StandardCharsets.UTF_8), dir.toRealPath());
            if (boot.isEmpty() || mount.isEmpty()) return Optional.empty();
            return Optional.of("boot " + boot + " mount " + mount.get());
        } catch (IOException | RuntimeException unknown) {
            return Optional.empty();
        }
    }

    /**
     * The id of the mount in {@code mountInfo} (the format of /proc/self/mountinfo) whose mount
     * point is the longest leading part of {@code realPath}: the last one listed of that length,
     * since a later mount on the same point hides the earlier.
     */
    static Optional<String> mountId(String mountInfo, Path realPath) {
        String best = null;
        int bestLength = -1;
        for (String line : mountInfo.split("\n")) {
            String[] f = line.split(" ");
            if (f.length < 5) continue;
            Path point = Path.of(unescape(f[4]));
            if (!realPath.startsWith(point)) continue;
            int length = point.getNameCount();
            if (length >= bestLength) {
                best = f[0];
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Mount points escape space, tab, newline and backslash as three octal digits after a backslash. */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) return false;
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') return false;
        }
        return true;
    }
}

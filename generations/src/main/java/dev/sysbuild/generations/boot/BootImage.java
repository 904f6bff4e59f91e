package dev.sysbuild.generations.boot;

import dev.sysbuild.store.NixBase32;
import dev.sysbuild.store.local.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A kernel or initrd as the boot partition holds it: copied (the ESP is FAT, so no links into the
 * store) under a name derived from its contents, {@code <32 nix-base32 chars>-vmlinuz} or
 * {@code -initrd}. Generations with the same kernel share one file, and a changed kernel can
 * never overwrite one an older entry still boots.
 *
 * @param name the file name in {@code R/boot/sysbuild/}
 * @param source the file under R the copy is made from
 * @param size its size in bytes
 */
record BootImage(String name, Path source, long size) {
    /** The boot partition's directory for images, and the path prefix entries use for them. */
    static final String DIR = "sysbuild";

    enum Kind {
        KERNEL("vmlinuz"), INITRD("initrd");

        final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }
    }

    private static final Pattern OURS = Pattern.compile("[" + NixBase32.ALPHABET + "]{32}-(vmlinuz|initrd)");

    /** Hashes {@code source} (SHA-256, truncated to 160 bits as store path hashes are) to name it. */
    static BootImage of(Path source, Kind kind) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        long size = 0;
        try (InputStream in = Files.newInputStream(source)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                size += n;
            }
        }
        String hash = NixBase32.encode(Arrays.copyOf(sha.digest(), 20));
        return new BootImage(hash + "-" + kind.suffix, source, size);
    }

    /** The path an entry names, relative to the root of the boot partition. */
    String bootPath() {
        return "/" + DIR + "/" + name;
    }

    /** Whether a file in {@code R/boot/sysbuild} was put there by us, so garbage collection may remove it. */
    static boolean isOurs(String fileName) {
        return OURS.matcher(fileName).matches() || isLeftover(fileName);
    }

    /** A temporary file an interrupted copy left behind. */
    static boolean isLeftover(String fileName) {
        int i = fileName.indexOf(AtomicFile.TEMP_INFIX);
        return i > 0 && OURS.matcher(fileName.substring(0, i)).matches();
    }
}

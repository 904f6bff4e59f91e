package dev.sysbuild.store.debian;

import dev.sysbuild.store.hash.HashAlgo;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * A directory of {@code .deb} files read as if it were a {@code Packages} index: each package's
 * {@code control} stanza with the {@code Filename}, {@code Size} and {@code SHA256} a mirror's
 * index would give it. This is how a local directory (e.g. filled by {@code apt-get download})
 * becomes a package set.
 */
public final class DebArchive {
    private DebArchive() {}

    /** Every {@code *.deb} directly in {@code dir}, by file name; {@code Filename} is relative to {@code dir}. */
    public static List<DebPackage> scan(Path dir) throws IOException {
        List<Path> debs;
        try (Stream<Path> s = Files.list(dir)) {
            debs = s.filter(p -> p.getFileName().toString().endsWith(".deb") && Files.isRegularFile(p)).sorted().toList();
        }
        List<DebPackage> out = new ArrayList<>();
        for (Path deb : debs) {
            String name = deb.getFileName().toString();
            String stanza = control(deb).strip() + "\nFilename: " + name + "\nSize: " + Files.size(deb)
                    + "\nSHA256: " + HashAlgo.SHA256.hash(Files.readAllBytes(deb)).toBase16() + "\n";
            out.addAll(PackagesIndex.parse(stanza, deb.toString()));
        }
        return out;
    }

    /** The text of the {@code control} file inside a {@code .deb}. */
    public static String control(Path deb) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(deb))) {
            ArArchiveInputStream ar = new ArArchiveInputStream(in);
            ArArchiveEntry e;
            while ((e = ar.getNextEntry()) != null) {
                if (!e.getName().startsWith("control.tar")) continue;
                TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(new BufferedInputStream(ar)));
                TarArchiveEntry t;
                while ((t = tar.getNextEntry()) != null) {
                    String n = t.getName();
                    if (n.equals("control") || n.equals("./control")) return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException(deb + " is not a Debian package with a control file");
    }

    private static InputStream decompressed(BufferedInputStream in) throws IOException {
        in.mark(8);
        byte[] m = in.readNBytes(6);
        in.reset();
        if (m.length >= 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b) return new GzipCompressorInputStream(in);
        if (m.length >= 6 && (m[0] & 0xff) == 0xfd && m[1] == '7' && m[2] == 'z' && m[3] == 'X') return new XZCompressorInputStream(in);
        if (m.length >= 4 && (m[0] & 0xff) == 0x28 && (m[1] & 0xff) == 0xb5 && (m[2] & 0xff) == 0x2f && (m[3] & 0xff) == 0xfd) {
            return new ZstdCompressorInputStream(in);
        }
        return in;
    }
}

package dev.sysbuild.store.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/**
 * A small Debian package made in the test, as dpkg-deb lays it out: an ar archive of
 * {@code debian-binary}, {@code control.tar.xz} and {@code data.tar.{xz,zst,gz}}, with entry
 * names like {@code ./usr/bin/x}. Entries are written exactly as given, hostile ones included.
 */
public final class TestDeb {
    /** How the data member is compressed. */
    public enum Compression { XZ, ZST, GZ }

    private record Entry(String name, String content, String link, boolean dir, int mode) {}

    private final String name;
    private final String version;
    private final List<Entry> data = new ArrayList<>();
    private final Map<String, String> control = new LinkedHashMap<>();
    private final Map<String, String> scripts = new LinkedHashMap<>();
    private Compression compression = Compression.XZ;

    public TestDeb(String name, String version) {
        this.name = name;
        this.version = version;
    }

    public TestDeb field(String field, String value) {
        control.put(field, value);
        return this;
    }

    public TestDeb file(String path, String content) {
        data.add(new Entry(path, content, null, false, 0644));
        return this;
    }

    public TestDeb executable(String path, String content) {
        data.add(new Entry(path, content, null, false, 0755));
        return this;
    }

    public TestDeb dir(String path) {
        data.add(new Entry(path, null, null, true, 0755));
        return this;
    }

    public TestDeb symlink(String path, String target) {
        data.add(new Entry(path, null, target, false, 0777));
        return this;
    }

    /** A maintainer script ({@code postinst}, ...) in the control member. */
    public TestDeb script(String script, String text) {
        scripts.put(script, text);
        return this;
    }

    public TestDeb compressed(Compression c) {
        compression = c;
        return this;
    }

    public byte[] bytes() throws IOException {
        StringBuilder c = new StringBuilder("Package: " + name + "\nVersion: " + version + "\nArchitecture: amd64\n");
        control.forEach((k, v) -> c.append(k).append(": ").append(v).append('\n'));
        c.append("Description: a test package\n made by TestDeb\n");
        byte[] controlTar = tar(t -> {
            dirEntry(t, "./");
            fileEntry(t, "./control", c.toString(), 0644);
            for (var s : scripts.entrySet()) fileEntry(t, "./" + s.getKey(), s.getValue(), 0755);
        });
        byte[] dataTar = tar(t -> {
            for (Entry e : data) {
                if (e.dir()) dirEntry(t, e.name());
                else if (e.link() != null) linkEntry(t, e.name(), e.link());
                else fileEntry(t, e.name(), e.content(), e.mode());
            }
        });
        ByteArrayOutputStream deb = new ByteArrayOutputStream();
        try (ArArchiveOutputStream ar = new ArArchiveOutputStream(deb)) {
            member(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
            member(ar, "control.tar.xz", compress(controlTar, Compression.XZ));
            String ext = switch (compression) { case XZ -> "xz"; case ZST -> "zst"; case GZ -> "gz"; };
            member(ar, "data.tar." + ext, compress(dataTar, compression));
        }
        return deb.toByteArray();
    }

    private interface TarWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private static byte[] tar(TarWriter w) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(b)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            w.write(tar);
        }
        return b.toByteArray();
    }

    private static void fileEntry(TarArchiveOutputStream tar, String name, String content, int mode) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(bytes.length);
        e.setMode(mode);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void dirEntry(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
        e.setMode(040755);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static void linkEntry(TarArchiveOutputStream tar, String name, String target) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
        e.setLinkName(target);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static byte[] compress(byte[] data, Compression c) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream o = switch (c) {
            case XZ -> new XZCompressorOutputStream(b);
            case ZST -> new ZstdCompressorOutputStream(b);
            case GZ -> new GzipCompressorOutputStream(b);
        }) {
            o.write(data);
        }
        return b.toByteArray();
    }

    private static void member(ArArchiveOutputStream ar, String name, byte[] content) throws IOException {
        ar.putArchiveEntry(new ArArchiveEntry(name, content.length));
        ar.write(content);
        ar.closeArchiveEntry();
    }
}

package dev.sysbuild.store.build;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * {@code builtin:unpack}: unpacks the archive {@code src} (a store path in the input closure)
 * into the directory {@code $out}. The format is found from the content, not the name: tar,
 * plain or compressed with gzip, xz, zstd or bzip2; zip; or a Debian package. Entries keep
 * their paths (no leading directory is stripped); {@link ArchiveExtractor} refuses any that
 * would land outside {@code $out}.
 *
 * <p>A {@code .deb} gives its {@code data.tar.*} as {@code $out}, and its {@code control.tar.*}
 * (the {@code control} file, maintainer scripts, {@code md5sums}) under
 * {@code $out/nix-support/deb-control/}, where {@code builtin:buildenv} does not look.
 */
final class Unpack implements Builder {
    private static final byte[] AR = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void build(BuildRequest req, BuildContext ctx) throws BuildException, IOException {
        String src = BuiltinBuilders.required(req, "src");
        Path archive = BuiltinBuilders.input(req, ctx, src);
        Path out = BuiltinBuilders.output(req, ctx, "out");
        if (!Files.isRegularFile(archive)) {
            throw new BuildException("builtin:unpack for '" + req.name() + "': '" + src + "' is not a file");
        }
        Files.createDirectory(out);
        ArchiveExtractor extractor = new ArchiveExtractor(out, "'" + src + "'");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
            byte[] head = peek(in, 512);
            if (startsWith(head, AR)) {
                deb(req, in, out, src);
            } else if (startsWith(head, new byte[] {'P', 'K', 3, 4}) || startsWith(head, new byte[] {'P', 'K', 5, 6})) {
                extractor.zip(in);
            } else {
                extractor.tar(decompressed(in));
            }
        } catch (IOException e) {
            if (e.getCause() instanceof BuildException b) throw b;
            throw new BuildException("builtin:unpack for '" + req.name() + "': cannot read '" + src + "': "
                    + e.getMessage(), e);
        }
        for (String s : extractor.skipped()) ctx.log("unpack: skipped '" + s + "' (not a file, directory or symlink)");
        ctx.log("unpacked '" + src + "'");
    }

    private static void deb(BuildRequest req, InputStream in, Path out, String src) throws IOException, BuildException {
        ArArchiveInputStream ar = new ArArchiveInputStream(in);
        ArArchiveEntry e;
        boolean data = false;
        while ((e = ar.getNextEntry()) != null) {
            String name = e.getName();
            InputStream member = new BufferedInputStream(ar);
            if (name.startsWith("data.tar")) {
                new ArchiveExtractor(out, "the data of '" + src + "'").tar(decompressed(member));
                data = true;
            } else if (name.startsWith("control.tar")) {
                Path control = out.resolve("nix-support/deb-control");
                Files.createDirectories(control);
                new ArchiveExtractor(control, "the control part of '" + src + "'").tar(decompressed(member));
            }
        }
        if (!data) {
            throw new BuildException("builtin:unpack for '" + req.name() + "': '" + src + "' looks like a Debian"
                    + " package but has no data.tar member");
        }
    }

    /** The stream itself for a plain tar, else the decompressor its first bytes call for. */
    static InputStream decompressed(InputStream in) throws IOException {
        InputStream b = in.markSupported() ? in : new BufferedInputStream(in);
        byte[] head = peek(b, 6);
        if (startsWith(head, new byte[] {0x1f, (byte) 0x8b})) return new GzipCompressorInputStream(b, true);
        if (startsWith(head, new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0})) return new XZCompressorInputStream(b, true);
        if (startsWith(head, new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd})) return new ZstdCompressorInputStream(b);
        if (startsWith(head, new byte[] {'B', 'Z', 'h'})) return new BZip2CompressorInputStream(b, true);
        return b;
    }

    private static byte[] peek(InputStream in, int n) throws IOException {
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        return head;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}

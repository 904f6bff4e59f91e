package dev.sysbuild.store.nar;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the NAR of a file, symlink or directory tree, byte for byte as {@code nix-store --dump}
 * does, streaming: file contents are copied through a small buffer, so a NAR of any size can be
 * hashed or sent without being held. Symlinks are archived, never followed, the root included.
 * Only the owner-execute bit of a file is recorded; times, owners and other modes are not.
 */
public final class NarWriter {
    private static final int BUFFER = 64 * 1024;

    /**
     * What a caller sees of each entry while its NAR is written ({@link #dump(Path, OutputStream,
     * Visitor)}), so that one walk of a tree both archives and copies it.
     */
    public interface Visitor {
        /** A directory, before its entries. */
        default void directory(Path dir) throws IOException {}

        /** A directory, after its last entry. */
        default void directoryEnd(Path dir) throws IOException {}

        /** A symlink and its target. */
        default void symlink(Path link, String target) throws IOException {}

        /**
         * Writes exactly {@code size} bytes, the contents of regular file {@code file}, to {@code nar}
         * (the archive being written), or fails.
         */
        void regular(Path file, long size, boolean executable, OutputStream nar) throws IOException;
    }

    private final OutputStream out;
    private final NarFilter filter;
    private final Visitor visitor;
    private final byte[] word = new byte[8];

    private NarWriter(OutputStream out, NarFilter filter, Visitor visitor) {
        this.out = out;
        this.filter = filter;
        this.visitor = visitor;
    }

    /** Archives each file's contents by reading it through a buffer, checking it does not change size. */
    private static final class Plain implements Visitor {
        private final byte[] copyBuffer = new byte[BUFFER];

        @Override
        public void regular(Path path, long size, boolean executable, OutputStream out) throws IOException {
            try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                long left = size;
                while (left > 0) {
                    int n = in.read(copyBuffer, 0, (int) Math.min(copyBuffer.length, left));
                    if (n < 0) break;
                    out.write(copyBuffer, 0, n);
                    left -= n;
                }
                if (left != 0 || in.read() >= 0) {
                    throw new IOException("file '" + path + "' changed size while it was being archived");
                }
            }
        }
    }

    /** Writes the NAR of {@code path} to {@code out} (which is flushed, not closed). */
    public static void dump(Path path, OutputStream out) throws IOException {
        dump(path, out, NarFilter.ALL);
    }

    /** Writes the NAR of {@code path}, leaving out the entries {@code filter} refuses. */
    public static void dump(Path path, OutputStream out, NarFilter filter) throws IOException {
        dump(path, out, filter, new Plain());
    }

    /**
     * Writes the NAR of {@code path}, telling {@code visitor} of each entry in archive order; the
     * visitor writes each regular file's contents.
     */
    public static void dump(Path path, OutputStream out, Visitor visitor) throws IOException {
        dump(path, out, NarFilter.ALL, visitor);
    }

    private static void dump(Path path, OutputStream out, NarFilter filter, Visitor visitor) throws IOException {
        // FilterOutputStream turns bulk writes into single-byte ones; pass them straight through.
        OutputStream keepOpen = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {}
        };
        BufferedOutputStream buffered = new BufferedOutputStream(keepOpen, BUFFER);
        NarWriter writer = new NarWriter(buffered, filter, visitor);
        writer.string(Nar.MAGIC);
        writer.node(path, attributes(path));
        buffered.flush();
    }

    private static PosixFileAttributes attributes(Path path) throws IOException {
        return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    static NarEntryType typeOf(PosixFileAttributes attrs) {
        if (attrs.isSymbolicLink()) return NarEntryType.SYMLINK;
        if (attrs.isRegularFile()) return NarEntryType.REGULAR;
        if (attrs.isDirectory()) return NarEntryType.DIRECTORY;
        return NarEntryType.UNKNOWN;
    }

    private void node(Path path, PosixFileAttributes attrs) throws IOException {
        string("(");
        string("type");
        switch (typeOf(attrs)) {
            case REGULAR -> regular(path, attrs);
            case SYMLINK -> {
                string("symlink");
                string("target");
                String target = Files.readSymbolicLink(path).toString();
                string(nameBytes(target, path));
                visitor.symlink(path, target);
            }
            case DIRECTORY -> directory(path);
            case UNKNOWN -> throw new IOException("file '" + path + "' has an unsupported type"
                    + " (only regular files, directories and symlinks can be archived)");
        }
        string(")");
    }

    private void regular(Path path, PosixFileAttributes attrs) throws IOException {
        string("regular");
        if (attrs.permissions().contains(PosixFilePermission.OWNER_EXECUTE)) {
            string("executable");
            string("");
        }
        string("contents");
        long size = attrs.size();
        integer(size);
        visitor.regular(path, size, attrs.permissions().contains(PosixFilePermission.OWNER_EXECUTE), out);
        padding(size);
    }

    private record Entry(Path path, byte[] name, PosixFileAttributes attrs) {}

    private void directory(Path dir) throws IOException {
        string("directory");
        visitor.directory(dir);
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                entries.add(new Entry(child, nameBytes(child.getFileName().toString(), child), attributes(child)));
            }
        }
        // Nix sorts by the raw bytes of the name (std::string order), not by Java's UTF-16 order.
        entries.sort((a, b) -> Arrays.compareUnsigned(a.name, b.name));
        for (Entry e : entries) {
            if (!filter.accept(e.path, typeOf(e.attrs))) continue;
            string("entry");
            string("(");
            string("name");
            string(e.name);
            string("node");
            node(e.path, e.attrs);
            string(")");
        }
        visitor.directoryEnd(dir);
    }

    private static byte[] nameBytes(String name, Path where) throws IOException {
        try {
            return NativeNames.encode(name);
        } catch (CharacterCodingException e) {
            throw new IOException("the name of '" + where + "' is not valid " + NativeNames.charsetName()
                    + "; rename it or run with a UTF-8 locale", e);
        }
    }

    private void string(String ascii) throws IOException {
        string(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private void string(byte[] s) throws IOException {
        integer(s.length);
        out.write(s);
        padding(s.length);
    }

    private void integer(long n) throws IOException {
        for (int i = 0; i < 8; i++) word[i] = (byte) (n >>> (8 * i));
        out.write(word);
    }

    private void padding(long n) throws IOException {
        int pad = (int) (Nar.paddedLength(n) - n);
        if (pad > 0) {
            Arrays.fill(word, (byte) 0);
            out.write(word, 0, pad);
        }
    }
}

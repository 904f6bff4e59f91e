package dev.sysbuild.store.nar;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Unpacks a NAR into a new file, symlink or directory. Reads exactly the archive's bytes and no
 * more (callers reading from a file should buffer the stream themselves).
 *
 * <p>Stricter than Nix 2.8's reader on purpose: besides bad magic, unknown tokens, non-zero
 * padding and truncation (which Nix also refuses), it refuses entry names that are empty,
 * {@code .}, {@code ..} or contain {@code /} or NUL, and entries that are not in strictly
 * increasing byte order. 2.8 restores unsorted archives; we do not, because an unsorted archive
 * does not hash like the tree it unpacks to, and duplicates would overwrite each other.
 *
 * <p>On error the partly written target is left behind; unpack into a temporary directory.
 */
public final class NarReader {
    private static final int MAX_TOKEN = 64;
    private static final int MAX_NAME = 4096;
    private static final int MAX_TARGET = 64 * 1024;
    private static final Set<OpenOption> CREATE_WRITE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    /**
     * Gives each unpacked entry its final form as soon as it is complete, so a caller that wants
     * the tree in some canonical form need not walk it again (each walk costs several system
     * calls per file).
     */
    public interface Finisher {
        /** The mode a regular file is created with, or null for the default (then the executable bit is set after). */
        Set<PosixFilePermission> createMode(boolean executable);

        /** Called once an entry is complete: a file once closed, a directory once all its entries are. */
        void finished(Path p, NarEntryType type, boolean executable) throws IOException;
    }

    private static final Finisher NONE = new Finisher() {
        @Override
        public Set<PosixFilePermission> createMode(boolean executable) {
            return null;
        }

        @Override
        public void finished(Path p, NarEntryType type, boolean executable) {}
    };

    private final InputStream in;
    private final Finisher finisher;
    private final byte[] word = new byte[8];
    private final byte[] copyBuffer = new byte[64 * 1024];
    private long offset;

    private NarReader(InputStream in, Finisher finisher) {
        this.in = in;
        this.finisher = finisher;
    }

    /**
     * Unpacks the NAR read from {@code in} to {@code target}, which must not exist yet.
     *
     * @throws NarFormatException if the archive is malformed (the message gives the byte offset)
     */
    public static void restore(InputStream in, Path target) throws IOException {
        restore(in, target, NONE);
    }

    /** {@link #restore(InputStream, Path)}, handing each entry to {@code finisher} once it is complete. */
    public static void restore(InputStream in, Path target, Finisher finisher) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cannot unpack a NAR to '" + target + "': it already exists");
        }
        NarReader reader = new NarReader(in, finisher);
        reader.magic();
        reader.node(target);
    }

    private void magic() throws IOException {
        // Checked by length first, so that any other input reads as "not a NAR", not as a long string.
        long length = integer();
        byte[] magic = new byte[Nar.MAGIC.length()];
        if (length == magic.length) {
            fill(magic, magic.length);
            padding(length);
        }
        if (!Arrays.equals(magic, Nar.MAGIC.getBytes(StandardCharsets.US_ASCII))) {
            throw bad("not a NAR archive (it does not start with '" + Nar.MAGIC + "')");
        }
    }

    private void node(Path target) throws IOException {
        expect("(");
        expect("type");
        String type = token();
        switch (type) {
            case "regular" -> regular(target);
            case "symlink" -> {
                expect("target");
                byte[] link = string(MAX_TARGET);
                Files.createSymbolicLink(target, linkTarget(link));
                expect(")");
                finisher.finished(target, NarEntryType.SYMLINK, false);
            }
            case "directory" -> directory(target);
            default -> throw bad("unknown file type '" + type + "'");
        }
    }

    private void regular(Path target) throws IOException {
        String tag = token();
        boolean executable = tag.equals("executable");
        if (executable) {
            if (!token().isEmpty()) throw bad("executable marker has a non-empty value");
            tag = token();
        }
        if (!tag.equals("contents")) throw bad("expected 'contents', got '" + tag + "'");
        long size = integer();
        if (size < 0) throw bad("file size out of range");
        Set<PosixFilePermission> mode = finisher.createMode(executable);
        try (OutputStream out = mode == null
                ? Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                : Channels.newOutputStream(Files.newByteChannel(target, CREATE_WRITE, PosixFilePermissions.asFileAttribute(mode)))) {
            long left = size;
            while (left > 0) {
                int n = in.read(copyBuffer, 0, (int) Math.min(copyBuffer.length, left));
                if (n < 0) throw truncated();
                out.write(copyBuffer, 0, n);
                left -= n;
                offset += n;
            }
        }
        padding(size);
        expect(")");
        if (executable && mode == null) {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(target));
            perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(target, perms);
        }
        finisher.finished(target, NarEntryType.REGULAR, executable);
    }

    /** Entries up to and including the directory node's closing parenthesis. */
    private void directory(Path target) throws IOException {
        Files.createDirectory(target);
        byte[] previous = null;
        while (true) {
            String tag = token();
            if (tag.equals(")")) {
                finisher.finished(target, NarEntryType.DIRECTORY, false);
                return;
            }
            if (!tag.equals("entry")) throw bad("expected 'entry' or ')', got '" + tag + "'");
            expect("(");
            expect("name");
            byte[] name = string(MAX_NAME);
            checkName(name);
            if (previous != null) {
                int order = Arrays.compareUnsigned(previous, name);
                if (order == 0) throw bad("duplicate entry '" + printable(name) + "'");
                if (order > 0) {
                    throw bad("entry '" + printable(name) + "' comes after '" + printable(previous)
                            + "'; entries must be sorted by the bytes of their names");
                }
            }
            previous = name;
            expect("node");
            node(target.resolve(decode(name, "entry name")));
            expect(")");
        }
    }

    private void checkName(byte[] name) throws NarFormatException {
        boolean dots = Arrays.equals(name, new byte[] {'.'}) || Arrays.equals(name, new byte[] {'.', '.'});
        boolean bad = name.length == 0 || dots;
        for (byte b : name) bad |= b == '/' || b == 0;
        if (bad) throw bad("invalid file name '" + printable(name) + "'");
    }

    private void expect(String wanted) throws IOException {
        String got = token();
        if (!got.equals(wanted)) throw bad("expected '" + wanted + "', got '" + got + "'");
    }

    private String token() throws IOException {
        return new String(string(MAX_TOKEN), StandardCharsets.ISO_8859_1);
    }

    private byte[] string(int max) throws IOException {
        long length = integer();
        if (length < 0 || length > max) throw bad("string of " + length + " bytes is longer than " + max);
        byte[] s = new byte[(int) length];
        fill(s, s.length);
        padding(length);
        return s;
    }

    private long integer() throws IOException {
        fill(word, 8);
        long n = 0;
        for (int i = 7; i >= 0; i--) n = (n << 8) | (word[i] & 0xff);
        return n;
    }

    private void padding(long n) throws IOException {
        int pad = (int) (Nar.paddedLength(n) - n);
        fill(word, pad);
        for (int i = 0; i < pad; i++) {
            if (word[i] != 0) throw bad("non-zero padding");
        }
    }

    private void fill(byte[] buf, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(buf, done, len - done);
            if (n < 0) throw truncated();
            done += n;
            offset += n;
        }
    }

    private Path linkTarget(byte[] link) throws NarFormatException {
        if (link.length == 0) throw bad("empty symlink target");
        try {
            return Path.of(decode(link, "symlink target"));
        } catch (InvalidPathException e) {
            throw bad("invalid symlink target '" + printable(link) + "'");
        }
    }

    private static String decode(byte[] bytes, String what) throws NarFormatException {
        try {
            return NativeNames.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new NarFormatException("NAR " + what + " '" + printable(bytes) + "' is not valid "
                    + NativeNames.charsetName() + "; it cannot be created from Java");
        }
    }

    private static String printable(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private EOFException truncated() {
        return new EOFException("NAR ends early at byte " + offset + " (truncated archive)");
    }

    private NarFormatException bad(String what) {
        return new NarFormatException("invalid NAR at byte " + offset + ": " + what);
    }
}

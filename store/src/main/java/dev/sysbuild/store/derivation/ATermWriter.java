package dev.sysbuild.store.derivation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Writes a derivation as Nix 2.8's {@code Derivation::unparse} does. Only the builder, args and
 * env keys and values are escaped ({@code " \ LF CR TAB}); names, paths, hash fields and even
 * {@code system} are written raw, so a {@code system} containing {@code "} gives a {@code .drv}
 * that cannot be read back, in Nix as here. Every other byte is copied as is.
 */
final class ATermWriter {
    /**
     * The bytes so far. Not a ByteArrayOutputStream: its write(int) is synchronized, and a system's
     * toplevel carries megabytes of escaped JSON in its environment, written two or three times
     * per evaluation (output paths, {@code .drv} path, modulo hash).
     */
    private byte[] buf = new byte[1024];
    private int size;

    private ATermWriter() {}

    /**
     * @param maskOutputs blank every output path and every env value whose key is an output name
     *     (the form hashed to compute output paths)
     * @param inputDrvs what to list as input derivations instead of {@code d.inputDrvs()} (the
     *     modulo hashes, when hashing), or {@code null}
     */
    static byte[] write(Derivation d, boolean maskOutputs, Map<String, ? extends Collection<String>> inputDrvs) {
        ATermWriter w = new ATermWriter();
        w.lit("Derive([");
        boolean first = true;
        for (Map.Entry<String, DerivationOutput> o : d.outputs().entrySet()) {
            first = w.comma(first);
            DerivationOutput out = o.getValue();
            w.lit("(");
            w.unquoted(o.getKey());
            w.lit(",");
            w.unquoted(maskOutputs ? "" : out.path());
            w.lit(",");
            w.unquoted(out.hashAlgo());
            w.lit(",");
            w.unquoted(out.hash());
            w.lit(")");
        }
        w.lit("],[");
        first = true;
        for (Map.Entry<String, ? extends Collection<String>> i : (inputDrvs != null ? inputDrvs : d.inputDrvs()).entrySet()) {
            first = w.comma(first);
            w.lit("(");
            w.unquoted(i.getKey());
            w.lit(",");
            w.unquotedList(i.getValue());
            w.lit(")");
        }
        w.lit("],");
        w.unquotedList(d.inputSrcs());
        w.lit(",");
        w.unquoted(d.system());
        w.lit(",");
        w.quoted(d.builder());
        w.lit(",[");
        first = true;
        for (String a : d.args()) {
            first = w.comma(first);
            w.quoted(a);
        }
        w.lit("],[");
        first = true;
        Set<String> outputNames = d.outputs().keySet();
        for (Map.Entry<String, String> e : d.env().entrySet()) {
            first = w.comma(first);
            w.lit("(");
            w.quoted(e.getKey());
            w.lit(",");
            w.quoted(maskOutputs && outputNames.contains(e.getKey()) ? "" : e.getValue());
            w.lit(")");
        }
        w.lit("])");
        return Arrays.copyOf(w.buf, w.size);
    }

    private boolean comma(boolean first) {
        if (!first) put(',');
        return false;
    }

    private void unquotedList(Collection<String> items) {
        lit("[");
        boolean first = true;
        for (String s : items) {
            first = comma(first);
            unquoted(s);
        }
        lit("]");
    }

    private void unquoted(String s) {
        put('"');
        raw(s);
        put('"');
    }

    /** {@code s} between quotes, escaped; runs that need no escape are copied as one block. */
    private void quoted(String s) {
        put('"');
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1); // '?' checked below, as bytesOf does
        ensure(b.length + 2);
        int run = 0;
        for (int i = 0; i < b.length; i++) {
            byte c = b[i];
            if (c > '\\' || c < 0) continue; // (every escaped byte is at most '\\')
            if (c == '?') {
                if (s.charAt(i) != '?') throw notAByte(s, i);
                continue;
            }
            String escape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> null;
            };
            if (escape == null) continue;
            append(b, run, i);
            lit(escape);
            run = i + 1;
        }
        append(b, run, b.length);
        put('"');
    }

    /** A piece of the format itself (ASCII), copied as it is: no array, no check, as {@link #raw} needs for values. */
    private void lit(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) buf[size++] = (byte) s.charAt(i);
    }

    private void raw(String s) {
        byte[] b = bytesOf(s);
        append(b, 0, b.length);
    }

    private void put(char c) {
        ensure(1);
        buf[size++] = (byte) c;
    }

    private void append(byte[] b, int from, int to) {
        ensure(to - from);
        System.arraycopy(b, from, buf, size, to - from);
        size += to - from;
    }

    private void ensure(int more) {
        if (buf.length - size < more) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }

    /**
     * The string's chars as bytes. ISO-8859-1 encoding copies them (one array copy for the usual
     * compact string) but turns a char above U+00FF into {@code ?}, so each {@code ?} is checked.
     */
    private static byte[] bytesOf(String in) {
        byte[] b = in.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '?' && in.charAt(i) != '?') throw notAByte(in, i);
        }
        return b;
    }

    private static DerivationFormatException notAByte(String in, int i) {
        return new DerivationFormatException("derivation string '" + in + "' holds the character U+"
                + String.format("%04X", (int) in.charAt(i)) + "; derivation strings must be bytes (one char per byte,"
                + " text as its UTF-8 bytes)");
    }
}

package dev.sysbuild.store.derivation;

import java.io.ByteArrayOutputStream;
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
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

    private ATermWriter() {}

    /**
     * @param maskOutputs blank every output path and every env value whose key is an output name
     *     (the form hashed to compute output paths)
     * @param inputDrvs what to list as input derivations instead of {@code d.inputDrvs()} (the
     *     modulo hashes, when hashing), or {@code null}
     */
    static byte[] write(Derivation d, boolean maskOutputs, Map<String, ? extends Collection<String>> inputDrvs) {
        ATermWriter w = new ATermWriter();
        w.raw("Derive([");
        boolean first = true;
        for (Map.Entry<String, DerivationOutput> o : d.outputs().entrySet()) {
            first = w.comma(first);
            DerivationOutput out = o.getValue();
            w.raw("(");
            w.unquoted(o.getKey());
            w.raw(",");
            w.unquoted(maskOutputs ? "" : out.path());
            w.raw(",");
            w.unquoted(out.hashAlgo());
            w.raw(",");
            w.unquoted(out.hash());
            w.raw(")");
        }
        w.raw("],[");
        first = true;
        for (Map.Entry<String, ? extends Collection<String>> i : (inputDrvs != null ? inputDrvs : d.inputDrvs()).entrySet()) {
            first = w.comma(first);
            w.raw("(");
            w.unquoted(i.getKey());
            w.raw(",");
            w.unquotedList(i.getValue());
            w.raw(")");
        }
        w.raw("],");
        w.unquotedList(d.inputSrcs());
        w.raw(",");
        w.unquoted(d.system());
        w.raw(",");
        w.quoted(d.builder());
        w.raw(",[");
        first = true;
        for (String a : d.args()) {
            first = w.comma(first);
            w.quoted(a);
        }
        w.raw("],[");
        first = true;
        Set<String> outputNames = d.outputs().keySet();
        for (Map.Entry<String, String> e : d.env().entrySet()) {
            first = w.comma(first);
            w.raw("(");
            w.quoted(e.getKey());
            w.raw(",");
            w.quoted(maskOutputs && outputNames.contains(e.getKey()) ? "" : e.getValue());
            w.raw(")");
        }
        w.raw("])");
        return w.out.toByteArray();
    }

    private boolean comma(boolean first) {
        if (!first) out.write(',');
        return false;
    }

    private void unquotedList(Collection<String> items) {
        raw("[");
        boolean first = true;
        for (String s : items) {
            first = comma(first);
            unquoted(s);
        }
        raw("]");
    }

    private void unquoted(String s) {
        out.write('"');
        raw(s);
        out.write('"');
    }

    private void quoted(String s) {
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"', '\\' -> {
                    out.write('\\');
                    out.write(c);
                }
                case '\n' -> raw("\\n");
                case '\r' -> raw("\\r");
                case '\t' -> raw("\\t");
                default -> out.write(byteOf(c, s));
            }
        }
        out.write('"');
    }

    private void raw(String s) {
        for (int i = 0; i < s.length(); i++) out.write(byteOf(s.charAt(i), s));
    }

    private static int byteOf(char c, String in) {
        if (c > 0xff) {
            throw new DerivationFormatException("derivation string '" + in + "' holds the character U+"
                    + String.format("%04X", (int) c) + "; derivation strings must be bytes (one char per byte,"
                    + " text as its UTF-8 bytes)");
        }
        return c;
    }
}

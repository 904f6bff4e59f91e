package dev.sysbuild.eval;

import java.nio.charset.StandardCharsets;

/**
 * Conversions between Java text and the evaluator's byte strings, which hold one byte per char
 * (ISO-8859-1), so that Nix's byte semantics (lengths, substrings, sorting) come for free.
 */
public final class Bytes {
    private Bytes() {}

    /** Java text to a byte string (UTF-8 bytes). */
    public static String encode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) return latin1(text.getBytes(StandardCharsets.UTF_8));
        }
        return text;
    }

    /** A byte string back to Java text (decoding UTF-8). */
    public static String decode(String bytes) {
        for (int i = 0; i < bytes.length(); i++) {
            if (bytes.charAt(i) >= 0x80) return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
        return bytes;
    }

    public static String latin1(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    public static byte[] raw(String bytes) {
        return bytes.getBytes(StandardCharsets.ISO_8859_1);
    }
}

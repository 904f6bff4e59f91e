package dev.sysbuild.eval.print;

/**
 * UTF-8 inside the evaluator's byte strings (one byte per char): checking that a sequence is
 * well formed, and writing code points as bytes. JSON and TOML are UTF-8 by definition, while
 * Nix strings are arbitrary bytes, so every crossing between the two goes through here.
 */
public final class Utf8 {
    private Utf8() {}

    /**
     * The length (1 to 4) of the well-formed UTF-8 sequence starting at {@code i}; otherwise
     * zero or less: minus the offset from {@code i} of the first byte that makes it ill-formed (a
     * byte that cannot start or continue a sequence, an overlong form, a surrogate, a value above
     * U+10FFFF). When the string ends inside the sequence, that offset points just past its end
     * ({@link #isTruncated}).
     */
    public static int sequenceLength(String s, int i) {
        int b = s.charAt(i);
        if (b < 0x80) return 1;
        int len;
        int lo = 0x80;
        int hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            len = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            len = 3;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            len = 4;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        } else {
            return 0;
        }
        for (int k = 1; k < len; k++) {
            if (i + k >= s.length()) return -k;
            int c = s.charAt(i + k);
            if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return -k;
        }
        return len;
    }

    /** Whether a failed {@link #sequenceLength} at {@code i} failed only because the string ended. */
    public static boolean isTruncated(String s, int i, int result) {
        return result <= 0 && i - result >= s.length();
    }

    /** The index of the first byte that is not part of well-formed UTF-8, or -1 if all is well formed. */
    public static int firstInvalid(String s) {
        for (int i = 0; i < s.length(); ) {
            int n = sequenceLength(s, i);
            if (n <= 0) return i - n;
            i += n;
        }
        return -1;
    }

    /** The code point of the well-formed sequence at {@code i} (see {@link #sequenceLength}). */
    public static int decode(String s, int i, int len) {
        int b = s.charAt(i);
        if (len == 1) return b;
        int cp = b & (0xFF >> (len + 1));
        for (int k = 1; k < len; k++) cp = (cp << 6) | (s.charAt(i + k) & 0x3F);
        return cp;
    }

    /** Appends a Unicode scalar value as UTF-8 bytes, one char per byte. */
    public static void append(StringBuilder sb, int cp) {
        if (cp < 0x80) {
            sb.append((char) cp);
        } else if (cp < 0x800) {
            sb.append((char) (0xC0 | cp >> 6)).append((char) (0x80 | cp & 0x3F));
        } else if (cp < 0x10000) {
            sb.append((char) (0xE0 | cp >> 12)).append((char) (0x80 | cp >> 6 & 0x3F))
                    .append((char) (0x80 | cp & 0x3F));
        } else {
            sb.append((char) (0xF0 | cp >> 18)).append((char) (0x80 | cp >> 12 & 0x3F))
                    .append((char) (0x80 | cp >> 6 & 0x3F)).append((char) (0x80 | cp & 0x3F));
        }
    }
}

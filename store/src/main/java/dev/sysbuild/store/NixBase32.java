package dev.sysbuild.store;

/**
 * Nix's own base-32 ("nix32"): the alphabet {@code 0-9a-z} without {@code e o u t}, no padding,
 * and the bytes read as one little-endian number written most significant digit first. This is
 * not RFC 4648; store-path hashes and {@code nix-hash --base32} use it.
 */
public final class NixBase32 {
    public static final String ALPHABET = "0123456789abcdfghijklmnpqrsvwxyz";

    private static final byte[] DIGIT = new byte[128];

    static {
        java.util.Arrays.fill(DIGIT, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) DIGIT[ALPHABET.charAt(i)] = (byte) i;
    }

    private NixBase32() {}

    /** The number of characters for {@code size} bytes: 26 for md5, 32 for sha1, 52 for sha256, 103 for sha512. */
    public static int encodedLength(int size) {
        return size == 0 ? 0 : (size * 8 - 1) / 5 + 1;
    }

    public static String encode(byte[] bytes) {
        int len = encodedLength(bytes.length);
        StringBuilder sb = new StringBuilder(len);
        for (int n = len - 1; n >= 0; n--) {
            int b = n * 5;
            int i = b / 8;
            int j = b % 8;
            int low = (bytes[i] & 0xff) >>> j;
            int high = i + 1 < bytes.length ? (bytes[i + 1] & 0xff) << (8 - j) : 0;
            sb.append(ALPHABET.charAt((low | high) & 0x1f));
        }
        return sb.toString();
    }

    /** Whether {@code c} is one of the 32 digits. */
    public static boolean isDigit(char c) {
        return c < 128 && DIGIT[c] >= 0;
    }

    /**
     * Decodes a string of exactly {@code encodedLength(size)} characters into {@code size} bytes.
     *
     * @throws IllegalArgumentException for a wrong length, a character outside the alphabet, or
     *     bits set beyond {@code 8 * size} (for sha256 the first character must be 0 or 1)
     */
    public static byte[] decode(String s, int size) {
        if (s.length() != encodedLength(size)) {
            throw new IllegalArgumentException("invalid base-32 hash '" + s + "': expected "
                    + encodedLength(size) + " characters for " + size + " bytes");
        }
        byte[] out = new byte[size];
        for (int n = 0; n < s.length(); n++) {
            char c = s.charAt(s.length() - 1 - n);
            int digit = isDigit(c) ? DIGIT[c] : -1;
            if (digit < 0) throw new IllegalArgumentException("invalid base-32 hash '" + s + "'");
            int b = n * 5;
            int i = b / 8;
            int j = b % 8;
            out[i] |= (byte) (digit << j);
            int carry = digit >>> (8 - j);
            if (i + 1 < size) {
                out[i + 1] |= (byte) carry;
            } else if (carry != 0) {
                throw new IllegalArgumentException("invalid base-32 hash '" + s + "'");
            }
        }
        return out;
    }
}

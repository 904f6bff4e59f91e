package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.store.NixBase32;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A hash with its algorithm, parsed from and printed to the encodings Nix accepts: base16, nix32,
 * base64 and SRI, bare or prefixed with {@code <algo>:}. Parse errors are evaluation errors
 * worded as Nix words them.
 */
record NixHash(Algorithm algorithm, byte[] bytes) {
    enum Algorithm {
        MD5("md5", "MD5", 16), SHA1("sha1", "SHA-1", 20), SHA256("sha256", "SHA-256", 32), SHA512("sha512", "SHA-512", 64);

        final String nixName;
        final String javaName;
        final int size;

        Algorithm(String nixName, String javaName, int size) {
            this.nixName = nixName;
            this.javaName = javaName;
            this.size = size;
        }

        static Algorithm parse(String name) {
            for (Algorithm a : values()) if (a.nixName.equals(name)) return a;
            throw EvalException.error("unknown hash algorithm '" + name + "', expect 'md5', 'sha1', 'sha256', or 'sha512'", null);
        }

        int base16Length() { return size * 2; }

        int base64Length() { return (size + 2) / 3 * 4; }
    }

    enum Format {
        BASE16, NIX32, BASE64, SRI;

        /** Parses a {@code toHashFormat} value; "base32" is Nix's deprecated name for nix32. */
        static Format parse(String name) {
            return switch (name) {
                case "base16" -> BASE16;
                case "nix32" -> NIX32;
                case "base32" -> {
                    System.err.println("warning: \"base32\" is a deprecated alias for hash format \"nix32\".");
                    yield NIX32;
                }
                case "base64" -> BASE64;
                case "sri" -> SRI;
                default -> throw EvalException.error("unknown hash format '" + name
                        + "', expect 'base16', 'base32', 'base64', or 'sri'", null);
            };
        }
    }

    /** The hash of a byte string (one byte per char). */
    static NixHash of(Algorithm algorithm, String byteString) {
        return of(algorithm, byteString.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    static NixHash of(Algorithm algorithm, byte[] data) {
        try {
            return new NixHash(algorithm, MessageDigest.getInstance(algorithm.javaName).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm.javaName, e);
        }
    }

    /**
     * Nix's {@code Hash::parseAny}: {@code <algo>:<body>} or SRI {@code <algo>-<base64>}, or a bare
     * body when {@code expected} gives the algorithm. A bare body's encoding follows from its length.
     */
    static NixHash parseAny(String text, Algorithm expected) {
        String body = text;
        Algorithm prefixed = null;
        boolean sri = false;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            prefixed = Algorithm.parse(text.substring(0, colon));
            body = text.substring(colon + 1);
        } else {
            int dash = text.indexOf('-');
            if (dash >= 0) {
                prefixed = Algorithm.parse(text.substring(0, dash));
                body = text.substring(dash + 1);
                sri = true;
            }
        }
        if (prefixed == null && expected == null) {
            throw EvalException.error("hash '" + body + "' does not include a type, nor is the type otherwise known from context", null);
        }
        if (prefixed != null && expected != null && prefixed != expected) {
            throw EvalException.error("hash '" + text + "' should have type '" + expected.nixName + "'", null);
        }
        Algorithm algorithm = prefixed != null ? prefixed : expected;
        return new NixHash(algorithm, decodeBody(body, algorithm, sri));
    }

    private static byte[] decodeBody(String body, Algorithm algorithm, boolean sri) {
        if (!sri && body.length() == algorithm.base16Length()) {
            try {
                return HexFormat.of().parseHex(body);
            } catch (IllegalArgumentException e) {
                throw EvalException.error("invalid base-16 hash '" + body + "'", null);
            }
        }
        if (!sri && body.length() == NixBase32.encodedLength(algorithm.size)) {
            try {
                return NixBase32.decode(body, algorithm.size);
            } catch (IllegalArgumentException e) {
                throw EvalException.error("invalid base-32 hash '" + body + "'", null);
            }
        }
        if (sri || body.length() == algorithm.base64Length()) {
            byte[] d = decodeBase64(body);
            if (d.length != algorithm.size) {
                throw EvalException.error("invalid " + (sri ? "SRI" : "base-64") + " hash '" + body + "'", null);
            }
            return d;
        }
        throw EvalException.error("hash '" + body + "' has wrong length for hash algorithm '" + algorithm.nixName + "'", null);
    }

    /** Lenient like Nix's decoder: stops at the first '=', skips newlines, padding optional. */
    private static byte[] decodeBase64(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=') break;
            if (c == '\n') continue;
            int digit = base64Digit(c);
            if (digit < 0) throw EvalException.error("invalid character in Base64 string: '" + c + "'", null);
            acc = (acc << 6 | digit) & 0xffffff;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write(acc >>> bits & 0xff);
            }
        }
        return out.toByteArray();
    }

    private static int base64Digit(char c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    }

    String base16() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The hash in a format; SRI always carries its algorithm, the others only when asked. */
    String print(Format format, boolean withAlgorithm) {
        String body = switch (format) {
            case BASE16 -> base16();
            case NIX32 -> NixBase32.encode(bytes);
            case BASE64, SRI -> Base64.getEncoder().encodeToString(bytes);
        };
        if (format == Format.SRI) return algorithm.nixName + "-" + body;
        return withAlgorithm ? algorithm.nixName + ":" + body : body;
    }
}

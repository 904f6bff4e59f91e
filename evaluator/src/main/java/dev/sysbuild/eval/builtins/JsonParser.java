package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.print.Utf8;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixFloat;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON text (RFC 8259, as a byte string) to Nix values, for {@code builtins.fromJSON}. Numbers
 * follow nlohmann::json, which Nix uses: integers that fit 64 bits are integers, larger ones are
 * floats (except unsigned ones up to 2^64, which Nix rejects), and anything with a fraction or
 * exponent is a float. A later duplicate key replaces an earlier one.
 */
final class JsonParser {
    private static final BigInteger UNSIGNED_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final String text;
    private int pos;

    private JsonParser(String text) {
        this.text = text;
    }

    /** Parses a whole JSON document; throws an EvalException naming the line and column of a syntax error. */
    static Value parse(String text) {
        JsonParser p = new JsonParser(text);
        p.skipWhitespace();
        Value v = p.value();
        p.skipWhitespace();
        if (p.pos < text.length()) throw p.error("unexpected " + p.describeNext() + " after the JSON value");
        return v;
    }

    private Value value() {
        if (pos >= text.length()) throw error("unexpected end of input; expected a JSON value");
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> NixString.of(DataStrings.checkNoNul(string()));
            case 't' -> literal("true", NixBool.TRUE);
            case 'f' -> literal("false", NixBool.FALSE);
            case 'n' -> literal("null", NixNull.NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("unexpected " + describeNext() + "; expected a JSON value");
            }
        };
    }

    private Value object() {
        pos++;
        AttrsBuilder b = new AttrsBuilder();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return b.build();
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') throw error("unexpected " + describeNext() + "; expected a string as object key");
            String key = DataStrings.checkNoNul(string());
            skipWhitespace();
            expect(':', "after an object key");
            skipWhitespace();
            b.put(key, value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') return b.build();
            if (c != ',') {
                pos--;
                throw error("unexpected " + describeNext() + "; expected ',' or '}' after an object member");
            }
        }
    }

    private Value array() {
        pos++;
        List<Value> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return NixList.EMPTY;
        }
        while (true) {
            skipWhitespace();
            items.add(value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') return NixList.wrap(items.toArray(new Value[0]));
            if (c != ',') {
                pos--;
                throw error("unexpected " + describeNext() + "; expected ',' or ']' after an array element");
            }
        }
    }

    private Value literal(String word, Value v) {
        if (!text.startsWith(word, pos)) throw error("invalid literal; expected '" + word + "'");
        pos += word.length();
        return v;
    }

    private Value number() {
        int start = pos;
        boolean integral = true;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw error("invalid number; expected a digit after '-'");
        }
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) throw error("invalid number; expected a digit after '.'");
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw error("invalid number; expected a digit in the exponent");
            while (isDigit(peek())) pos++;
        }
        String token = text.substring(start, pos);
        if (integral) {
            BigInteger n = new BigInteger(token);
            if (n.bitLength() < 64) return NixInt.of(n.longValue());
            if (n.signum() > 0 && n.compareTo(UNSIGNED_MAX) <= 0) {
                throw EvalException.error("unsigned json number " + token + " outside of Nix integer range", null);
            }
        }
        double d = Double.parseDouble(token);
        if (Double.isInfinite(d)) {
            pos = start;
            throw error("number " + token + " is too large for a float");
        }
        return new NixFloat(d);
    }

    /** A string literal at pos (which is '"'): its content as UTF-8 bytes. */
    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("unexpected end of input inside a string");
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            } else if (c == '\\') {
                escape(sb);
            } else if (c < 0x20) {
                throw error(String.format("control character U+%04X must be escaped in a string", (int) c));
            } else if (c >= 0x80) {
                int n = Utf8.sequenceLength(text, pos);
                if (n <= 0) {
                    pos -= n;
                    throw error("invalid UTF-8 in a string");
                }
                sb.append(text, pos, pos + n);
                pos += n;
            } else {
                sb.append(c);
                pos++;
            }
        }
    }

    private void escape(StringBuilder sb) {
        pos++;
        char c = peek();
        pos++;
        switch (c) {
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case '/' -> sb.append('/');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> Utf8.append(sb, unicodeEscape());
            default -> {
                pos -= 2;
                throw error("invalid escape sequence in a string");
            }
        }
    }

    /** The code point of a \\u escape (pos after the 'u'), joining a surrogate pair into one. */
    private int unicodeEscape() {
        int start = pos - 2;
        int unit = hex4();
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
            pos = start;
            throw error("invalid string: a low surrogate (U+DC00..U+DFFF) must follow a high surrogate");
        }
        if (unit < 0xD800 || unit > 0xDBFF) return unit;
        if (!text.startsWith("\\u", pos)) {
            pos = start;
            throw error("invalid string: a high surrogate (U+D800..U+DBFF) must be followed by a low surrogate");
        }
        pos += 2;
        int low = hex4();
        if (low < 0xDC00 || low > 0xDFFF) {
            pos = start;
            throw error("invalid string: a high surrogate (U+D800..U+DBFF) must be followed by a low surrogate");
        }
        return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }

    private int hex4() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(peek(), 16);
            if (d < 0) throw error("invalid \\u escape; expected four hexadecimal digits");
            v = v * 16 + d;
            pos++;
        }
        return v;
    }

    private void expect(char c, String where) {
        if (peek() != c) throw error("unexpected " + describeNext() + "; expected '" + c + "' " + where);
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    /** The character at pos, or NUL at the end (never valid where a specific character is expected). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String describeNext() {
        if (pos >= text.length()) return "end of input";
        char c = text.charAt(pos);
        if (c < 0x20 || c >= 0x7f) return String.format("byte 0x%02X", (int) c);
        return "'" + c + "'";
    }

    private EvalException error(String message) {
        return DataStrings.errorAt("cannot parse JSON: " + message, text, pos);
    }
}

package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * TOML 1.0 text (a byte string) to Nix values, for {@code builtins.fromTOML}: tables become
 * attribute sets, arrays lists. Dates and times are rejected, as Nix does without the
 * {@code parse-toml-timestamps} feature, since Nix has no value to give them.
 */
final class TomlParser {
    private final String text;
    private final TomlStrings strings;
    private final TomlDocument document = new TomlDocument();
    private int pos;

    private TomlParser(String text) {
        this.text = text;
        this.strings = new TomlStrings(this);
    }

    /** Parses a whole document; throws an EvalException naming the line and column of what is wrong. */
    static Value parse(String text) {
        TomlParser p = new TomlParser(text);
        if (text.startsWith("\u00EF\u00BB\u00BF")) p.pos = 3;
        return p.document();
    }

    private Value document() {
        TomlDocument.Table current = document.root();
        while (true) {
            skipSpaces();
            if (pos >= text.length()) break;
            char c = text.charAt(pos);
            if (c == '#') {
                comment();
            } else if (atNewline()) {
                newline();
            } else if (c == '[') {
                current = header();
                endOfLine();
            } else {
                keyValue(current);
                endOfLine();
            }
        }
        return TomlDocument.toValue(document.root());
    }

    private TomlDocument.Table header() {
        int start = pos;
        pos++;
        boolean array = peek() == '[';
        if (array) pos++;
        skipSpaces();
        List<String> keys = key();
        skipSpaces();
        expect(']', "to close the table header");
        if (array) expect(']', "to close the array-of-tables header ']]'");
        try {
            return array ? document.appendTable(keys) : document.defineTable(keys);
        } catch (TomlProblem e) {
            pos = start;
            throw error(e.getMessage());
        }
    }

    private void keyValue(TomlDocument.Table table) {
        int start = pos;
        List<String> keys = key();
        skipSpaces();
        expect('=', "after the key");
        skipSpaces();
        Value v = value();
        try {
            document.assign(table, keys, v);
        } catch (TomlProblem e) {
            pos = start;
            throw error(e.getMessage());
        }
    }

    /** A key, possibly dotted: {@code a."b.c".'d'}. */
    private List<String> key() {
        List<String> keys = new ArrayList<>();
        keys.add(simpleKey());
        while (true) {
            int save = pos;
            skipSpaces();
            if (peek() != '.') {
                pos = save;
                return keys;
            }
            pos++;
            skipSpaces();
            keys.add(simpleKey());
        }
    }

    private String simpleKey() {
        char c = peek();
        if (c == '"' || c == '\'') {
            if (text.startsWith(c == '"' ? "\"\"\"" : "'''", pos)) throw error("a key cannot be a multi-line string");
            int start = pos;
            return noNul(c == '"' ? strings.basic() : strings.literal(), start);
        }
        int start = pos;
        while (isBareKeyChar(peek())) pos++;
        if (pos == start && c >= 0x80) {
            throw error("a bare key may only contain A-Z, a-z, 0-9, '_' and '-'; put other keys in quotes");
        }
        if (pos == start) throw error("expected a key, found " + describeNext());
        return text.substring(start, pos);
    }

    private String noNul(String s, int start) {
        String problem = DataStrings.nulProblem(s);
        if (problem == null) return s;
        pos = start;
        throw error(problem);
    }

    static boolean isBareKeyChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private Value value() {
        char c = peek();
        int start = pos;
        if (c == '"') {
            String s = text.startsWith("\"\"\"", pos) ? strings.multiLineBasic() : strings.basic();
            return NixString.of(noNul(s, start));
        }
        if (c == '\'') {
            String s = text.startsWith("'''", pos) ? strings.multiLineLiteral() : strings.literal();
            return NixString.of(noNul(s, start));
        }
        if (c == '[') return array();
        if (c == '{') return inlineTable();
        return scalar();
    }

    private Value array() {
        pos++;
        List<Value> items = new ArrayList<>();
        while (true) {
            skipBlank();
            if (peek() == ']') break;
            items.add(value());
            skipBlank();
            if (peek() == ',') {
                pos++;
            } else if (peek() != ']') {
                throw error("expected ',' or ']' after an array element, found " + describeNext());
            }
        }
        pos++;
        return NixList.wrap(items.toArray(new Value[0]));
    }

    private Value inlineTable() {
        pos++;
        TomlDocument.Table table = new TomlDocument.Table(TomlDocument.Origin.DOTTED);
        skipSpaces();
        if (peek() == '}') {
            pos++;
            return TomlDocument.toValue(table);
        }
        while (true) {
            skipSpaces();
            keyValue(table);
            skipSpaces();
            char c = peek();
            if (c == '}') break;
            if (c != ',') {
                throw error("expected ',' or '}' in an inline table, found " + describeNext()
                        + " (an inline table must be on one line)");
            }
            pos++;
        }
        pos++;
        return TomlDocument.toValue(table);
    }

    /** A number, boolean, or date/time: everything up to the next delimiter. */
    private Value scalar() {
        int start = pos;
        while (TomlScalars.isScalarChar(peek())) pos++;
        // A date and a time may be separated by one space.
        if (TomlScalars.isDate(text.substring(start, pos)) && pos + 3 < text.length() && text.charAt(pos) == ' '
                && Character.isDigit(text.charAt(pos + 1)) && Character.isDigit(text.charAt(pos + 2))
                && text.charAt(pos + 3) == ':') {
            pos++;
            while (TomlScalars.isScalarChar(peek())) pos++;
        }
        String token = text.substring(start, pos);
        if (token.isEmpty()) throw error("expected a value, found " + describeNext());
        try {
            return TomlScalars.value(token);
        } catch (TomlProblem e) {
            pos = start;
            throw error(e.getMessage());
        }
    }

    /** After a key/value pair or a header: only spaces and a comment may follow on the line. */
    private void endOfLine() {
        skipSpaces();
        if (peek() == '#') comment();
        if (pos >= text.length()) return;
        if (!atNewline()) throw error("expected the end of the line, found " + describeNext());
        newline();
    }

    /** A comment up to (not including) the end of its line. */
    private void comment() {
        pos++;
        while (pos < text.length() && !atNewline()) {
            char c = text.charAt(pos);
            if (c >= 0x80) {
                strings.utf8(new StringBuilder());
            } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw error(String.format("control character U+%04X is not allowed in a comment", (int) c));
            } else {
                pos++;
            }
        }
    }

    /** Spaces, tabs, newlines and comments, as allowed between array elements. */
    private void skipBlank() {
        while (true) {
            skipSpaces();
            if (peek() == '#') comment();
            if (!atNewline()) return;
            newline();
        }
    }

    void skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) pos++;
    }

    boolean atNewline() {
        return text.startsWith("\n", pos) || text.startsWith("\r\n", pos);
    }

    /** Consumes a newline at pos and returns it. */
    String newline() {
        String nl = text.charAt(pos) == '\r' ? "\r\n" : "\n";
        pos += nl.length();
        return nl;
    }

    private void expect(char c, String why) {
        if (peek() != c) throw error("expected '" + c + "' " + why + ", found " + describeNext());
        pos++;
    }

    String text() {
        return text;
    }

    int pos() {
        return pos;
    }

    void setPos(int pos) {
        this.pos = pos;
    }

    /** The byte at pos, or NUL at the end of the text. */
    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    String describeNext() {
        if (pos >= text.length()) return "the end of the text";
        char c = text.charAt(pos);
        if (c == '\n' || c == '\r') return "the end of the line";
        if (c < 0x20 || c >= 0x7f) return String.format("byte 0x%02X", (int) c);
        return "'" + c + "'";
    }

    EvalException error(String message) {
        return DataStrings.errorAt("while parsing TOML: " + message, text, pos);
    }
}

package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.print.Utf8;

/**
 * TOML's four kinds of string, read at the parser's position: basic {@code "..."} with escapes,
 * literal {@code '...'}, and their multi-line forms. Results are UTF-8 bytes, one per char.
 */
final class TomlStrings {
    private final TomlParser p;

    TomlStrings(TomlParser parser) {
        this.p = parser;
    }

    /** {@code "..."}, at its opening quote. */
    String basic() {
        p.setPos(p.pos() + 1);
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = p.peek();
            if (p.pos() >= p.text().length() || p.atNewline() || c == '\r') throw p.error("unterminated string");
            if (c == '"') {
                p.setPos(p.pos() + 1);
                return sb.toString();
            }
            if (c == '\\') escape(sb);
            else character(sb);
        }
    }

    /** {@code """..."""}, at its opening quotes. */
    String multiLineBasic() {
        p.setPos(p.pos() + 3);
        if (p.atNewline()) p.newline();
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (p.pos() >= p.text().length()) throw p.error("unterminated multi-line string");
            char c = p.peek();
            if (c == '"') {
                if (closes("\"\"\"", sb)) return sb.toString();
                continue;
            }
            if (c == '\\' && lineEndingBackslash()) continue;
            if (c == '\\') escape(sb);
            else if (p.atNewline()) sb.append(p.newline());
            else character(sb);
        }
    }

    /** {@code '...'}, at its opening quote. */
    String literal() {
        p.setPos(p.pos() + 1);
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = p.peek();
            if (p.pos() >= p.text().length() || p.atNewline() || c == '\r') throw p.error("unterminated string");
            if (c == '\'') {
                p.setPos(p.pos() + 1);
                return sb.toString();
            }
            character(sb);
        }
    }

    /** {@code '''...'''}, at its opening quotes. */
    String multiLineLiteral() {
        p.setPos(p.pos() + 3);
        if (p.atNewline()) p.newline();
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (p.pos() >= p.text().length()) throw p.error("unterminated multi-line string");
            char c = p.peek();
            if (c == '\'') {
                if (closes("'''", sb)) return sb.toString();
                continue;
            }
            if (p.atNewline()) sb.append(p.newline());
            else character(sb);
        }
    }

    /**
     * At a quote inside a multi-line string: whether the closing delimiter is here. Up to two
     * quotes right before it belong to the content ({@code """a"""""} is {@code a""}).
     */
    private boolean closes(String delimiter, StringBuilder sb) {
        if (!p.text().startsWith(delimiter, p.pos())) {
            sb.append(p.peek());
            p.setPos(p.pos() + 1);
            return false;
        }
        char quote = delimiter.charAt(0);
        int run = 0;
        while (p.pos() + run < p.text().length() && p.text().charAt(p.pos() + run) == quote) run++;
        if (run > 5) throw p.error("too many quotes at the end of a multi-line string");
        sb.append(String.valueOf(quote).repeat(run - 3));
        p.setPos(p.pos() + run);
        return true;
    }

    /** A backslash that ends a line joins it to the next non-blank text; true if one was skipped. */
    private boolean lineEndingBackslash() {
        int save = p.pos();
        p.setPos(save + 1);
        p.skipSpaces();
        if (!p.atNewline()) {
            p.setPos(save);
            return false;
        }
        while (true) {
            p.skipSpaces();
            if (!p.atNewline()) return true;
            p.newline();
        }
    }

    private void escape(StringBuilder sb) {
        int start = p.pos();
        p.setPos(start + 1);
        char c = p.peek();
        p.setPos(start + 2);
        switch (c) {
            case 'b' -> sb.append('\b');
            case 't' -> sb.append('\t');
            case 'n' -> sb.append('\n');
            case 'f' -> sb.append('\f');
            case 'r' -> sb.append('\r');
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case 'u' -> Utf8.append(sb, unicode(start, 4));
            case 'U' -> Utf8.append(sb, unicode(start, 8));
            default -> {
                p.setPos(start);
                throw p.error("invalid escape sequence in a string");
            }
        }
    }

    private int unicode(int start, int digits) {
        int cp = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(p.peek(), 16);
            if (d < 0) throw p.error("expected " + digits + " hexadecimal digits in a \\" + (digits == 4 ? 'u' : 'U') + " escape");
            cp = cp * 16 + d;
            p.setPos(p.pos() + 1);
        }
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            p.setPos(start);
            throw p.error(String.format("\\%s escape U+%X is not a Unicode scalar value", digits == 4 ? "u" : "U", cp));
        }
        return cp;
    }

    /** One ordinary character of a string: control characters other than tab are not allowed. */
    private void character(StringBuilder sb) {
        char c = p.peek();
        if (c >= 0x80) {
            utf8(sb);
        } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
            throw p.error(String.format("control character U+%04X must be escaped in a string", (int) c));
        } else {
            sb.append(c);
            p.setPos(p.pos() + 1);
        }
    }

    /** A well-formed UTF-8 sequence at the position, appended to sb. */
    void utf8(StringBuilder sb) {
        int n = Utf8.sequenceLength(p.text(), p.pos());
        if (n <= 0) {
            p.setPos(p.pos() - n);
            throw p.error("invalid UTF-8 (TOML text must be UTF-8)");
        }
        sb.append(p.text(), p.pos(), p.pos() + n);
        p.setPos(p.pos() + n);
    }
}

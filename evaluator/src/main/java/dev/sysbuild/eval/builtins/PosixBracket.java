package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.builtins.PosixRegex.SyntaxError;
import java.util.Locale;

/**
 * One POSIX bracket expression ({@code [...]}), read the way libstdc++ reads it in the extended
 * grammar: {@code ]} first is literal, {@code -} first or last is literal, a backslash is an
 * ordinary character, {@code [:class:]} (any case), {@code [.name.]} and {@code [=x=]} work in
 * the C locale, and range ends compare as signed chars. The result is the set of matching
 * bytes, written as a Java character class.
 */
final class PosixBracket {
    private final String re;
    private int pos;

    /** A bracket expression starting just after the '[' at {@code pos - 1}. */
    PosixBracket(String re, int pos) {
        this.re = re;
        this.pos = pos;
    }

    /** Where the pattern continues after the closing ']'. */
    int end() {
        return pos;
    }

    /** Reads the bracket expression and returns it as a Java character class over the 256 byte values. */
    String parse() throws SyntaxError {
        boolean negated = peek('^');
        if (negated) pos++;
        boolean[] set = new boolean[256];
        BracketItem last = bracketItem(true);
        // a leading '-' (after the optional '^') is a plain character
        if (last.kind == BracketItem.Kind.DASH) last = BracketItem.ch('-');
        else if (last.kind == BracketItem.Kind.COLLATING) last = BracketItem.ch(last.c);
        else if (last.kind != BracketItem.Kind.CHAR) last = addClass(set, last);
        while (true) {
            BracketItem item = bracketItem(false);
            switch (item.kind) {
                case END -> {
                    if (last.kind == BracketItem.Kind.CHAR) set[last.c] = true;
                    return javaClass(set, negated);
                }
                case CHAR, COLLATING -> {
                    if (last.kind == BracketItem.Kind.CHAR) set[last.c] = true;
                    last = BracketItem.ch(item.c);
                }
                case DASH -> {
                    BracketItem end = bracketItem(false);
                    if (end.kind == BracketItem.Kind.END) {
                        if (last.kind == BracketItem.Kind.CHAR) set[last.c] = true;
                        set['-'] = true;
                        return javaClass(set, negated);
                    }
                    if (last.kind != BracketItem.Kind.CHAR) throw error("a range must start with a single character");
                    // [.x.] may start a range but, in libstdc++, not end one
                    char hi = switch (end.kind) {
                        case CHAR -> end.c;
                        case DASH -> '-';
                        default -> throw error("a range must end with a single character");
                    };
                    addRange(set, last.c, hi);
                    last = BracketItem.NONE;
                }
                default -> {
                    if (last.kind == BracketItem.Kind.CHAR) set[last.c] = true;
                    last = addClass(set, item);
                }
            }
        }
    }

    /** One element of a bracket expression, as libstdc++'s scanner splits it. */
    private record BracketItem(Kind kind, char c, String name) {
        enum Kind { NONE, CHAR, DASH, END, CLASS, EQUIVALENCE, COLLATING }

        static final BracketItem NONE = new BracketItem(Kind.NONE, '\0', null);
        static final BracketItem DASH_ITEM = new BracketItem(Kind.DASH, '-', null);
        static final BracketItem END_ITEM = new BracketItem(Kind.END, ']', null);

        static BracketItem ch(char c) {
            return new BracketItem(Kind.CHAR, c, null);
        }
    }

    private BracketItem bracketItem(boolean atStart) throws SyntaxError {
        if (pos >= re.length()) throw error("unterminated bracket");
        char c = re.charAt(pos++);
        if (c == '-') return BracketItem.DASH_ITEM;
        if (c == ']' && !atStart) return BracketItem.END_ITEM;
        if (c == '[' && pos < re.length()) {
            char kind = re.charAt(pos);
            if (kind == ':' || kind == '.' || kind == '=') {
                int close = re.indexOf(kind, pos + 1);
                if (close < 0 || close + 1 >= re.length() || re.charAt(close + 1) != ']') {
                    throw error("unterminated [" + kind + " in bracket");
                }
                String name = re.substring(pos + 1, close);
                pos = close + 2;
                BracketItem.Kind k = kind == ':' ? BracketItem.Kind.CLASS
                        : kind == '.' ? BracketItem.Kind.COLLATING : BracketItem.Kind.EQUIVALENCE;
                if (k == BracketItem.Kind.COLLATING) return new BracketItem(k, collatingElement(name), name);
                return new BracketItem(k, '\0', name);
            }
        } else if (c == '[') {
            throw error("unterminated bracket");
        }
        return BracketItem.ch(c);
    }

    /** Adds a [:class:] or [=x=] to the set; afterwards nothing may start a range. */
    private BracketItem addClass(boolean[] set, BracketItem item) throws SyntaxError {
        if (item.kind == BracketItem.Kind.CLASS) {
            String name = item.name.toLowerCase(Locale.ROOT);
            for (int b = 0; b < 128; b++) if (inClass(name, (char) b)) set[b] = true;
        } else if (item.kind == BracketItem.Kind.EQUIVALENCE) {
            // in the C locale an equivalence class is the character in either case
            char e = asciiLower(collatingElement(item.name));
            for (int b = 0; b < 256; b++) if (asciiLower((char) b) == e) set[b] = true;
        }
        return new BracketItem(BracketItem.Kind.CLASS, '\0', null);
    }

    private boolean inClass(String name, char c) throws SyntaxError {
        boolean upper = c >= 'A' && c <= 'Z';
        boolean lower = c >= 'a' && c <= 'z';
        boolean digit = c >= '0' && c <= '9';
        boolean space = c == ' ' || (c >= '\t' && c <= '\r');
        boolean graph = c > ' ' && c < 127;
        boolean alnum = upper || lower || digit;
        return switch (name) {
            case "alpha" -> upper || lower;
            case "upper" -> upper;
            case "lower" -> lower;
            case "digit", "d" -> digit;
            case "alnum" -> alnum;
            case "w" -> alnum || c == '_';
            case "xdigit" -> digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case "space", "s" -> space;
            case "blank" -> c == ' ' || c == '\t';
            case "cntrl" -> c < ' ' || c == 127;
            case "graph" -> graph;
            case "print" -> graph || c == ' ';
            case "punct" -> graph && !alnum;
            default -> throw error("unknown character class [:" + name + ":]");
        };
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /**
     * libstdc++ compares range ends as signed chars: bytes 0x80-0xff sort below 0x00, so a range
     * from ASCII into them is reversed (an error) and one from them into ASCII wraps.
     */
    private void addRange(boolean[] set, char lo, char hi) throws SyntaxError {
        int l = (byte) lo;
        int h = (byte) hi;
        if (l > h) throw error("the range " + lo + "-" + hi + " is reversed");
        for (int b = l; b <= h; b++) set[b & 0xff] = true;
    }

    /** The names POSIX gives the portable characters, by code; libstdc++ looks [.x.] and [=x=] up here. */
    private static final String[] COLLATING_NAMES = {
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "alert", "backspace", "tab", "newline", "vertical-tab",
        "form-feed", "carriage-return", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN",
        "EM", "SUB", "ESC", "IS4", "IS3", "IS2", "IS1", "space", "exclamation-mark", "quotation-mark",
        "number-sign", "dollar-sign", "percent-sign", "ampersand", "apostrophe", "left-parenthesis",
        "right-parenthesis", "asterisk", "plus-sign", "comma", "hyphen", "period", "slash", "zero", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "colon", "semicolon", "less-than-sign",
        "equals-sign", "greater-than-sign", "question-mark", "commercial-at", "A", "B", "C", "D", "E", "F", "G",
        "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
        "left-square-bracket", "backslash", "right-square-bracket", "circumflex", "underscore", "grave-accent",
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
        "v", "w", "x", "y", "z", "left-curly-bracket", "vertical-line", "right-curly-bracket", "tilde", "DEL",
    };

    private char collatingElement(String name) throws SyntaxError {
        for (int i = 0; i < COLLATING_NAMES.length; i++) if (COLLATING_NAMES[i].equals(name)) return (char) i;
        throw error("unknown collating element '" + name + "'");
    }

    private static String javaClass(boolean[] set, boolean negated) {
        StringBuilder sb = new StringBuilder("[");
        int runs = 0;
        for (int b = 0; b < 256; b++) {
            if (set[b] == negated) continue;
            int end = b;
            while (end + 1 < 256 && set[end + 1] != negated) end++;
            sb.append(hex(b));
            if (end > b) sb.append('-').append(hex(end));
            runs++;
            b = end;
        }
        // nothing matches (a negated bracket listing every byte): a class Java accepts that is empty
        if (runs == 0) return "[\\x{0}&&[^\\x{0}]]";
        return sb.append(']').toString();
    }

    private static String hex(int c) {
        return "\\x{" + Integer.toHexString(c) + "}";
    }

    private boolean peek(char c) {
        return pos < re.length() && re.charAt(pos) == c;
    }

    private SyntaxError error(String reason) {
        return new SyntaxError(reason, false);
    }
}

package dev.sysbuild.eval.builtins;

import java.util.Locale;

/**
 * Translates a POSIX extended regular expression, read the way Nix reads it (libstdc++'s
 * {@code std::regex} with the {@code extended} grammar), into {@link java.util.regex.Pattern}
 * syntax that matches the same bytes (one byte per char).
 *
 * <p>What differs from Java's own syntax and is handled here: a backslash outside brackets may
 * only quote one of {@code .[\()*+?{|^$} (so {@code \d} is an error, not a digit); inside
 * brackets a backslash is an ordinary character; {@code ]} first in a bracket is literal;
 * {@code [:class:]}, {@code [.name.]} and {@code [=x=]} work in brackets; {@code ]} and
 * {@code }} outside are literal; a quantifier after a quantifier repeats the repetition
 * ({@code a*?} is {@code (a*)?}, never lazy); {@code .} matches newlines; {@code $} is only
 * the end of the string. Like libstdc++, a pattern needing more than 100000 automaton states
 * is refused.
 *
 * <p>Not reproduced: POSIX leftmost-longest. java.util.regex takes the first alternative that
 * leads to a match, so {@code split "a|ab" "abc"} finds {@code a} where Nix finds {@code ab};
 * {@code match} (a whole-string match) is not affected.
 */
final class PosixRegex {
    /** libstdc++'s {@code _GLIBCXX_REGEX_STATE_LIMIT}: more automaton states than this is error_space. */
    static final long STATE_LIMIT = 100_000;

    /** Characters a backslash may quote outside brackets (libstdc++'s extended special characters). */
    private static final String QUOTABLE = ".[\\()*+?{|^$";

    /** A pattern that libstdc++ would reject; {@link #tooBig} marks its out-of-memory error. */
    static final class SyntaxError extends Exception {
        final boolean tooBig;

        SyntaxError(String message, boolean tooBig) {
            super(message, null, false, false);
            this.tooBig = tooBig;
        }
    }

    /**
     * Java regex text, the number of libstdc++ automaton states it stands for, and whether it
     * can match the empty string.
     */
    private record Part(String java, long states, boolean nullable) {}

    /** A quantifier: at least min, at most max (-1: no bound) repetitions. */
    private record Repeat(long min, long max, long states) {}

    private final String re;
    private int pos;

    private PosixRegex(String re) {
        this.re = re;
    }

    /** The java.util.regex equivalent of an extended regular expression. */
    static String toJava(String ere) throws SyntaxError {
        PosixRegex p = new PosixRegex(ere);
        Part body = p.disjunction();
        if (p.pos < ere.length()) {
            throw p.error(ere.charAt(p.pos) == ')' ? "unmatched ')'" : "'" + ere.charAt(p.pos) + "' has nothing to repeat");
        }
        // libstdc++ wraps the pattern in sub-expression 0 (a begin and an end state) and adds an accepting state
        p.checkSize(body.states + 3);
        return body.java;
    }

    private Part disjunction() throws SyntaxError {
        Part first = alternative();
        StringBuilder java = new StringBuilder(first.java);
        long states = first.states;
        boolean nullable = first.nullable;
        while (peek('|')) {
            pos++;
            Part next = alternative();
            java.append('|').append(next.java);
            states = checkSize(states + next.states + 2);
            nullable |= next.nullable;
        }
        return new Part(java.toString(), states, nullable);
    }

    private Part alternative() throws SyntaxError {
        StringBuilder java = new StringBuilder();
        long states = 1;
        boolean nullable = true;
        for (Part t = term(); t != null; t = term()) {
            java.append(t.java);
            states = checkSize(states + t.states);
            nullable &= t.nullable;
        }
        return new Part(java.toString(), states, nullable);
    }

    private Part term() throws SyntaxError {
        if (peek('^')) {
            pos++;
            return new Part("^", 1, true);
        }
        if (peek('$')) {
            pos++;
            return new Part("\\z", 1, true);
        }
        Part part = atom();
        if (part == null) return null;
        boolean repeated = false;
        for (Repeat q = quantifier(part.states); q != null; q = quantifier(part.states)) {
            part = repeat(part, repeated, q);
            repeated = true;
        }
        return part;
    }

    /**
     * Java text for a repetition. A second quantifier would read as lazy or possessive in Java,
     * so a repeated part is grouped first. libstdc++ runs the body of a loop at least once even
     * when that matches nothing (so {@code ()*} captures ""), where Java skips such an
     * iteration; {@code (?:X+)?} makes Java run it, and prefers the same matches as {@code X*}.
     */
    private static Part repeat(Part part, boolean repeated, Repeat q) {
        String x = repeated ? "(?:" + part.java + ")" : part.java;
        boolean nullable = q.min == 0 || part.nullable;
        String java;
        if (q.min == 0 && q.max != 0 && part.nullable) {
            java = "(?:" + x + (q.max < 0 ? "+" : q.max == 1 ? "" : "{1," + q.max + "}") + ")?";
        } else if (q.max < 0) {
            java = x + (q.min == 0 ? "*" : q.min == 1 ? "+" : "{" + q.min + ",}");
        } else if (q.min == 0 && q.max == 1) {
            java = x + "?";
        } else {
            java = x + (q.min == q.max ? "{" + q.min + "}" : "{" + q.min + "," + q.max + "}");
        }
        return new Part(java, q.states, nullable);
    }

    private Part atom() throws SyntaxError {
        if (pos >= re.length()) return null;
        char c = re.charAt(pos);
        switch (c) {
            case '.':
                pos++;
                return new Part("[^\\x{0}]", 1, false);
            case '[':
                pos++;
                return new Part(bracket(), 1, false);
            case '(': {
                pos++;
                Part inner = disjunction();
                if (!peek(')')) throw error("unmatched '('");
                pos++;
                return new Part("(" + inner.java + ")", checkSize(inner.states + 2), inner.nullable);
            }
            case '\\': {
                pos++;
                if (pos >= re.length()) throw error("trailing backslash");
                char q = re.charAt(pos);
                if (QUOTABLE.indexOf(q) < 0) {
                    throw error("'\\" + q + "' is not an escape in POSIX extended syntax; only " + QUOTABLE
                            + " can be escaped (for digits and the like use [[:digit:]], [[:space:]], ...)");
                }
                pos++;
                return new Part(literal(q), 1, false);
            }
            case ')': case '*': case '+': case '?': case '{': case '|': case '^': case '$':
                return null;
            default:
                pos++;
                return new Part(literal(c), 1, false);
        }
    }

    /**
     * The quantifier at {@code pos}, if any, with the state count after repeating an atom of
     * {@code c} states.
     */
    private Repeat quantifier(long c) throws SyntaxError {
        if (pos >= re.length()) return null;
        switch (re.charAt(pos)) {
            case '*': pos++; return new Repeat(0, -1, checkSize(c + 1));
            case '+': pos++; return new Repeat(1, -1, checkSize(c + 1));
            case '?': pos++; return new Repeat(0, 1, checkSize(c + 2));
            case '{': break;
            default: return null;
        }
        pos++;
        long min = count();
        if (min < 0) throw error("malformed brace: expected {n}, {n,} or {n,m}");
        boolean comma = peek(',');
        long max = min;
        if (comma) {
            pos++;
            max = count();
        }
        if (!peek('}')) throw error("malformed brace: expected {n}, {n,} or {n,m}");
        pos++;
        // libstdc++ copies the atom once per repetition; the copies are what the state limit counts
        long states = checkSize(c + 1 + checkSize(times(min, c)));
        if (comma && max < 0) return new Repeat(min, -1, checkSize(states + c + 1));
        if (max < min) throw error("the brace {" + min + "," + max + "} counts down");
        states = checkSize(states + checkSize(times(max - min, c + 1)) + 1);
        return new Repeat(min, max, states);
    }

    /** A run of decimal digits, or -1 if there is none; a huge count saturates (and is then too big). */
    private long count() {
        int start = pos;
        long n = 0;
        while (pos < re.length() && re.charAt(pos) >= '0' && re.charAt(pos) <= '9') {
            n = n > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : n * 10 + (re.charAt(pos) - '0');
            pos++;
        }
        return pos == start ? -1 : n;
    }

    private static long times(long n, long states) {
        try {
            return Math.multiplyExact(n, states);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A bracket expression after its '[', as a Java character class over the 256 byte values. */
    private String bracket() throws SyntaxError {
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
        // nothing matches (for example [^\x00-\xff] written with ranges): a class Java accepts
        if (runs == 0) return "[\\x{0}&&[^\\x{0}]]";
        return sb.append(']').toString();
    }

    private static String literal(char c) {
        boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return plain ? String.valueOf(c) : hex(c);
    }

    private static String hex(int c) {
        return "\\x{" + Integer.toHexString(c) + "}";
    }

    private boolean peek(char c) {
        return pos < re.length() && re.charAt(pos) == c;
    }

    private long checkSize(long states) throws SyntaxError {
        if (states > STATE_LIMIT) throw new SyntaxError("needs more than " + STATE_LIMIT + " automaton states", true);
        return states;
    }

    private SyntaxError error(String reason) {
        return new SyntaxError(reason, false);
    }
}

package dev.sysbuild.eval.builtins;

/**
 * Translates a POSIX extended regular expression, read the way Nix reads it (libstdc++'s
 * {@code std::regex} with the {@code extended} grammar), into {@link java.util.regex.Pattern}
 * syntax that matches the same bytes (one byte per char).
 *
 * <p>What differs from Java's own syntax and is handled here: a backslash may only quote one
 * of {@code .[\()*+?{|^$} (so {@code \d} is an error, not a digit); brackets follow POSIX
 * rules (see {@link PosixBracket}); {@code ]} and {@code }} outside brackets are literal; a
 * quantifier after a quantifier repeats the repetition ({@code a*?} is {@code (a*)?}, never
 * lazy); {@code .} matches newlines; {@code $} is only the end of the string. Like libstdc++,
 * a pattern needing more than 100000 automaton states is refused.
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
            case '[': {
                PosixBracket bracket = new PosixBracket(re, pos + 1);
                String java = bracket.parse();
                pos = bracket.end();
                return new Part(java, 1, false);
            }
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

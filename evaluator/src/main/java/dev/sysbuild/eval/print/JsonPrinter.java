package dev.sysbuild.eval.print;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Ops;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixFloat;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Set;
import java.util.TreeSet;

/**
 * Values as JSON, as {@code builtins.toJSON} and {@code nix-instantiate --eval --json} write
 * them: sets with {@code __toString} or {@code outPath} become what those give, paths are copied
 * to the store, strings must be UTF-8, and floats are written as nlohmann::json writes them.
 */
public final class JsonPrinter {
    /** Nix's default max-call-depth; each level of nesting costs Nix one call. */
    static final int MAX_DEPTH = 10_000;

    private final Evaluator ev;
    private final boolean strict;
    private final Set<String> context;
    private final StringBuilder out = new StringBuilder();
    private int depth;

    private JsonPrinter(Evaluator ev, boolean strict, Set<String> context) {
        this.ev = ev;
        this.strict = strict;
        this.context = context;
    }

    /**
     * For {@code --json}. Without strict, a part of the value not evaluated yet is an error, as
     * in nix-instantiate.
     */
    public static String print(Evaluator ev, Value v, boolean strict) {
        JsonPrinter p = new JsonPrinter(ev, strict, new TreeSet<>());
        p.write(v);
        return p.out.toString();
    }

    /** For {@code builtins.toJSON}: forces everything; adds the store paths the text refers to to {@code context}. */
    public static String toJson(Evaluator ev, Value v, Set<String> context) {
        JsonPrinter p = new JsonPrinter(ev, true, context);
        p.write(v);
        return p.out.toString();
    }

    private void write(Value v) {
        if (++depth > MAX_DEPTH) {
            throw new EvalException(EvalException.Kind.STACK_OVERFLOW, "stack overflow; max-call-depth exceeded: "
                    + "the value is nested more than " + MAX_DEPTH + " levels deep", null);
        }
        try {
            writeForced(strict ? v.force() : unforced(v));
        } finally {
            depth--;
        }
    }

    private static Value unforced(Value v) {
        if (v instanceof Thunk t && !t.isEvaluated()) {
            throw EvalException.type("cannot convert a thunk to JSON (evaluate with --strict to force the whole value)", null);
        }
        return v.force();
    }

    private void writeForced(Value v) {
        if (v instanceof NixInt i) out.append(i.value);
        else if (v instanceof NixFloat f) out.append(formatDouble(f.value));
        else if (v instanceof NixBool b) out.append(b.value);
        else if (v instanceof NixNull) out.append("null");
        else if (v instanceof NixString s) {
            if (s.hasContext()) context.addAll(s.context());
            quote(out, s.value);
        } else if (v instanceof NixPath p) {
            quote(out, Ops.coerceToString(ev, p, context, false, true, null));
        } else if (v instanceof NixList l) {
            list(l);
        } else if (v instanceof NixAttrs a) {
            attrs(a);
        } else {
            throw EvalException.type("cannot convert " + v.showType() + " to JSON", null);
        }
    }

    private void list(NixList l) {
        out.append('[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) out.append(',');
            try {
                write(l.get(i));
            } catch (EvalException e) {
                throw e.addFrame("while evaluating list element at index " + i, null);
            }
        }
        out.append(']');
    }

    private void attrs(NixAttrs a) {
        if (a.get("__toString") != null) {
            // As Nix's tryAttrsToString: the result is coerced, but paths stay paths.
            quote(out, Ops.coerceToString(ev, a, context, false, false, null));
            return;
        }
        int outPath = a.indexOf("outPath");
        if (outPath >= 0) {
            try {
                write(a.value(outPath));
            } catch (EvalException e) {
                throw e.addFrame("while using the `outPath` attribute", a.position(outPath));
            }
            return;
        }
        out.append('{');
        for (int i = 0; i < a.size(); i++) {
            if (i > 0) out.append(',');
            quote(out, a.name(i));
            out.append(':');
            try {
                write(a.value(i));
            } catch (EvalException e) {
                throw e.addFrame("while evaluating attribute '" + a.name(i) + "'", a.position(i));
            }
        }
        out.append('}');
    }

    /**
     * A JSON string literal for a byte string, escaped as nlohmann::json does (control characters
     * only; other bytes are copied). Bytes that are not UTF-8 are an error, as in Nix.
     */
    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); ) {
            // A run of characters that need no escaping is appended as one piece.
            int plain = i;
            while (plain < s.length()) {
                char p = s.charAt(plain);
                if (p < 0x20 || p == '"' || p == '\\' || p >= 0x80) break;
                plain++;
            }
            if (plain > i) {
                // (A whole String is appended by array copy; a range, character by character.)
                if (i == 0 && plain == s.length()) sb.append(s);
                else sb.append(s, i, plain);
                i = plain;
                continue;
            }
            char c = s.charAt(i);
            if (c >= 0x80) {
                int n = Utf8.sequenceLength(s, i);
                if (n <= 0) throw notUtf8(s, i, n);
                sb.append(s, i, i + n);
                i += n;
                continue;
            }
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
            i++;
        }
        sb.append('"');
    }

    private static EvalException notUtf8(String s, int start, int n) {
        String detail;
        if (Utf8.isTruncated(s, start, n)) {
            detail = String.format("incomplete UTF-8 string; last byte: 0x%02X", (int) s.charAt(s.length() - 1));
        } else {
            int bad = start - n;
            detail = String.format("invalid UTF-8 byte at index %d: 0x%02X", bad, (int) s.charAt(bad));
        }
        return EvalException.error("JSON serialization error: [json.exception.type_error.316] " + detail
                + " (JSON strings must be UTF-8)", null);
    }

    /**
     * A double as nlohmann::json writes it: the shortest decimal that reads back as the same
     * double, in plain notation when the decimal point falls within 15 digits (integers get
     * {@code .0}), otherwise as {@code d.ddde+XX}. NaN and infinities have no JSON form: null.
     */
    public static String formatDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return "null";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        String sign = d < 0 ? "-" : "";
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        StringBuilder sb = new StringBuilder(sign);
        if (k <= n && n <= 15) {
            sb.append(digits).append("0".repeat(n - k)).append(".0");
        } else if (0 < n && n <= 15) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-4 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            sb.append(digits.charAt(0));
            if (k > 1) sb.append('.').append(digits, 1, k);
            int e = n - 1;
            sb.append('e').append(e < 0 ? '-' : '+');
            int abs = Math.abs(e);
            if (abs < 10) sb.append('0');
            sb.append(abs);
        }
        return sb.toString();
    }

    /** The decimal with the fewest significant digits (nearest to d among those) that parses back to d. */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal r = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) return r.stripTrailingZeros();
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}

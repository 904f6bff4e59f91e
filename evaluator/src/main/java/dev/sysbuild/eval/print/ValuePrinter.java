package dev.sysbuild.eval.print;

import dev.sysbuild.eval.value.Lambda;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixFloat;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.PrimOp;
import dev.sysbuild.eval.value.PrimOpApp;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prints values exactly as {@code nix-instantiate --eval} does: sorted attributes, escaped
 * strings, floats like C's {@code %g}, {@code «repeated»} for a set or list printed before.
 */
public final class ValuePrinter {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_'-]*");
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or");

    private static final String THUNK = dev.sysbuild.eval.Bytes.encode("«thunk»");
    private static final String REPEATED = dev.sysbuild.eval.Bytes.encode("«repeated»");

    private final boolean strict;
    private final int maxDepth;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private ValuePrinter(boolean strict, int maxDepth) {
        this.strict = strict;
        this.maxDepth = maxDepth;
    }

    /** The whole value; with strict, everything is forced first (errors propagate). */
    public static String print(Value v, boolean strict) {
        StringBuilder sb = new StringBuilder();
        new ValuePrinter(strict, Integer.MAX_VALUE).print(sb, v, 0);
        return sb.toString();
    }

    /** A short form for error messages: forces nothing, cuts deep structures. */
    public static String brief(Value v) {
        StringBuilder sb = new StringBuilder();
        new ValuePrinter(false, 2).print(sb, v, 0);
        String s = sb.toString();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /**
     * Prints the value held by {@code v}. A non-empty set or list reached again through the same
     * reference (the same thunk or slot, as Nix's Value pointers) prints as «repeated».
     */
    private void print(StringBuilder sb, Value v, int depth) {
        Value ref = v;
        if (v instanceof Thunk t) {
            if (!strict && !t.isEvaluated()) {
                sb.append(THUNK);
                return;
            }
            v = t.force();
        }
        if (v instanceof NixInt i) sb.append(i.value);
        else if (v instanceof NixFloat f) sb.append(formatFloat(f.value));
        else if (v instanceof NixBool b) sb.append(b.value ? "true" : "false");
        else if (v instanceof NixNull) sb.append("null");
        else if (v instanceof NixString s) quote(sb, s.value);
        else if (v instanceof NixPath p) sb.append(p.path);
        else if (v instanceof NixAttrs a) attrs(sb, a, ref, depth);
        else if (v instanceof NixList l) list(sb, l, ref, depth);
        else if (v instanceof Lambda) sb.append("<LAMBDA>");
        else if (v instanceof PrimOp) sb.append("<PRIMOP>");
        else if (v instanceof PrimOpApp) sb.append("<PRIMOP-APP>");
        else sb.append("<").append(v.typeOf()).append(">");
    }

    private void attrs(StringBuilder sb, NixAttrs a, Value ref, int depth) {
        if (a.size() == 0) {
            sb.append("{ }");
            return;
        }
        if (!seen.add(ref)) {
            sb.append(REPEATED);
            return;
        }
        if (depth >= maxDepth) {
            sb.append("{ ... }");
            return;
        }
        sb.append("{ ");
        for (int i = 0; i < a.size(); i++) {
            attrName(sb, a.name(i));
            sb.append(" = ");
            print(sb, a.value(i), depth + 1);
            sb.append("; ");
        }
        sb.append('}');
    }

    private void list(StringBuilder sb, NixList l, Value ref, int depth) {
        if (l.size() == 0) {
            sb.append("[ ]");
            return;
        }
        if (!seen.add(ref)) {
            sb.append(REPEATED);
            return;
        }
        if (depth >= maxDepth) {
            sb.append("[ ... ]");
            return;
        }
        sb.append("[ ");
        for (int i = 0; i < l.size(); i++) {
            print(sb, l.get(i), depth + 1);
            sb.append(' ');
        }
        sb.append(']');
    }

    public static void attrName(StringBuilder sb, String name) {
        if (IDENTIFIER.matcher(name).matches() && !KEYWORDS.contains(name)) sb.append(name);
        else quote(sb, name);
    }

    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '$' -> sb.append(i + 1 < s.length() && s.charAt(i + 1) == '{' ? "\\$" : "$");
                default -> sb.append(c);
            }
        }
        sb.append('"');
    }

    public static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        quote(sb, s);
        return sb.toString();
    }

    /** C's {@code printf("%g")}: 6 significant digits, trailing zeros removed. */
    public static String formatFloat(double d) {
        if (Double.isNaN(d)) return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0" : "0";
        BigDecimal bd = new BigDecimal(d).round(new MathContext(6, RoundingMode.HALF_EVEN));
        int exp = bd.precision() - bd.scale() - 1;
        if (exp < -4 || exp >= 6) {
            BigDecimal mant = bd.movePointLeft(exp).stripTrailingZeros();
            String m = mant.toPlainString();
            String e = Integer.toString(Math.abs(exp));
            return m + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
        }
        String s = bd.stripTrailingZeros().toPlainString();
        return s;
    }
}

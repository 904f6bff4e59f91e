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
import dev.sysbuild.eval.value.Value;
import java.util.Set;

/**
 * Values as JSON, as {@code builtins.toJSON} and {@code --json} write them: sets with
 * {@code __toString} or {@code outPath} become strings, paths are copied to the store.
 */
public final class JsonPrinter {
    private JsonPrinter() {}

    public static String print(Evaluator ev, Value v, boolean strict) {
        StringBuilder sb = new StringBuilder();
        write(ev, sb, v, null);
        return sb.toString();
    }

    /** Writes JSON, adding the store paths the result depends on to {@code context} (may be null). */
    public static void write(Evaluator ev, StringBuilder sb, Value v, Set<String> context) {
        v = v.force();
        if (v instanceof NixInt i) sb.append(i.value);
        else if (v instanceof NixFloat f) sb.append(formatDouble(f.value));
        else if (v instanceof NixBool b) sb.append(b.value);
        else if (v instanceof NixNull) sb.append("null");
        else if (v instanceof NixString s) {
            if (context != null) context.addAll(s.context());
            string(sb, s.value);
        } else if (v instanceof NixPath p) {
            string(sb, Ops.coerceToString(ev, p, context, false, true, null));
        } else if (v instanceof NixList l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(',');
                write(ev, sb, l.get(i), context);
            }
            sb.append(']');
        } else if (v instanceof NixAttrs a) {
            if (a.get("__toString") != null) {
                string(sb, Ops.coerceToString(ev, a, context, false, false, null));
                return;
            }
            Value outPath = a.get("outPath");
            if (outPath != null) {
                write(ev, sb, outPath, context);
                return;
            }
            sb.append('{');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) sb.append(',');
                string(sb, a.name(i));
                sb.append(':');
                try {
                    write(ev, sb, a.value(i), context);
                } catch (EvalException e) {
                    throw e.addFrame("while evaluating attribute '" + a.name(i) + "'", a.position(i));
                }
            }
            sb.append('}');
        } else {
            throw EvalException.type("cannot convert " + v.showType() + " to JSON", null);
        }
    }

    /** The shortest decimal that reads back as the same double (as nlohmann::json writes it). */
    static String formatDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return "null";
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return (long) d + ".0";
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mant = s.substring(0, e);
        if (mant.endsWith(".0")) mant = mant.substring(0, mant.length() - 2);
        int exp = Integer.parseInt(s.substring(e + 1));
        return mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    public static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}

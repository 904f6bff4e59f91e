package dev.sysbuild.eval;

import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixFloat;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.eval.print.ValuePrinter;
import dev.sysbuild.language.diag.Span;
import java.util.Set;
import java.util.TreeSet;

/** Arithmetic, comparison, equality and string coercion, with Nix's rules and error wording. */
public final class Ops {
    private Ops() {}

    public static Value add(Value a, Value b, Span span) {
        if (a instanceof NixInt x && b instanceof NixInt y) {
            try {
                return NixInt.of(Math.addExact(x.value, y.value));
            } catch (ArithmeticException e) {
                throw overflow("addition", x.value, y.value, span);
            }
        }
        if (isNumber(a) && isNumber(b)) return new NixFloat(toDouble(a) + toDouble(b));
        throw EvalException.type("cannot add " + a.showType() + " to " + b.showType(), span);
    }

    public static Value sub(Value a, Value b, Span span) {
        if (a instanceof NixInt x && b instanceof NixInt y) {
            try {
                return NixInt.of(Math.subtractExact(x.value, y.value));
            } catch (ArithmeticException e) {
                throw overflow("subtraction", x.value, y.value, span);
            }
        }
        checkNumbers(a, b, span);
        return new NixFloat(toDouble(a) - toDouble(b));
    }

    public static Value mul(Value a, Value b, Span span) {
        if (a instanceof NixInt x && b instanceof NixInt y) {
            try {
                return NixInt.of(Math.multiplyExact(x.value, y.value));
            } catch (ArithmeticException e) {
                throw overflow("multiplication", x.value, y.value, span);
            }
        }
        checkNumbers(a, b, span);
        return new NixFloat(toDouble(a) * toDouble(b));
    }

    public static Value div(Value a, Value b, Span span) {
        checkNumbers(a, b, span);
        if (toDouble(b) == 0) throw EvalException.error("division by zero", span);
        if (a instanceof NixInt x && b instanceof NixInt y) {
            if (x.value == Long.MIN_VALUE && y.value == -1) throw overflow("division", x.value, y.value, span);
            return NixInt.of(x.value / y.value);
        }
        return new NixFloat(toDouble(a) / toDouble(b));
    }

    private static EvalException overflow(String op, long a, long b, Span span) {
        return EvalException.error("integer overflow in " + op + " of " + a + " and " + b, span);
    }

    private static void checkNumbers(Value a, Value b, Span span) {
        if (!isNumber(a)) throw Force.typeError("an integer or a float", a, span);
        if (!isNumber(b)) throw Force.typeError("an integer or a float", b, span);
    }

    public static boolean isNumber(Value v) {
        return v instanceof NixInt || v instanceof NixFloat;
    }

    public static double toDouble(Value v) {
        return v instanceof NixInt i ? i.value : ((NixFloat) v).value;
    }

    /** {@code a < b} for numbers, strings, paths and lists (lexicographically). */
    public static boolean lessThan(Value a, Value b, Span span) {
        a = a.force();
        b = b.force();
        if (a instanceof NixInt x && b instanceof NixInt y) return x.value < y.value;
        if (isNumber(a) && isNumber(b)) return toDouble(a) < toDouble(b);
        if (a instanceof NixString x && b instanceof NixString y) return x.value.compareTo(y.value) < 0;
        if (a instanceof NixPath x && b instanceof NixPath y) return x.path.compareTo(y.path) < 0;
        if (a instanceof NixList x && b instanceof NixList y) {
            int n = Math.min(x.size(), y.size());
            for (int i = 0; i < n; i++) {
                if (lessThan(x.get(i), y.get(i), span)) return true;
                if (!equal(x.get(i), y.get(i), span)) return false;
            }
            return x.size() < y.size();
        }
        if (a.getClass() != b.getClass() && !(isNumber(a) && isNumber(b))) {
            throw EvalException.type("cannot compare " + a.showType() + " with " + b.showType(), span);
        }
        throw EvalException.type("cannot compare " + a.showType() + " with " + b.showType()
                + "; values of that type are incomparable", span);
    }

    /** Deep equality; functions are never equal, derivations compare by {@code outPath}. */
    public static boolean equal(Value a, Value b, Span span) {
        a = a.force();
        b = b.force();
        if (a instanceof NixInt x && b instanceof NixInt y) return x.value == y.value;
        if (isNumber(a) && isNumber(b)) return toDouble(a) == toDouble(b);
        if (a instanceof NixString x && b instanceof NixString y) return x.value.equals(y.value);
        if (a instanceof NixPath x && b instanceof NixPath y) return x.path.equals(y.path);
        if (a instanceof NixBool x && b instanceof NixBool y) return x.value == y.value;
        if (a instanceof NixNull && b instanceof NixNull) return true;
        if (a instanceof NixList x && b instanceof NixList y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!sameOrEqual(x.get(i), y.get(i), span)) return false;
            return true;
        }
        if (a instanceof NixAttrs x && b instanceof NixAttrs y) {
            if (x.isDerivation() && y.isDerivation()) {
                Value ox = x.get("outPath");
                Value oy = y.get("outPath");
                if (ox != null && oy != null) return equal(ox, oy, span);
            }
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) {
                if (!x.name(i).equals(y.name(i))) return false;
            }
            for (int i = 0; i < x.size(); i++) if (!sameOrEqual(x.value(i), y.value(i), span)) return false;
            return true;
        }
        return false;
    }

    /** Inside lists and sets, the very same value is equal to itself, even a function (as in Nix). */
    private static boolean sameOrEqual(Value a, Value b, Span span) {
        return a == b || equal(a, b, span);
    }

    /** The result of coercing a value to a string, with the store paths it depends on. */
    public record Coerced(String value, Set<String> context) {}

    /**
     * Nix's coerceToString. {@code coerceMore} is toString's extra leniency (numbers, booleans,
     * null, lists); {@code copyToStore} makes paths into store paths (as interpolation does).
     */
    public static String coerceToString(Evaluator ev, Value v, Set<String> context, boolean coerceMore,
                                        boolean copyToStore, Span span) {
        v = v.force();
        if (v instanceof NixString s) {
            if (s.hasContext() && context != null) context.addAll(s.context());
            return s.value;
        }
        if (v instanceof NixPath p) {
            if (!copyToStore) return p.path;
            String storePath = ev.sources().storePath(p.path, span);
            if (context != null) context.add(storePath);
            return storePath;
        }
        if (v instanceof NixAttrs a) {
            Value toString = a.get("__toString");
            if (toString != null) {
                Value r = Calls.apply(toString, a, span);
                return coerceToString(ev, r, context, coerceMore, copyToStore, span);
            }
            Value outPath = a.get("outPath");
            if (outPath != null) return coerceToString(ev, outPath, context, coerceMore, copyToStore, span);
        }
        if (coerceMore) {
            if (v instanceof NixNull) return "";
            if (v instanceof NixBool b) return b.value ? "1" : "";
            if (v instanceof NixInt i) return Long.toString(i.value);
            if (v instanceof NixFloat f) return String.format(java.util.Locale.ROOT, "%.6f", f.value);
            if (v instanceof NixList l) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < l.size(); i++) {
                    Value item = l.get(i);
                    sb.append(coerceToString(ev, item, context, true, copyToStore, span));
                    if (i < l.size() - 1) {
                        Value f = item.force();
                        if (!(f instanceof NixList il) || il.size() != 0) sb.append(' ');
                    }
                }
                return sb.toString();
            }
        }
        throw EvalException.type("cannot coerce " + v.showType() + " to a string: " + ValuePrinter.brief(v), span);
    }

    public static NixString toNixString(Evaluator ev, Value v, boolean coerceMore, boolean copyToStore, Span span) {
        // The common cases without a context set: a string is itself, an integer its digits.
        Value f = v.force();
        if (f instanceof NixString s) return s;
        if (coerceMore && f instanceof NixInt i) return NixString.of(Long.toString(i.value));
        Set<String> ctx = new TreeSet<>();
        String s = coerceToString(ev, f, ctx, coerceMore, copyToStore, span);
        return NixString.of(s, ctx);
    }
}

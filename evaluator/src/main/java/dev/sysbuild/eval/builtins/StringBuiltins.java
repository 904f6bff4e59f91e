package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Ops;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import java.util.Set;
import java.util.TreeSet;

/** Strings: toString, length, substring, joining, replacing, base and directory names. */
final class StringBuiltins {
    private StringBuiltins() {}

    static void register(Registry r) {
        r.fn("toString", 1, new Fn(0, r));
        r.fn("stringLength", 1, new Fn(1, r));
        r.fn("substring", 3, new Fn(2, r));
        r.fn("concatStringsSep", 2, new Fn(3, r));
        r.fn("replaceStrings", 3, new Fn(4, r));
        r.fn("baseNameOf", 1, new Fn(5, r));
        r.fn("dirOf", 1, new Fn(6, r));
    }

    static String baseName(String s) {
        int end = s.length();
        if (end > 0 && s.charAt(end - 1) == '/') end--;
        int slash = s.lastIndexOf('/', end - 1);
        return s.substring(slash + 1, end);
    }

    static String dirName(String s) {
        int slash = s.lastIndexOf('/');
        if (slash < 0) return ".";
        if (slash == 0) return "/";
        return s.substring(0, slash);
    }

    private static Value replaceStrings(Evaluator ev, Value[] a) {
        NixList from = Force.list(a[0], null);
        NixList to = Force.list(a[1], null);
        if (from.size() != to.size()) {
            throw EvalException.error("'from' and 'to' arguments passed to builtins.replaceStrings have different lengths", null);
        }
        String[] froms = new String[from.size()];
        for (int i = 0; i < froms.length; i++) froms[i] = Force.plainString(from.get(i), null);
        String[] tos = new String[to.size()];
        Set<String> ctx = new TreeSet<>();
        String s = Ops.coerceToString(ev, a[2], ctx, false, true, null);
        boolean anyEmpty = false;
        for (String f : froms) anyEmpty |= f.isEmpty();
        if (!anyEmpty) return NixString.of(replaceNonEmpty(ev, s, froms, tos, to, ctx), ctx);
        StringBuilder res = new StringBuilder();
        for (int p = 0; p <= s.length(); ) {
            boolean found = false;
            for (int i = 0; i < froms.length; i++) {
                if (s.startsWith(froms[i], p)) {
                    found = true;
                    if (tos[i] == null) tos[i] = Ops.coerceToString(ev, to.get(i), ctx, false, true, null);
                    res.append(tos[i]);
                    if (froms[i].isEmpty()) {
                        if (p < s.length()) res.append(s.charAt(p));
                        p++;
                    } else {
                        p += froms[i].length();
                    }
                    break;
                }
            }
            if (!found) {
                if (p < s.length()) res.append(s.charAt(p));
                p++;
            }
        }
        return NixString.of(res.toString(), ctx);
    }

    /**
     * {@code replaceStrings} when no pattern is empty (the usual case). The scan jumps from one
     * occurrence of a pattern's first char to the next with {@link String#indexOf(int, int)}, and
     * the text between matches is copied in runs: a long string with few matches costs a few
     * library scans, not a test of every pattern at every char (a loop that, run once on a long
     * string, would mostly run interpreted).
     */
    private static String replaceNonEmpty(Evaluator ev, String s, String[] froms, String[] tos, NixList to, Set<String> ctx) {
        char[] firsts = new char[froms.length];
        int kinds = 0;
        for (String f : froms) {
            char c = f.charAt(0);
            boolean seen = false;
            for (int k = 0; k < kinds && !seen; k++) seen = firsts[k] == c;
            if (!seen) firsts[kinds++] = c;
        }
        int[] next = new int[kinds]; // where firsts[k] occurs next, at or after the scan; -1: never
        for (int k = 0; k < kinds; k++) next[k] = s.indexOf(firsts[k]);
        StringBuilder res = null;
        int copied = 0; // s[copied, p) is still to be copied
        int p = 0;
        while (true) {
            int at = -1;
            for (int k = 0; k < kinds; k++) {
                if (next[k] >= 0 && next[k] < p) next[k] = s.indexOf(firsts[k], p);
                if (next[k] >= 0 && (at < 0 || next[k] < at)) at = next[k];
            }
            if (at < 0) break;
            int i = 0;
            while (i < froms.length && !s.startsWith(froms[i], at)) i++;
            if (i == froms.length) {
                p = at + 1;
                continue;
            }
            if (tos[i] == null) tos[i] = Ops.coerceToString(ev, to.get(i), ctx, false, true, null);
            if (res == null) res = new StringBuilder(s.length() + 16);
            res.append(s, copied, at).append(tos[i]);
            p = at + froms[i].length();
            copied = p;
        }
        if (res == null) return s;
        return res.append(s, copied, s.length()).toString();
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinToString(a);
                case 1 -> builtinStringLength(a);
                case 2 -> builtinSubstring(a);
                case 3 -> builtinConcatStringsSep(a);
                case 4 -> builtinReplaceStrings(a);
                case 5 -> builtinBaseNameOf(a);
                case 6 -> builtinDirOf(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code toString} */
        private Value builtinToString(Value[] a) {
            return Ops.toNixString(ev, a[0], true, false, null);
        }

        /** {@code stringLength} */
        private Value builtinStringLength(Value[] a) {
            return NixInt.of(Ops.coerceToString(ev, a[0], null, false, true, null).length());
        }

        /** {@code substring} */
        private Value builtinSubstring(Value[] a) {
            long start = Force.integer(a[0], null);
            long len = Force.integer(a[1], null);
            Set<String> ctx = new TreeSet<>();
            String s = Ops.coerceToString(ev, a[2], ctx, false, true, null);
            if (start < 0) throw EvalException.error("negative start position in 'substring'", null);
            if (start >= s.length()) return NixString.of("", ctx);
            long end = len < 0 ? s.length() : Math.min(s.length(), start + len);
            return NixString.of(s.substring((int) start, (int) end), ctx);
        }

        /** {@code concatStringsSep} */
        private Value builtinConcatStringsSep(Value[] a) {
            Set<String> ctx = new TreeSet<>();
            String sep = Ops.coerceToString(ev, a[0], ctx, false, true, null);
            NixList l = Force.list(a[1], null);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(sep);
                sb.append(Ops.coerceToString(ev, l.get(i), ctx, false, true, null));
            }
            return NixString.of(sb.toString(), ctx);
        }

        /** {@code replaceStrings} */
        private Value builtinReplaceStrings(Value[] a) {
            return replaceStrings(ev, a);
        }

        /** {@code baseNameOf} */
        private Value builtinBaseNameOf(Value[] a) {
            Set<String> ctx = new TreeSet<>();
            String s = Ops.coerceToString(ev, a[0], ctx, false, false, null);
            return NixString.of(baseName(s), ctx);
        }

        /** {@code dirOf} */
        private Value builtinDirOf(Value[] a) {
            Value v = a[0].force();
            if (v instanceof NixPath p) return new NixPath(dirName(p.path));
            Set<String> ctx = new TreeSet<>();
            String s = Ops.coerceToString(ev, v, ctx, false, false, null);
            return NixString.of(dirName(s), ctx);
        }
    }
}

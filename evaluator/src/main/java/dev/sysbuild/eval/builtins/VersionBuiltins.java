package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Package names and versions as Nix compares them: a version is a sequence of components split
 * at {@code .} and {@code -}, each a run of digits or a run of other characters.
 */
final class VersionBuiltins {
    private VersionBuiltins() {}

    static void register(Registry r) {
        r.fn("compareVersions", 2, new Fn(0, r));
        r.fn("splitVersion", 1, new Fn(1, r));
        r.fn("parseDrvName", 1, new Fn(2, r));
    }

    /** The first dash not followed by a letter separates name and version ({@code xf86-video-i810-1.7.4}). */
    static int nameVersionDash(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            if (s.charAt(i) == '-' && !isAlpha(s.charAt(i + 1))) return i;
        }
        return -1;
    }

    /** -1, 0 or 1, comparing component by component; a missing component counts as "". */
    static int compare(String v1, String v2) {
        int[] p1 = {0};
        int[] p2 = {0};
        while (p1[0] < v1.length() || p2[0] < v2.length()) {
            String c1 = nextComponent(v1, p1);
            String c2 = nextComponent(v2, p2);
            if (componentLess(c1, c2)) return -1;
            if (componentLess(c2, c1)) return 1;
        }
        return 0;
    }

    static List<String> components(String version) {
        List<String> out = new ArrayList<>();
        int[] p = {0};
        while (p[0] < version.length()) {
            String c = nextComponent(version, p);
            if (c.isEmpty()) break;
            out.add(c);
        }
        return out;
    }

    /** Skips separators, then takes a run of digits or a run of anything but digits and separators. */
    private static String nextComponent(String s, int[] pos) {
        int p = pos[0];
        while (p < s.length() && isSeparator(s.charAt(p))) p++;
        int start = p;
        if (p < s.length() && isDigit(s.charAt(p))) {
            while (p < s.length() && isDigit(s.charAt(p))) p++;
        } else {
            while (p < s.length() && !isDigit(s.charAt(p)) && !isSeparator(s.charAt(p))) p++;
        }
        pos[0] = p;
        return s.substring(start, p);
    }

    /**
     * Numbers compare as numbers; "" is below a number; "pre" is below everything else; a
     * number is above any other word (so 2.3a < 2.3.1); other words compare as bytes.
     */
    private static boolean componentLess(String c1, String c2) {
        Integer n1 = asInt(c1);
        Integer n2 = asInt(c2);
        if (n1 != null && n2 != null) return n1 < n2;
        if (c1.isEmpty() && n2 != null) return true;
        if (c1.equals("pre") && !c2.equals("pre")) return true;
        if (c2.equals("pre")) return false;
        if (n2 != null) return true;
        if (n1 != null) return false;
        return c1.compareTo(c2) < 0;
    }

    /** Like Nix's string2Int: a run of digits too large for a C int is not a number at all. */
    private static Integer asInt(String c) {
        if (c.isEmpty() || !isDigit(c.charAt(0))) return null;
        try {
            return Integer.parseInt(c);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '-';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinCompareVersions(a);
                case 1 -> builtinSplitVersion(a);
                case 2 -> builtinParseDrvName(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code compareVersions} */
        private Value builtinCompareVersions(Value[] a) {
            String v1 = ContextBuiltins.noContext(a[0]);
            String v2 = ContextBuiltins.noContext(a[1]);
            return NixInt.of(compare(v1, v2));
        }

        /** {@code splitVersion} */
        private Value builtinSplitVersion(Value[] a) {
            List<String> parts = components(ContextBuiltins.noContext(a[0]));
            Value[] out = new Value[parts.size()];
            for (int i = 0; i < out.length; i++) out[i] = NixString.of(parts.get(i));
            return NixList.wrap(out);
        }

        /** {@code parseDrvName} */
        private Value builtinParseDrvName(Value[] a) {
            String s = ContextBuiltins.noContext(a[0]);
            int dash = nameVersionDash(s);
            String name = dash < 0 ? s : s.substring(0, dash);
            String version = dash < 0 ? "" : s.substring(dash + 1);
            return new AttrsBuilder(2).put("name", NixString.of(name)).put("version", NixString.of(version)).build();
        }
    }
}

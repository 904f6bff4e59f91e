package dev.sysbuild.store.debian;

/**
 * Debian version ordering ({@code [epoch:]upstream[-revision]}), as dpkg compares versions:
 * epochs numerically, then upstream and revision by alternating non-digit and digit runs, where
 * {@code ~} sorts before everything, even the end of the string, and letters before other
 * characters.
 */
public final class DebianVersion {
    private DebianVersion() {}

    /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
    public static int compare(String a, String b) {
        long ea = epoch(a);
        long eb = epoch(b);
        if (ea != eb) return Long.compare(ea, eb);
        String ra = stripEpoch(a);
        String rb = stripEpoch(b);
        int da = ra.lastIndexOf('-');
        int db = rb.lastIndexOf('-');
        String ua = da < 0 ? ra : ra.substring(0, da);
        String ub = db < 0 ? rb : rb.substring(0, db);
        int c = comparePart(ua, ub);
        if (c != 0) return c;
        return comparePart(da < 0 ? "" : ra.substring(da + 1), db < 0 ? "" : rb.substring(db + 1));
    }

    /** Whether {@code version} satisfies {@code op} against {@code wanted} ({@code <<, <=, =, >=, >>}). */
    public static boolean satisfies(String version, String op, String wanted) {
        int c = compare(version, wanted);
        return switch (op) {
            case "<<", "<" -> c < 0;
            case "<=" -> c <= 0;
            case "=" -> c == 0;
            case ">=" -> c >= 0;
            case ">>", ">" -> c > 0;
            default -> throw new IllegalArgumentException("unknown version relation '" + op + "'");
        };
    }

    private static long epoch(String v) {
        int colon = v.indexOf(':');
        if (colon < 0) return 0;
        try {
            return Long.parseLong(v.substring(0, colon));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String stripEpoch(String v) {
        int colon = v.indexOf(':');
        return colon < 0 ? v : v.substring(colon + 1);
    }

    private static int comparePart(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            // The non-digit run, character by character.
            while ((i < a.length() && !Character.isDigit(a.charAt(i))) || (j < b.length() && !Character.isDigit(b.charAt(j)))) {
                int oa = order(a, i);
                int ob = order(b, j);
                if (oa != ob) return Integer.compare(oa, ob);
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') i++;
            while (j < b.length() && b.charAt(j) == '0') j++;
            int firstDiff = 0;
            while (i < a.length() && Character.isDigit(a.charAt(i)) && j < b.length() && Character.isDigit(b.charAt(j))) {
                if (firstDiff == 0) firstDiff = a.charAt(i) - b.charAt(j);
                i++;
                j++;
            }
            if (i < a.length() && Character.isDigit(a.charAt(i))) return 1;
            if (j < b.length() && Character.isDigit(b.charAt(j))) return -1;
            if (firstDiff != 0) return firstDiff;
        }
        return 0;
    }

    /** dpkg's character weight: ~ lowest, then end/digit, letters, then everything else. */
    private static int order(String s, int i) {
        if (i >= s.length()) return 0;
        char c = s.charAt(i);
        if (Character.isDigit(c)) return 0;
        if (Character.isLetter(c)) return c;
        if (c == '~') return -1;
        return c + 256;
    }
}

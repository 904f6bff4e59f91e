package dev.sysbuild.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** "Did you mean ...?" from the names closest by edit distance. */
public final class Suggestions {
    private Suggestions() {}

    public static List<String> closest(String name, String[] candidates, int max) {
        List<String> out = new ArrayList<>();
        int limit = Math.max(2, name.length() / 3);
        for (String c : candidates) if (distance(name, c) <= limit) out.add(c);
        out.sort(Comparator.comparingInt((String c) -> distance(name, c)).thenComparing(c -> c));
        return out.size() > max ? out.subList(0, max) : out;
    }

    /** ", did you mean one of a, b?" style suffix, or "" when nothing is close. */
    public static String didYouMean(String name, String[] candidates) {
        List<String> c = closest(name, candidates, 3);
        if (c.isEmpty()) return "";
        if (c.size() == 1) return "; did you mean '" + c.get(0) + "'?";
        return "; did you mean one of " + String.join(", ", c.stream().map(s -> "'" + s + "'").toList()) + "?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

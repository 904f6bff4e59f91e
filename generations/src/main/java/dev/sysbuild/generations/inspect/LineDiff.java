package dev.sysbuild.generations.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A unified diff of two texts by lines, from Myers' O(ND) shortest edit script (after the common
 * head and tail are set aside, which is most of a config file's diff). Gives up (empty) when the
 * texts differ in more than {@link #MAX_EDITS} lines, rather than use unbounded memory.
 */
public final class LineDiff {
    static final int MAX_EDITS = 4000;
    private static final int CONTEXT = 3;

    private LineDiff() {}

    private enum Op { SAME, DEL, INS }

    private record Edit(Op op, int a, int b) {}

    /**
     * The diff of {@code a} and {@code b} with {@code ---}/{@code +++} headers, "" when they are
     * equal, empty when the difference is too big to show.
     */
    public static Optional<String> unified(String a, String b, String nameA, String nameB) {
        if (a.equals(b)) return Optional.of("");
        List<String> x = lines(a);
        List<String> y = lines(b);
        Optional<List<Edit>> script = script(x, y);
        if (script.isEmpty()) return Optional.empty();
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(nameA).append('\n').append("+++ ").append(nameB).append('\n');
        List<Edit> edits = script.get();
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == Op.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            // Extend the hunk while the next change is within twice the context.
            int lastChange = i;
            for (int j = i; j < edits.size(); j++) {
                if (edits.get(j).op() != Op.SAME) lastChange = j;
                else if (j - lastChange > 2 * CONTEXT) break;
            }
            int end = Math.min(edits.size() - 1, lastChange + CONTEXT);
            hunk(edits.subList(start, end + 1), x, y, out);
            i = end + 1;
        }
        return Optional.of(out.toString());
    }

    private static void hunk(List<Edit> h, List<String> x, List<String> y, StringBuilder out) {
        int aStart = -1;
        int bStart = -1;
        int aLen = 0;
        int bLen = 0;
        for (Edit e : h) {
            if (e.op() != Op.INS) {
                if (aStart < 0) aStart = e.a();
                aLen++;
            }
            if (e.op() != Op.DEL) {
                if (bStart < 0) bStart = e.b();
                bLen++;
            }
        }
        // An empty side is shown at the line before it, as diff -u does.
        int aShow = aLen == 0 ? h.get(0).a() : aStart + 1;
        int bShow = bLen == 0 ? h.get(0).b() : bStart + 1;
        out.append("@@ -").append(aShow).append(',').append(aLen).append(" +").append(bShow).append(',').append(bLen)
                .append(" @@\n");
        for (Edit e : h) {
            switch (e.op()) {
                case SAME -> out.append(' ').append(x.get(e.a()));
                case DEL -> out.append('-').append(x.get(e.a()));
                case INS -> out.append('+').append(y.get(e.b()));
            }
            out.append('\n');
        }
    }

    /** Lines without their ends; a missing final newline is marked as diff does. */
    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
        if (out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        else out.set(out.size() - 1, out.get(out.size() - 1) + "\n\\ No newline at end of file");
        return out;
    }

    /** The edit script: every line of both texts once, as SAME, DEL or INS, in order. */
    private static Optional<List<Edit>> script(List<String> x, List<String> y) {
        int head = 0;
        while (head < x.size() && head < y.size() && x.get(head).equals(y.get(head))) head++;
        int tail = 0;
        while (tail < x.size() - head && tail < y.size() - head
                && x.get(x.size() - 1 - tail).equals(y.get(y.size() - 1 - tail))) tail++;
        List<Edit> out = new ArrayList<>();
        for (int i = 0; i < head; i++) out.add(new Edit(Op.SAME, i, i));
        Optional<List<Edit>> middle = myers(x.subList(head, x.size() - tail), y.subList(head, y.size() - tail), head);
        if (middle.isEmpty()) return Optional.empty();
        out.addAll(middle.get());
        for (int i = tail; i > 0; i--) out.add(new Edit(Op.SAME, x.size() - i, y.size() - i));
        return Optional.of(out);
    }

    private static Optional<List<Edit>> myers(List<String> a, List<String> b, int offset) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int off = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= Math.min(max, MAX_EDITS); d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[off + k] = x;
                if (x >= n && y >= m) return Optional.of(backtrack(trace, n, m, off, offset));
            }
        }
        return Optional.empty();
    }

    private static List<Edit> backtrack(List<int[]> trace, int n, int m, int off, int offset) {
        List<Edit> rev = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? k + 1 : k - 1;
            int prevX = d == 0 ? 0 : v[off + prevK];
            int prevY = d == 0 ? 0 : prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
                rev.add(new Edit(Op.SAME, x + offset, y + offset));
            }
            if (d > 0) {
                if (x == prevX) rev.add(new Edit(Op.INS, x + offset, prevY + offset));
                else rev.add(new Edit(Op.DEL, prevX + offset, y + offset));
            }
            x = prevX;
            y = prevY;
        }
        java.util.Collections.reverse(rev);
        return rev;
    }
}

package dev.sysbuild.generations.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    @Test
    void oneChangedLineWithThreeLinesOfContext() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertThat(LineDiff.unified(a, b, "a/f", "b/f")).hasValue("""
                --- a/f
                +++ b/f
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """);
    }

    @Test
    void farApartChangesAreTwoHunksAndNearOnesOne() {
        StringBuilder a = new StringBuilder();
        for (int i = 1; i <= 30; i++) a.append(i).append('\n');
        String b = a.toString().replace("\n3\n", "\nthree\n").replace("\n25\n", "\n").replace("\n9\n", "\nnine\n");
        String d = LineDiff.unified(a.toString(), b, "a", "b").orElseThrow();
        assertThat(d).contains("@@ -1,12 +1,12 @@\n", "@@ -22,7 +22,6 @@\n 22\n 23\n 24\n-25\n 26\n");
        assertThat(d.split("@@ ").length).isEqualTo(3);
    }

    @Test
    void insertionIntoAnEmptyFileAndAMissingFinalNewline() {
        assertThat(LineDiff.unified("", "x\ny\n", "a", "b")).hasValue("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n");
        assertThat(LineDiff.unified("x\n", "x", "a", "b")).hasValue(
                "--- a\n+++ b\n@@ -1,1 +1,1 @@\n-x\n+x\n\\ No newline at end of file\n");
        assertThat(LineDiff.unified("same\n", "same\n", "a", "b")).hasValue("");
    }

    /** Applying the printed hunks to A gives B, for random edits (checks the edit script, not the layout). */
    @Test
    void theScriptTurnsAIntoBForRandomEdits() {
        Random r = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<String> a = new ArrayList<>();
            for (int i = 0; i < r.nextInt(30); i++) a.add("l" + r.nextInt(8));
            List<String> b = new ArrayList<>(a);
            for (int e = 0; e < r.nextInt(6); e++) {
                if (!b.isEmpty() && r.nextBoolean()) b.remove(r.nextInt(b.size()));
                else b.add(b.isEmpty() ? 0 : r.nextInt(b.size()), "n" + r.nextInt(8));
            }
            String sa = a.isEmpty() ? "" : String.join("\n", a) + "\n";
            String sb = b.isEmpty() ? "" : String.join("\n", b) + "\n";
            String d = LineDiff.unified(sa, sb, "a", "b").orElseThrow();
            assertThat(apply(a, d)).as("round %d:\n%s", round, d).isEqualTo(b);
        }
    }

    private static List<String> apply(List<String> a, String diff) {
        if (diff.isEmpty()) return a;
        List<String> out = new ArrayList<>();
        int at = 0;
        String[] lines = diff.split("\n");
        for (int i = 2; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("@@")) {
                String[] parts = l.split(" ");
                String[] minus = parts[1].substring(1).split(",");
                int start = Integer.parseInt(minus[0]);
                int len = Integer.parseInt(minus[1]);
                int upTo = len == 0 ? start : start - 1;
                while (at < upTo) out.add(a.get(at++));
            } else if (l.startsWith(" ")) {
                out.add(a.get(at++));
            } else if (l.startsWith("-")) {
                at++;
            } else if (l.startsWith("+")) {
                out.add(l.substring(1));
            }
        }
        while (at < a.size()) out.add(a.get(at++));
        return out;
    }
}

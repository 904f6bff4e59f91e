package dev.sysbuild.language.diag;

import java.nio.file.Path;
import java.util.Arrays;

/** A piece of source text with a name for messages (a file path, or «string» for -E). */
public final class Source {
    private final String name;
    private final String text;
    private final Path path;
    private int[] lineStarts;

    private Source(String name, String text, Path path) {
        this.name = name;
        this.text = text;
        this.path = path;
    }

    public static Source ofFile(Path path, String text) {
        return new Source(path.toString(), text, path);
    }

    public static Source ofString(String name, String text) {
        return new Source(name, text, null);
    }

    public String name() { return name; }

    public String text() { return text; }

    /** The file this source was read from, or null for text given on the command line. */
    public Path path() { return path; }

    /** 1-based line of a character offset. */
    public int lineOf(int offset) {
        int[] starts = lineStarts();
        int i = Arrays.binarySearch(starts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** 1-based column of a character offset. */
    public int columnOf(int offset) {
        return offset - lineStarts()[lineOf(offset) - 1] + 1;
    }

    /** The text of a 1-based line, without its line break. */
    public String line(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) return "";
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') end--;
        return text.substring(start, Math.max(start, end));
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int n = 1;
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
            int[] starts = new int[n];
            int k = 1;
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts[k++] = i + 1;
            lineStarts = starts;
        }
        return lineStarts;
    }

    @Override
    public String toString() { return name; }
}

package dev.sysbuild.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and error for byte strings: the evaluator's strings hold one byte per char,
 * so they are written back as ISO-8859-1 to reproduce the exact bytes.
 */
final class Output {
    private Output() {}

    static PrintStream stdout() {
        return new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes {@code text} (one byte per char) to {@code out} as bytes: print would turn it into
     * chars and encode them back one by one (milliseconds for a long listing).
     */
    static void write(PrintStream out, CharSequence text) {
        byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes, 0, bytes.length);
    }

    /**
     * A stream for Unicode text (commit subjects, /etc diffs, labels: what git and the store's
     * JSON files give as Java text) over {@code out}, which carries byte strings: the text goes
     * out as its UTF-8 bytes. Printing such text on {@code out} itself wrote each char as one
     * byte, so "café" reached a UTF-8 terminal as invalid bytes and "—" as "?". Flushed at each
     * line, so what it prints stays in order with what is printed on {@code out}.
     */
    static PrintStream text(PrintStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    static PrintStream stderr() {
        return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.ISO_8859_1);
    }
}

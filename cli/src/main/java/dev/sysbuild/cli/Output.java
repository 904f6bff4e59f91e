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

    static PrintStream stderr() {
        return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.ISO_8859_1);
    }
}

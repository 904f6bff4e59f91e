package dev.sysbuild.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where the REPL reads its lines: a terminal with line editing and history
 * ({@link TerminalInput}), or plain lines from a pipe or file, so sessions can be scripted.
 */
interface ReplInput extends AutoCloseable {
    /**
     * The next line, without its line break, or null at the end of input.
     *
     * @throws InterruptedIOException when the user pressed Ctrl-C: the line being typed is dropped
     */
    String readLine(String prompt) throws IOException;

    /** Whether a person is typing: then the REPL greets, prompts and leaves blank lines. */
    boolean interactive();

    @Override
    void close() throws IOException;

    /** Lines of UTF-8 text from {@code in}; no prompts, no editing. */
    static ReplInput plain(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new ReplInput() {
            @Override public String readLine(String prompt) throws IOException { return reader.readLine(); }

            @Override public boolean interactive() { return false; }

            // The stream belongs to the caller (standard input, or a test's).
            @Override public void close() {}
        };
    }
}

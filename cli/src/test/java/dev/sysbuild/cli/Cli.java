package dev.sysbuild.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code sysbuild} in-process, as a user would from a shell, and keeps what it printed. */
record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
        return runWithInput("", args);
    }

    /** With {@code input} as standard input (UTF-8), as when it is piped in. */
    static Cli runWithInput(String input, String... args) {
        return runWithInput(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), args);
    }

    static Cli runWithInput(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // The same encoding as the real streams: byte strings go out as their exact bytes.
        PrintStream o = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        PrintStream e = new PrintStream(err, true, StandardCharsets.ISO_8859_1);
        int code = Main.run(in, o, e, args);
        o.flush();
        e.flush();
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

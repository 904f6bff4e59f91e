package dev.sysbuild.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Lines typed at a terminal, through JLine: editing, history kept in a file, completion. */
final class TerminalInput implements ReplInput {
    private final Terminal terminal;
    private final LineReader reader;

    TerminalInput(Path historyFile, Completer completer) throws IOException {
        Files.createDirectories(historyFile.getParent());
        // dumb(true): on a terminal JLine cannot drive (TERM=dumb, an editor's shell) fall back
        // to plain reading instead of warning.
        terminal = TerminalBuilder.builder().system(true).dumb(true).build();
        reader = LineReaderBuilder.builder()
                .appName("sysbuild")
                .terminal(terminal)
                .parser(new NixWords())
                .completer(completer)
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_SIZE, 1000)
                // '!' is Nix's "not", never a history reference.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .build();
    }

    @Override
    public String readLine(String prompt) throws IOException {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw new InterruptedIOException("interrupted");
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.getHistory().save();
        } finally {
            terminal.close();
        }
    }

    /**
     * Splits a line into words for completion only: Nix text has no shell quoting, and a word is
     * an attribute path ({@code builtins.ma}) or a REPL command ({@code :lo}).
     */
    private static final class NixWords extends DefaultParser {
        NixWords() {
            setQuoteChars(new char[0]);
            setEscapeChars(new char[0]);
        }

        @Override
        public boolean isDelimiterChar(CharSequence buffer, int pos) {
            char c = buffer.charAt(pos);
            return !(Character.isLetterOrDigit(c) || c == '_' || c == '\'' || c == '-' || c == '.' || c == ':');
        }
    }
}

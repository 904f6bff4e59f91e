package dev.sysbuild.cli;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.EvalIO;
import dev.sysbuild.eval.LocalIO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sysbuild repl}: an interactive session in the language, like {@code nix repl}. */
final class ReplCommand implements Callable<Integer>, CommonOptions.Holder {
    final SysbuildCommand parent;

    private CommandSpec spec;

    ReplCommand(SysbuildCommand parent) {
        this.parent = parent;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "repl",
                "Evaluate expressions interactively, as nix repl does; type :? for the commands.",
                "Off a terminal (a pipe, a file) lines are read plainly, without prompts, so sessions can be scripted.");
        c.addPositional(PositionalParamSpec.builder().arity("0..*").paramLabel("FILE").type(List.class)
                .auxiliaryTypes(String.class).description("Files to load first, as with :l.").build());
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    List<String> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        files = Specs.positionals(spec, 0);
        Repl repl = new Repl(() -> Session.evaluator(common), parent.out, parent.err, common.verbose);
        for (String file : files) repl.load(file);
        try (ReplInput input = open(repl)) {
            return repl.run(input);
        }
    }

    /** JLine on a real terminal; plain lines when the input is a pipe, a file or a test's stream. */
    private ReplInput open(Repl repl) throws IOException {
        if (parent.in != System.in || System.console() == null) return ReplInput.plain(parent.in);
        return new TerminalInput(historyFile(LocalIO.system()), completer(repl));
    }

    /** $XDG_DATA_HOME/sysbuild/repl-history, by default under ~/.local/share. */
    static Path historyFile(EvalIO io) {
        String data = Bytes.decode(io.getEnv("XDG_DATA_HOME"));
        Path base = !data.isEmpty() ? Path.of(data) : Path.of(Bytes.decode(io.getEnv("HOME")), ".local", "share");
        return base.resolve("sysbuild").resolve("repl-history");
    }

    private static Completer completer(Repl repl) {
        return (reader, line, candidates) -> {
            String word = line.word().substring(0, line.wordCursor());
            for (String c : repl.complete(word)) {
                // A variable or attribute may be followed by '.', so no space is added after it.
                candidates.add(new Candidate(c, c, null, null, null, null, c.startsWith(":")));
            }
        };
    }
}

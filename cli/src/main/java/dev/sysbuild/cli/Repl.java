package dev.sysbuild.cli;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.DeepStack;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.ParseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read-eval-print loop of {@code sysbuild repl}, as {@code nix repl}: expressions are
 * evaluated and printed one level deep, {@code x = expr} binds lazily for later lines, and
 * commands start with a colon. An error is printed and the session goes on. Input that ends
 * in the middle of an expression is continued on the next line.
 */
final class Repl {
    static final String PROMPT = "sysbuild-repl> ";
    private static final String CONTINUE = " ".repeat(PROMPT.length());
    /** The name errors and {@code __curPos} give to what was typed. */
    private static final String SOURCE = Bytes.encode("«string»");
    private static final Pattern BINDING = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_'-]*)\\s*=(?!=)(.*)", Pattern.DOTALL);
    private static final Pattern COMMAND = Pattern.compile("\\s*(:\\S*)\\s*(.*)", Pattern.DOTALL);
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or");
    static final List<String> COMMANDS = List.of(":?", ":help", ":a", ":add", ":l", ":load", ":p", ":print",
            ":q", ":quit", ":r", ":reload", ":t", ":type");

    private static final String HELP = """
            The following commands are available:

              <expr>          Evaluate and print an expression (attributes one level deep)
              <x> = <expr>    Bind an expression to a variable for later lines
              :a <expr>       Add the attributes of the resulting set to the scope
              :l <path>       Load a file and add the attributes of its set to the scope
              :p <expr>       Evaluate and print an expression completely
              :r              Reload the loaded files (forgets all bindings)
              :t <expr>       Describe the type of the result
              :q              Exit
              :?              Show this help
            """;

    private enum Outcome { DONE, INCOMPLETE, QUIT }

    private final Supplier<Evaluator> newEvaluator;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean verbose;
    private final String baseDir;
    private Evaluator ev;
    /** The variables lines see: bindings and loaded attributes, a later one replacing an earlier. */
    private final Map<String, Value> scope = new TreeMap<>();
    /** Files given to :l, in order, for :r. */
    private final List<String> loaded = new ArrayList<>();

    Repl(Supplier<Evaluator> newEvaluator, PrintStream out, PrintStream err, boolean verbose) {
        this.newEvaluator = newEvaluator;
        this.ev = newEvaluator.get();
        this.out = out;
        this.err = err;
        this.verbose = verbose;
        this.baseDir = Session.cwd();
    }

    /** Reads and evaluates lines until {@code :q} or the end of input; always returns 0, as nix repl does. */
    int run(ReplInput input) throws IOException {
        if (input.interactive()) out.println("Welcome to sysbuild " + Version.current() + ". Type :? for help.\n");
        StringBuilder pending = new StringBuilder();
        while (true) {
            out.flush();
            String line;
            try {
                line = input.readLine(pending.isEmpty() ? PROMPT : CONTINUE);
            } catch (InterruptedIOException e) {
                pending.setLength(0);
                continue;
            }
            if (line == null) {
                if (!pending.isEmpty()) handle(pending.toString(), true);
                break;
            }
            if (!pending.isEmpty()) pending.append('\n');
            pending.append(line);
            Outcome outcome = handle(pending.toString(), false);
            if (outcome == Outcome.INCOMPLETE) continue;
            pending.setLength(0);
            if (outcome == Outcome.QUIT) break;
            if (input.interactive()) out.println();
        }
        out.flush();
        return 0;
    }

    /** Loads a file as {@code :l} does (for the files named on the command line). */
    void load(String file) {
        attempt("", true, () -> loadFile(file));
    }

    private Outcome handle(String text, boolean atEnd) {
        if (text.isBlank()) return Outcome.DONE;
        Matcher command = COMMAND.matcher(text);
        if (command.matches()) return command(command.group(1), command.group(2).strip(), atEnd);
        Matcher binding = BINDING.matcher(text);
        if (binding.matches() && !KEYWORDS.contains(binding.group(1))) {
            String name = binding.group(1);
            String expr = binding.group(2);
            return attempt(expr, atEnd, () -> scope.put(Bytes.encode(name), parse(expr)));
        }
        return attempt(text, atEnd, () -> out.println(ReplPrinter.print(parse(text), ReplPrinter.SHALLOW)));
    }

    private Outcome command(String name, String arg, boolean atEnd) {
        switch (name) {
            case ":q", ":quit" -> {
                return Outcome.QUIT;
            }
            case ":?", ":help" -> out.print(HELP);
            case ":t", ":type" -> {
                return attempt(arg, atEnd, () -> out.println(parse(arg).force().showType()));
            }
            case ":p", ":print" -> {
                return attempt(arg, atEnd, () -> out.println(ReplPrinter.print(parse(arg), ReplPrinter.DEEP)));
            }
            case ":a", ":add" -> {
                return attempt(arg, atEnd, () -> add(Force.attrs(parse(arg), null)));
            }
            case ":l", ":load" -> {
                return attempt("", atEnd, () -> loadFile(arg));
            }
            case ":r", ":reload" -> {
                return attempt("", atEnd, this::reload);
            }
            default -> err.println("error: unknown command '" + name + "' (type :? for the commands)");
        }
        return Outcome.DONE;
    }

    /** What was typed, compiled against the scope; unevaluated, so a binding stays lazy. */
    private Value parse(String text) {
        return ev.evalStringWithScope(SOURCE, Bytes.encode(text), baseDir, scopeAttrs());
    }

    private NixAttrs scopeAttrs() {
        AttrsBuilder b = new AttrsBuilder(scope.size());
        scope.forEach(b::put);
        return b.build();
    }

    private void loadFile(String file) {
        if (file.isEmpty()) throw EvalException.error(":l needs a file to load, e.g. :l ./default.nix", null);
        Value v = file.startsWith("<") && file.endsWith(">")
                ? ev.importFile(Force.path(parse(file), null).path)
                : ev.importFile(Session.absolute(file));
        add(Force.attrs(EvalCommand.autoCall(v, NixAttrs.EMPTY), null));
        if (!loaded.contains(file)) loaded.add(file);
    }

    private void add(NixAttrs attrs) {
        for (int i = 0; i < attrs.size(); i++) scope.put(attrs.name(i), attrs.value(i));
        err.println("Added " + attrs.size() + " variables.");
    }

    /** Starts again from the files: a fresh evaluator (so changed files are read anew), no bindings. */
    private void reload() {
        ev = newEvaluator.get();
        scope.clear();
        for (String file : List.copyOf(loaded)) {
            err.println("Loading '" + file + "'...");
            loadFile(file);
        }
    }

    /**
     * Runs one line's work on the deep stack and prints its error, if any. A parse error at the
     * very end of the text means the expression goes on, unless the input has ended.
     */
    private Outcome attempt(String text, boolean atEnd, Runnable work) {
        try {
            DeepStack.run((Callable<Void>) () -> {
                work.run();
                return null;
            });
        } catch (ParseException e) {
            if (!atEnd && continues(e, text)) return Outcome.INCOMPLETE;
            err.print(e.render());
        } catch (EvalException e) {
            err.print(verbose ? e.render() : e.renderForUser());
            if (verbose) e.printStackTrace(err);
        } catch (Exception e) {
            err.println("error: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
                    + (verbose ? "" : " (internal error; run with -v for details)"));
            if (verbose) e.printStackTrace(err);
        }
        err.flush();
        return Outcome.DONE;
    }

    private static boolean continues(ParseException e, String text) {
        var span = e.diagnostic().span();
        return e.getMessage().endsWith("unexpected end of file") && span != null
                && span.start() >= Bytes.encode(text).length();
    }

    /** Completion candidates for a word being typed: commands, variables, or attributes of a path. */
    List<String> complete(String word) {
        if (word.startsWith(":")) return COMMANDS.stream().filter(c -> c.startsWith(word)).toList();
        int dot = word.lastIndexOf('.');
        Set<String> names = new TreeSet<>();
        if (dot < 0) {
            names.addAll(scope.keySet());
            names.addAll(ev.globals().keySet());
            names.removeIf(n -> n.startsWith("__"));
        } else {
            try {
                NixAttrs attrs = DeepStack.run(() -> Force.attrs(parse(word.substring(0, dot)), null));
                names.addAll(List.of(attrs.names()));
            } catch (Exception e) {
                return List.of();
            }
        }
        String prefix = word.substring(0, dot + 1);
        String partial = word.substring(dot + 1);
        return names.stream().filter(n -> n.startsWith(partial)).map(n -> prefix + Bytes.decode(n)).toList();
    }
}

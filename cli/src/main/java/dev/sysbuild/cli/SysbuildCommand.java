package dev.sysbuild.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The top-level {@code sysbuild} command. */
public final class SysbuildCommand implements Runnable, CommonOptions.Holder {
    final CommandSpec spec;

    /** Global options given before the command name; {@link CommonOptions#passDown} hands them on. */
    final CommonOptions common = new CommonOptions();

    /** Where commands write; byte strings go out as ISO-8859-1 to keep their exact bytes. */
    final java.io.PrintStream out;
    final java.io.PrintStream err;
    /** Where interactive commands (the REPL) read; tests give it a prepared stream. */
    final java.io.InputStream in;

    /** The words of the command line, so commands with subcommands build only the named one. */
    final java.util.Set<String> words;

    SysbuildCommand(java.io.InputStream in, java.io.PrintStream out, java.io.PrintStream err, java.util.Set<String> words) {
        this.words = words;
        this.in = in;
        this.out = out;
        this.err = err;
        // Built in code ({@link Specs} says why).
        spec = Specs.command(this, "sysbuild", "Build and switch whole Linux systems described in the Nix language.");
    }

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    static CommandLine commandLine(java.io.PrintStream out, java.io.PrintStream err) {
        return commandLine(System.in, out, err);
    }

    /**
     * The subcommands, in the order help lists them. Only the commands named on the command line
     * are built (all of them when none is, e.g. for --help): each model is made in code
     * ({@link Specs}), but picocli's first models still cost milliseconds. Made by a switch, not a
     * map of lambdas: each lambda costs ~0.25 ms to link on first use.
     */
    private static final java.util.List<String> COMMANDS = java.util.List.of("parse", "eval", "repl", "init", "debian",
            "boot-ok", "build", "switch", "boot", "test", "dry-activate", "gc", "store", "options", "rollback", "activate",
            "generations", "log", "help");

    /** The model of the command {@code name} (for {@code help}, picocli's own command). */
    private static Object command(String name, SysbuildCommand top) {
        return switch (name) {
            case "parse" -> new ParseCommand(top).spec();
            case "eval" -> new EvalCommand(top).spec();
            case "repl" -> new ReplCommand(top).spec();
            case "init" -> new InitCommand(top).spec();
            case "debian" -> new DebianCommand(top).spec;
            case "boot-ok" -> new BootOkCommand(top).spec();
            case "build" -> new BuildCommand(top).spec();
            case "switch" -> new SystemChangeCommand.Switch(top).spec();
            case "boot" -> new SystemChangeCommand.Boot(top).spec();
            case "test" -> new SystemChangeCommand.Test(top).spec();
            case "dry-activate" -> new SystemChangeCommand.DryActivate(top).spec();
            case "gc" -> new GcCommand(top).spec();
            case "store" -> new StoreCommand(top, top.words).spec;
            case "options" -> new OptionsCommand(top).spec();
            case "rollback" -> new RollbackCommand(top).spec();
            case "activate" -> new ActivateCommand(top).spec();
            case "generations" -> new GenerationsCommand(top, top.words).spec;
            case "log" -> new LogCommand(top).spec();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    static CommandLine commandLine(java.io.InputStream in, java.io.PrintStream out, java.io.PrintStream err) {
        return commandLine(in, out, err, new String[0]);
    }

    static CommandLine commandLine(java.io.InputStream in, java.io.PrintStream out, java.io.PrintStream err,
                                   String[] args) {
        java.util.Set<String> named = new java.util.HashSet<>(java.util.Arrays.asList(args));
        boolean some = false;
        for (String c : COMMANDS) some |= named.contains(c);
        some &= !named.contains("help");
        // `sysbuild --version` needs no command at all (building them all for the help list took most of it).
        boolean versionOnly = !some && args.length == 1 && (named.contains("--version") || named.contains("-V"));
        SysbuildCommand top = new SysbuildCommand(in, out, err, named);
        CommandLine cl = new CommandLine(top.spec);
        for (String c : COMMANDS) {
            if (versionOnly || some && !named.contains(c)) continue;
            cl.addSubcommand(c, new CommandLine(command(c, top)));
        }
        cl.setExecutionStrategy(parsed -> {
            CommonOptions.passDown(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(SysbuildCommand::handleException);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        return cl;
    }

    /** Unexpected exceptions: a message, and the stack trace only with -v. */
    private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.hasMatchedOption("-v") || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("-v"));
        cl.getErr().println("error: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        if (verbose) {
            StringWriter sw = new StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            cl.getErr().print(sw);
        } else {
            cl.getErr().println("(internal error; run with -v for details)");
        }
        cl.getErr().flush();
        return 1;
    }
}

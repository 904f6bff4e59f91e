package dev.sysbuild.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The top-level {@code sysbuild} command. */
public final class SysbuildCommand implements Runnable {
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
        spec.addMixin("common", common.spec());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    static CommandLine commandLine(java.io.PrintStream out, java.io.PrintStream err) {
        return commandLine(System.in, out, err);
    }

    /**
     * The subcommands, in the order help lists them. picocli builds a command's model by
     * reflection, which is most of a short run's start-up, so only the commands named on the
     * command line are registered (all of them when none is, e.g. for --help).
     */
    private static final java.util.Map<String, java.util.function.Function<SysbuildCommand, Object>> COMMANDS = new java.util.LinkedHashMap<>();

    static {
        COMMANDS.put("parse", top -> new ParseCommand());
        COMMANDS.put("eval", top -> new EvalCommand(top).spec());
        COMMANDS.put("repl", top -> new ReplCommand());
        COMMANDS.put("init", top -> new InitCommand());
        COMMANDS.put("debian", top -> new DebianCommand());
        COMMANDS.put("boot-ok", top -> new BootOkCommand());
        COMMANDS.put("build", top -> new BuildCommand());
        COMMANDS.put("switch", top -> new SystemChangeCommand.Switch());
        COMMANDS.put("boot", top -> new SystemChangeCommand.Boot());
        COMMANDS.put("test", top -> new SystemChangeCommand.Test());
        COMMANDS.put("dry-activate", top -> new SystemChangeCommand.DryActivate());
        COMMANDS.put("gc", top -> new GcCommand(top).spec());
        COMMANDS.put("store", top -> new StoreCommand(top, top.words).spec);
        COMMANDS.put("options", top -> new OptionsCommand());
        COMMANDS.put("rollback", top -> new RollbackCommand());
        COMMANDS.put("activate", top -> new ActivateCommand());
        COMMANDS.put("generations", top -> new GenerationsCommand());
        COMMANDS.put("log", top -> new LogCommand());
        COMMANDS.put("help", top -> new CommandLine.HelpCommand());
    }

    static CommandLine commandLine(java.io.InputStream in, java.io.PrintStream out, java.io.PrintStream err) {
        return commandLine(in, out, err, new String[0]);
    }

    static CommandLine commandLine(java.io.InputStream in, java.io.PrintStream out, java.io.PrintStream err,
                                   String[] args) {
        java.util.Set<String> named = new java.util.HashSet<>(java.util.Arrays.asList(args));
        boolean some = COMMANDS.keySet().stream().anyMatch(named::contains) && !named.contains("help");
        // `sysbuild --version` needs no command at all (building them all for the help list took most of it).
        boolean versionOnly = !some && args.length == 1 && (named.contains("--version") || named.contains("-V"));
        // The invoked command's model is built on another core while this one builds the top's.
        SysbuildCommand top = new SysbuildCommand(in, out, err, named);
        java.util.Map<String, java.util.concurrent.CompletableFuture<CommandLine>> subs = new java.util.LinkedHashMap<>();
        for (var c : COMMANDS.entrySet()) {
            if (versionOnly || some && !named.contains(c.getKey())) continue;
            java.util.function.Function<SysbuildCommand, Object> make = c.getValue();
            subs.put(c.getKey(), some
                    ? java.util.concurrent.CompletableFuture.supplyAsync(() -> new CommandLine(make.apply(top)))
                    : java.util.concurrent.CompletableFuture.completedFuture(null));
        }
        CommandLine cl = new CommandLine(top.spec);
        for (var s : subs.entrySet()) {
            CommandLine sub = s.getValue().join();
            if (sub == null) sub = new CommandLine(COMMANDS.get(s.getKey()).apply(top));
            CommonOptions.addTo(sub);
            cl.addSubcommand(s.getKey(), sub);
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

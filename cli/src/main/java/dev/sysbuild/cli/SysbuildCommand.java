package dev.sysbuild.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code sysbuild} command. */
@Command(name = "sysbuild", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Build and switch whole Linux systems described in the Nix language.")
public final class SysbuildCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Global options given before the command name; {@link CommonOptions#passDown} hands them on. */
    @CommandLine.Mixin
    CommonOptions common;

    /** Where commands write; byte strings go out as ISO-8859-1 to keep their exact bytes. */
    final java.io.PrintStream out;
    final java.io.PrintStream err;
    /** Where interactive commands (the REPL) read; tests give it a prepared stream. */
    final java.io.InputStream in;

    SysbuildCommand(java.io.InputStream in, java.io.PrintStream out, java.io.PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
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
    private static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = new java.util.LinkedHashMap<>();

    static {
        COMMANDS.put("parse", ParseCommand::new);
        COMMANDS.put("eval", EvalCommand::new);
        COMMANDS.put("repl", ReplCommand::new);
        COMMANDS.put("init", InitCommand::new);
        COMMANDS.put("debian", DebianCommand::new);
        COMMANDS.put("boot-ok", BootOkCommand::new);
        COMMANDS.put("build", BuildCommand::new);
        COMMANDS.put("switch", SystemChangeCommand.Switch::new);
        COMMANDS.put("boot", SystemChangeCommand.Boot::new);
        COMMANDS.put("test", SystemChangeCommand.Test::new);
        COMMANDS.put("dry-activate", SystemChangeCommand.DryActivate::new);
        COMMANDS.put("gc", GcCommand::new);
        COMMANDS.put("store", StoreCommand::new);
        COMMANDS.put("options", OptionsCommand::new);
        COMMANDS.put("rollback", RollbackCommand::new);
        COMMANDS.put("activate", ActivateCommand::new);
        COMMANDS.put("generations", GenerationsCommand::new);
        COMMANDS.put("log", LogCommand::new);
        COMMANDS.put("help", CommandLine.HelpCommand::new);
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
        java.util.Map<String, java.util.concurrent.CompletableFuture<CommandLine>> subs = new java.util.LinkedHashMap<>();
        for (var c : COMMANDS.entrySet()) {
            if (versionOnly || some && !named.contains(c.getKey())) continue;
            java.util.function.Supplier<Object> make = c.getValue();
            subs.put(c.getKey(), some
                    ? java.util.concurrent.CompletableFuture.supplyAsync(() -> new CommandLine(make.get()))
                    : java.util.concurrent.CompletableFuture.completedFuture(null));
        }
        CommandLine cl = new CommandLine(new SysbuildCommand(in, out, err));
        for (var s : subs.entrySet()) {
            CommandLine sub = s.getValue().join();
            if (sub != null) cl.addSubcommand(s.getKey(), sub);
            else cl.addSubcommand(s.getKey(), COMMANDS.get(s.getKey()).get());
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

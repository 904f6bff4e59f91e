package dev.sysbuild.cli;

import picocli.CommandLine;

/** Entry point: runs the command and exits with its code (0 ok, 1 failure, 2 usage). */
public final class Main {
    private Main() {}

    /**
     * Commands that never evaluate, or (the system commands) usually take the result from the
     * evaluation cache: warming the evaluator up would only take CPU from them.
     */
    private static final java.util.Set<String> NO_WARM_UP = java.util.Set.of("switch", "boot", "test", "dry-activate",
            "rollback", "activate", "generations", "gc", "store", "boot-ok", "log");

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals(CdsTraining.FLAG)) System.exit(CdsTraining.run());
        // Class loading and the parser's tables take most of a short run's time; do them on the
        // second core while picocli reads the command line.
        // (No lambda or stream before the thread starts: the process's first lambda sets up the
        // JDK's method-handle machinery, which the warm-up thread can pay instead.)
        boolean warm = true;
        for (String a : args) warm &= !NO_WARM_UP.contains(a);
        if (warm) {
            Thread warmUp = new Thread(new WarmUp(), "sysbuild-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        System.exit(run(args));
    }

    private static final class WarmUp implements Runnable {
        @Override
        public void run() {
            dev.sysbuild.eval.Evaluator.warmUp();
        }
    }

    /** Runs a command line in-process (tests call this) and returns the exit code. */
    public static int run(String... args) {
        java.io.PrintStream out = Output.stdout();
        try {
            return run(out, Output.stderr(), args);
        } finally {
            out.flush();
        }
    }

    /** Runs with the given output streams (and standard input). */
    public static int run(java.io.PrintStream out, java.io.PrintStream err, String... args) {
        return SysbuildCommand.commandLine(System.in, out, err, args).execute(args);
    }

    /** Runs with the given input and output streams; the REPL reads {@code in} line by line. */
    public static int run(java.io.InputStream in, java.io.PrintStream out, java.io.PrintStream err, String... args) {
        return SysbuildCommand.commandLine(in, out, err, args).execute(args);
    }
}

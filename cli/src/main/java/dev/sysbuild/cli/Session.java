package dev.sysbuild.cli;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.DeepStack;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.EvalIO;
import dev.sysbuild.eval.EvalSettings;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.LocalIO;
import dev.sysbuild.language.ParseException;
import dev.sysbuild.language.Paths;
import dev.sysbuild.store.path.StoreDir;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** What the language commands share: building an evaluator and reporting its errors. */
final class Session {
    /** The source name of -E expressions, as a byte string like every name we print. */
    static final String STRING_SOURCE = Bytes.encode("«string»");

    private Session() {}

    /**
     * An evaluator for a language command: it computes store paths in {@code --store-dir} and
     * writes nothing (commands that only evaluate never write to the store).
     */
    static Evaluator evaluator(CommonOptions common) {
        EvalIO io = LocalIO.system();
        EvalSettings settings = EvalSettings.defaults().withStoreDir(new StoreDir(common.storeDir));
        return new Evaluator(io, Evaluator.searchPath(common.includes, io), settings);
    }

    /** An absolute, canonical byte-string path for a file named on the command line. */
    static String absolute(String file) {
        return Bytes.encode(Paths.canonical(Path.of(file).toAbsolutePath().toString()));
    }

    static String cwd() {
        return Bytes.encode(Path.of("").toAbsolutePath().toString());
    }

    /** Runs a language task on the deep stack; evaluation and parse errors print and give exit code 1. */
    static int run(PrintStream err, boolean verbose, Callable<Integer> task) {
        try {
            return DeepStack.run(task);
        } catch (ParseException e) {
            err.print(e.render());
            return 1;
        } catch (EvalException e) {
            err.print(verbose ? e.render() : e.renderForUser());
            if (verbose) e.printStackTrace(err);
            return 1;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.sysbuild.cli;

import dev.sysbuild.store.local.OptimiseResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sysbuild store optimise}: like {@code nix-store --optimise}. */
final class StoreOptimiseCommand implements Callable<Integer>, CommonOptions.Holder {
    final StoreCommand store;

    private CommandSpec spec;

    StoreOptimiseCommand(StoreCommand store) {
        this.store = store;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "optimise", 
                "Replace identical files in the store by hard links to one copy (in <store>/.links).");
        c.aliases("optimize");
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        return StoreSession.run(store.parent.err, common.verbose, () -> {
            OptimiseResult r = StoreSession.openExisting(common).optimise();
            store.parent.out.println(StoreSession.mebibytes(r.bytesSaved()) + " freed by hard-linking "
                    + r.filesLinked() + (r.filesLinked() == 1 ? " file" : " files"));
            store.parent.out.flush();
            return 0;
        });
    }
}

package dev.sysbuild.cli;

import dev.sysbuild.store.local.OptimiseResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code sysbuild store optimise}: like {@code nix-store --optimise}. */
@Command(name = "optimise", aliases = "optimize", mixinStandardHelpOptions = true,
        description = "Replace identical files in the store by hard links to one copy (in <store>/.links).")
final class StoreOptimiseCommand implements Callable<Integer>, CommonOptions.Holder {
    @ParentCommand
    StoreCommand store;

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        return StoreSession.run(store.parent.err, common.verbose, () -> {
            OptimiseResult r = StoreSession.open(common).optimise();
            store.parent.out.println(StoreSession.mebibytes(r.bytesSaved()) + " freed by hard-linking "
                    + r.filesLinked() + (r.filesLinked() == 1 ? " file" : " files"));
            store.parent.out.flush();
            return 0;
        });
    }
}

package dev.sysbuild.cli;

import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.nar.NarWriter;
import dev.sysbuild.store.path.StoreDir;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sysbuild store dump PATH}: the NAR of a path, byte for byte as {@code nix-store --dump}. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Write the NAR of a path to standard output, byte for byte as nix-store --dump.",
                "A logical store path (/sysbuild/store/...) is read under --root; any other path as it is."})
final class StoreDumpCommand implements Callable<Integer>, CommonOptions.Holder {
    @ParentCommand
    StoreCommand store;

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    @Parameters(paramLabel = "PATH", description = "A file, directory or symlink (symlinks are archived, not followed).")
    String path;

    @Override
    public Integer call() {
        if (System.console() != null) {
            store.parent.err.println("error: refusing to write a binary NAR to a terminal; redirect standard output");
            return 2;
        }
        return StoreSession.run(store.parent.err, common.verbose, () -> {
            StoreDir dir = new StoreDir(common.storeDir);
            // No store is opened: dumping reads, and must work on a root nobody may write.
            Path source = path.startsWith(dir.path() + "/")
                    ? new StoreLayout(Path.of(common.root), dir).physical(path)
                    : Path.of(path);
            NarWriter.dump(source, store.parent.out);
            store.parent.out.flush();
            return 0;
        });
    }
}

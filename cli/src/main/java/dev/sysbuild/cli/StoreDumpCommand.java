package dev.sysbuild.cli;

import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.nar.NarWriter;
import dev.sysbuild.store.path.StoreDir;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sysbuild store dump PATH}: the NAR of a path, byte for byte as {@code nix-store --dump}. */
final class StoreDumpCommand implements Callable<Integer>, CommonOptions.Holder {
    final StoreCommand store;

    private CommandSpec spec;

    StoreDumpCommand(StoreCommand store) {
        this.store = store;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "dump", "Write the NAR of a path to standard output, byte for byte as nix-store --dump.",
                "A logical store path (/sysbuild/store/...) is read under --root; any other path as it is.");
        c.addPositional(PositionalParamSpec.builder().arity("1").required(true).paramLabel("PATH").type(String.class)
                .description("A file, directory or symlink (symlinks are archived, not followed).").build());
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    String path;

    @Override
    public Integer call() {
        path = Specs.positional(spec, 0);
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

package dev.sysbuild.cli;

import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sysbuild store add PATH...}: like {@code nix-store --add}. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Copy files or directories into the store as source paths and print their store paths.")
final class StoreAddCommand implements Callable<Integer> {
    @ParentCommand
    StoreCommand store;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "A file, directory or symlink; its name names the store path.")
    List<String> paths;

    @Override
    public Integer call() {
        return StoreSession.run(store.parent.err, common.verbose, () -> {
            LocalStore s = StoreSession.open(common);
            StringBuilder out = new StringBuilder();
            for (String arg : paths) {
                Path source = Path.of(arg).toAbsolutePath().normalize();
                Path name = source.getFileName();
                if (name == null) throw new java.io.IOException("cannot add '" + arg + "': it has no name to give the store path");
                StorePath p = s.addToStore(source, name.toString());
                out.append(s.storeDir().print(p)).append('\n');
            }
            store.parent.out.print(out);
            store.parent.out.flush();
            return 0;
        });
    }
}

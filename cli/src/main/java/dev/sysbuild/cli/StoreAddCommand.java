package dev.sysbuild.cli;

import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sysbuild store add PATH...}: like {@code nix-store --add}. */
final class StoreAddCommand implements Callable<Integer>, CommonOptions.Holder {
    final StoreCommand store;

    final CommonOptions common = new CommonOptions();
    private CommandSpec spec;

    @Override
    public CommonOptions common() {
        return common;
    }

    List<String> paths;

    StoreAddCommand(StoreCommand store) {
        this.store = store;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "add",
                "Copy files or directories into the store as source paths and print their store paths.");
        c.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("PATH")
                .type(List.class).auxiliaryTypes(String.class)
                .description("A file, directory or symlink; its name names the store path.").build());
        spec = c;
        return c;
    }

    @Override
    public Integer call() {
        paths = Specs.positional(spec, 0);
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
            Output.write(store.parent.out, out);
            store.parent.out.flush();
            return 0;
        });
    }
}

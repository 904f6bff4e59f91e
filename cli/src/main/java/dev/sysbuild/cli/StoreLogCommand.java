package dev.sysbuild.cli;

import dev.sysbuild.store.build.BuildLogs;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.local.PathInfo;
import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.path.InvalidStorePathException;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sysbuild store log PATH}: the build log of a derivation, or of the derivation that built an output. */
final class StoreLogCommand implements Callable<Integer>, CommonOptions.Holder {
    final StoreCommand parent;

    private CommandSpec spec;

    StoreLogCommand(StoreCommand parent) {
        this.parent = parent;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "log", 
                "Print the build log of a .drv path, or of the derivation that built a store path.");
        c.addPositional(PositionalParamSpec.builder().arity("1").required(true).paramLabel("PATH").type(String.class)
                .description("A .drv path or an output path (logical, e.g. /sysbuild/store/...).").build());
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
        try {
            return print();
        } catch (IOException e) {
            return fail(BuildCommand.describe(e), 1);
        }
    }

    private int print() throws IOException {
        StoreLayout layout = new StoreLayout(Path.of(common.root), new StoreDir(common.storeDir));
        StorePath p;
        try {
            p = layout.storeDir().storePathOf(path);
        } catch (InvalidStorePathException e) {
            return fail("'" + path + "' is not a path in the store " + layout.storeDir().path(), 2);
        }
        StorePath drv = p;
        if (!p.isDerivation()) {
            StoreSession.existingLayout(common); // a root without a store: said as the other store commands say it
            Optional<PathInfo> info = LocalStore.open(layout.root(), layout.storeDir()).queryPathInfo(p);
            if (info.isEmpty()) return fail("'" + layout.storeDir().print(p) + "' is not a valid store path", 1);
            if (info.get().deriver().isEmpty()) {
                return fail("'" + layout.storeDir().print(p) + "' was not built here (it has no deriver), so it has no log", 1);
            }
            drv = info.get().deriver().get();
        }
        Path log = BuildLogs.logFile(layout.root(), drv);
        if (!Files.exists(log)) return fail("no build log for '" + layout.storeDir().print(drv) + "' (" + log + ")", 1);
        parent.parent.out.write(Files.readAllBytes(log));
        parent.parent.out.flush();
        return 0;
    }

    private int fail(String message, int code) {
        parent.parent.err.println("error: " + message);
        return code;
    }
}
